package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file cache whose directory is replaced by a plain file: every read and write fails in the file
 * system (as root, permissions would not stop this process, a file in the way does).
 */
class BrokenFragmentCacheTest {
  private static final String PAGE =
      "<main>{% cache 60 \"sidebar\" %}sidebar {{ renders.next() }}{% endcache %}</main>";

  @TempDir Path temp;

  @Test
  void aCacheThatFailsRendersTheFragmentUncachedAndCountsTheFailure() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments =
        new Fragments(Map.of("default", Map.of("backend", "filebased", "location", dir.toString())));
    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 1</main>");

    breakDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 2</main>");
    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 3</main>");
    assertThat(fragments.extension.failures()).isEqualTo(2);
    assertThat(fragments.caches.getDefault().stats().errors()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCacheThatRecoversStoresFragmentsAgain() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments =
        new Fragments(Map.of("default", Map.of("backend", "filebased", "location", dir.toString())));
    breakDirectory(dir);
    fragments.render(PAGE);

    Files.delete(dir);
    Files.createDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 2</main>");
    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 2</main>");
    assertThat(fragments.extension.failures()).isEqualTo(1);
  }

  @Test
  void aCacheConfiguredToFailOpenRendersTheFragmentWithoutAFailure() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments =
        new Fragments(
            Map.of(
                "default",
                Map.of(
                    "backend", "filebased",
                    "location", dir.toString(),
                    "options", Map.of("ignore_exceptions", true))));
    breakDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 1</main>");
    assertThat(fragments.extension.failures()).isZero();
    assertThat(fragments.caches.getDefault().stats().errors()).isPositive();
  }

  private static void breakDirectory(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(dir, "not a directory");
  }
}
