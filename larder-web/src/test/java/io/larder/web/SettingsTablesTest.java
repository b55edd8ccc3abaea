package io.larder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.DocTables;
import io.larder.web.pagecache.PageCacheSettings;
import io.larder.web.session.SessionSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of docs/web.md (init-params) and docs/sessions.md are the declarations of
 * {@link PageCacheSettings} and {@link SessionSettings}, word for word. Rewrite them with {@code
 * -Dlarder.docs.write=true}.
 */
class SettingsTablesTest {
  @Test
  void webMdListsEveryPageCacheSettingAsDeclared() {
    assertThat(
            DocTables.check(
                Path.of("..", "docs", "web.md"),
                Map.of("page-cache", WebSetting.table(PageCacheSettings.SETTINGS, "", false))))
        .isEmpty();
  }

  @Test
  void sessionsMdListsEverySessionSettingAsDeclared() {
    assertThat(
            DocTables.check(
                Path.of("..", "docs", "sessions.md"),
                Map.of("sessions", WebSetting.table(SessionSettings.SETTINGS, "", false))))
        .isEmpty();
  }
}
