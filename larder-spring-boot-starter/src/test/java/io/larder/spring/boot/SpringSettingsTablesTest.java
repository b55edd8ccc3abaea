package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.DocTables;
import io.larder.web.WebSetting;
import io.larder.web.pagecache.PageCacheSettings;
import io.larder.web.session.SessionSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/spring.md's {@code larder.web.page-cache.*} and {@code larder.web.sessions.*} tables are the
 * declarations of {@link PageCacheSettings} and {@link SessionSettings}, word for word. Rewrite
 * them with {@code -Dlarder.docs.write=true}.
 */
class SpringSettingsTablesTest {
  @Test
  void springMdListsEveryPageCacheAndSessionPropertyAsDeclared() {
    assertThat(
            DocTables.check(
                Path.of("..", "docs", "spring.md"),
                Map.of(
                    "page-cache",
                    WebSetting.table(PageCacheSettings.SETTINGS, "larder.web.page-cache.", true),
                    "sessions",
                    WebSetting.table(SessionSettings.SETTINGS, "larder.web.sessions.", true))))
        .isEmpty();
  }
}
