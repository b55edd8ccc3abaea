package io.larder.web;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;

/** A test against a {@link TestSite}, which is stopped after each test. */
public abstract class SiteTest {
  public static final EnumSet<DispatcherType> REQUEST = EnumSet.of(DispatcherType.REQUEST);

  protected TestSite site;

  @AfterEach
  void stopSite() throws Exception {
    if (site != null) {
      site.close();
    }
  }
}
