package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.FragmentKeys;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tag on every embedded backend and the database backend (SQLite). */
class FragmentBackendsTest {
  private static final String TEMPLATE =
      "{% cache 60 \"box\" n %}box {{ renders.next() }}{% endcache %}";

  @TempDir static Path dir;

  static Stream<Map<String, Object>> backends() {
    return Stream.of(
        Map.of("backend", "locmem", "location", UUID.randomUUID().toString()),
        Map.of("backend", "locmem", "location", UUID.randomUUID().toString(),
            "options", Map.of("store_by_value", true)),
        Map.of("backend", "filebased", "location", dir.resolve("files").toString()),
        Map.of("backend", "db", "location", "fragments",
            "options", Map.of("url", "jdbc:sqlite:" + dir.resolve("fragments.sqlite3"))));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void aFragmentIsStoredServedExpiredAndInvalidated(Map<String, Object> backend) {
    Fragments fragments = new Fragments(Map.of("default", backend));
    CacheTables.create(fragments.caches, false, new PrintStream(OutputStream.nullOutputStream()));
    fragments.caches.getDefault().clear();

    assertThat(fragments.render(TEMPLATE, Map.of("n", 1))).isEqualTo("box 1");
    assertThat(fragments.render(TEMPLATE, Map.of("n", 1))).isEqualTo("box 1");
    assertThat(fragments.render(TEMPLATE, Map.of("n", 2))).isEqualTo("box 2");
    fragments.caches.getDefault().delete(FragmentKeys.make("box", 2));
    assertThat(fragments.render(TEMPLATE, Map.of("n", 2))).isEqualTo("box 3");
    fragments.clock.advance(Duration.ofSeconds(61));
    assertThat(fragments.render(TEMPLATE, Map.of("n", 1))).isEqualTo("box 4");
    fragments.caches.close();
  }
}
