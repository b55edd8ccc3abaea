package io.larder.web;

import io.larder.web.pagecache.PageCache;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;

/** A test against a {@link TestSite}, which is stopped after each test. */
public abstract class SiteTest {
  public static final EnumSet<DispatcherType> REQUEST = EnumSet.of(DispatcherType.REQUEST);

  protected TestSite site;

  /** The page cache {@link #siteBehind} put in front of the site's pages. */
  protected PageCache pages;

  /**
   * Starts {@link #site} with its pages behind a page cache that {@code options} configure, for the
   * client's requests, and keeps it in {@link #pages}.
   */
  protected TestSite siteBehind(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              pages = options.apply(PageCache.builder(s.cache)).build();
              context.addFilter(new FilterHolder(pages.filter()), "/*", REQUEST);
              context.addServlet(new ServletHolder(s.pagesServlet()), "/*");
            });
    return site;
  }

  /** Waits for {@code state}, at most 20 s: tests wait for states, never for time. */
  protected static void awaitState(String what, BooleanSupplier state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!state.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @AfterEach
  void stopSite() throws Exception {
    if (site != null) {
      site.close();
    }
  }
}
