package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo started on a {@code db} cache whose table does not exist yet, as a new user's first
 * try is: it creates the table, as {@code larder createcachetable} would, and caches its pages.
 */
class DemoOnDatabaseIT {
  @TempDir Path dir;

  @Test
  void theDemoCreatesAMissingCacheTableAndCachesItsPagesThere() throws Exception {
    Path config = dir.resolve("larder.yml");
    Files.writeString(
        config,
        """
        caches:
          default:
            backend: db
            location: demo_cache
            options: { url: "jdbc:sqlite:%s" }
        """
            .formatted(dir.resolve("demo.sqlite3")));

    try (DemoProcess demo = DemoProcess.start(config)) {
      demo.get("/slow");
      HttpResponse<String> cached = demo.get("/slow");

      assertThat(demo.printed()).contains("Cache table 'demo_cache' created.");
      assertThat(cached.headers().firstValue("Age")).isPresent();
    }
  }
}
