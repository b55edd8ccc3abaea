package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session cache that goes down for real: a file cache whose directory is replaced by a plain
 * file (every read and write fails in the file system), then comes back empty, as a restarted
 * server would.
 */
class BrokenCacheSessionTest {
  @TempDir Path temp;
  private Caches caches;
  private SessionServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
    caches.close();
  }

  private Browser start(SessionSettings settings, boolean failOpen) throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        "default",
        Map.of(
            "backend", "filebased",
            "location", cacheDir().toString(),
            "options", Map.of("ignore_exceptions", failOpen)));
    config.put(
        "sessions_db",
        Map.of(
            "backend", "db",
            "location", "larder_sessions",
            "options",
                Map.of(
                    "url", "jdbc:sqlite:" + temp.resolve("sessions.sqlite3"),
                    "max_entries", 10_000_000)));
    caches = Caches.builder().environment(Map.of()).config(config).build();
    CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
    server = new SessionServer(new SessionFilter(caches, settings), new SessionApp(key -> false));
    return new Browser(server);
  }

  private static SessionSettings cachedDb() {
    return SessionSettings.builder()
        .engine(SessionEngine.CACHED_DB)
        .databaseAlias("sessions_db")
        .build();
  }

  private Path cacheDir() {
    return temp.resolve("cache");
  }

  @Test
  void cachedDbFallsBackToTheDatabaseWhileTheCacheIsDownWithoutLosingAWrite() throws Exception {
    Browser browser = start(cachedDb(), false);
    browser.get("/counter");

    breakCache();

    assertThat(browser.body("/counter")).isEqualTo("2");
    assertThat(browser.body("/counter")).isEqualTo("3");
    repairCache();
    assertThat(browser.body("/counter")).isEqualTo("4");
    assertThat(browser.body("/peek")).isEqualTo("4");
  }

  @Test
  void cachedDbCreatesSessionsWhileTheCacheIsDown() throws Exception {
    Browser browser = start(cachedDb(), false);
    breakCache();

    HttpResponse<String> response = browser.get("/counter");
    browser.get("/counter");

    assertThat(response.headers().firstValue("Set-Cookie")).isPresent();
    repairCache();
    assertThat(browser.body("/peek")).isEqualTo("2");
  }

  @Test
  void cachedDbServesNoStaleCopyWhenTheCacheComesBackWithItsOldContents() throws Exception {
    Browser browser = start(cachedDb(), false);
    browser.get("/counter");
    Path saved = temp.resolve("saved-cache");
    copyCacheTo(saved);
    breakCache();
    browser.get("/counter");

    Files.delete(cacheDir());
    Files.move(saved, cacheDir());

    assertThat(browser.body("/peek")).isEqualTo("2");
    assertThat(browser.body("/counter")).isEqualTo("3");
  }

  @Test
  void theCacheEngineFailsTheRequestWhenItsCacheIsDown() throws Exception {
    Browser browser = start(SessionSettings.defaults(), false);
    breakCache();

    assertThat(browser.get("/counter").statusCode()).isEqualTo(500);
  }

  @Test
  void theCacheEngineOnAFailOpenCacheServesThePageWithoutKeepingTheSession() throws Exception {
    Browser browser = start(SessionSettings.defaults(), true);
    breakCache();

    HttpResponse<String> response = browser.get("/counter");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  private void breakCache() throws IOException {
    deleteTree(cacheDir());
    Files.writeString(cacheDir(), "not a directory");
  }

  private void repairCache() throws IOException {
    Files.delete(cacheDir());
    Files.createDirectory(cacheDir());
  }

  private void copyCacheTo(Path target) throws IOException {
    Files.createDirectory(target);
    try (Stream<Path> files = Files.list(cacheDir())) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
