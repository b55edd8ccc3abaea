package io.larder.thymeleaf;

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
      "<main><p larder:cache=\"60, sidebar\">"
          + "sidebar <i th:text=\"${renders.next()}\"></i></p></main>";

  @TempDir Path temp;

  private Fragments files(Path dir, Map<String, Object> options) {
    return new Fragments(
        Map.of(
            "default",
            Map.of("backend", "filebased", "location", dir.toString(), "options", options)));
  }

  @Test
  void aCacheThatFailsRendersTheFragmentUncachedAndCountsTheFailure() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments = files(dir, Map.of());
    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>1</i></p></main>");

    breakDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>2</i></p></main>");
    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>3</i></p></main>");
    assertThat(fragments.dialect.failures()).isEqualTo(2);
  }

  @Test
  void aCacheThatRecoversStoresFragmentsAgain() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments = files(dir, Map.of());
    breakDirectory(dir);
    fragments.render(PAGE);

    Files.delete(dir);
    Files.createDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>2</i></p></main>");
    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>2</i></p></main>");
    assertThat(fragments.dialect.failures()).isEqualTo(1);
  }

  @Test
  void aCacheConfiguredToFailOpenRendersTheFragmentWithoutAFailure() throws IOException {
    Path dir = temp.resolve("fragments");
    Fragments fragments = files(dir, Map.of("ignore_exceptions", true));
    breakDirectory(dir);

    assertThat(fragments.render(PAGE)).isEqualTo("<main><p>sidebar <i>1</i></p></main>");
    assertThat(fragments.dialect.failures()).isZero();
    assertThat(fragments.caches.getDefault().stats().errors()).isPositive();
  }

  private static void breakDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(dir, "not a directory");
  }
}
