package io.larder.file;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.DisallowedClassException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code .djcache} files of any content: {@code get} answers a value or a miss, never an exception
 * (but for a class outside the allow-list), an {@code Error} or a hang. Seeds: zlib bombs and
 * hostile streams behind a valid header, in {@code CacheFileFuzzTestInputs}.
 */
class CacheFileFuzzTest {
  private static Path dir;
  private static Caches caches;
  private static Cache cache;

  @BeforeAll
  static void open() throws IOException {
    dir = Files.createTempDirectory("larder-fuzz");
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> c.backend("filebased").location(dir.toString()).option("max_value_size", 1 << 20))
            .build();
    cache = caches.getDefault();
  }

  @AfterAll
  static void close() throws IOException {
    caches.close();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "10s")
  void anyFileIsAValueOrAMiss(byte[] content) throws IOException {
    Files.write(cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey("k")), content);
    try {
      cache.get("k");
    } catch (DisallowedClassException configurationError) {
      // a well-formed value of a class the allow-list does not name: an error by design
    }
  }
}
