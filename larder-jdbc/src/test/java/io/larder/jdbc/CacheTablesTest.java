package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Caches;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code createcachetable} as a Java call, over every alias of a configuration, on SQLite. */
class CacheTablesTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();

  private String url(String file) {
    return "jdbc:sqlite:" + dir.resolve(file);
  }

  private List<String> create(Caches caches, boolean dryRun) {
    return CacheTables.create(caches, dryRun, new PrintWriter(out, true));
  }

  @Test
  void aTableSharedByTwoAliasesIsCreatedOnce() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location("shared").option("url", url("a.db")))
            .cache("other", c -> c.backend("db").location("shared").option("url", url("a.db")))
            .build()) {
      assertThat(create(caches, false)).containsExactly("shared");
      assertThat(out.toString().lines()).containsExactly("Cache table 'shared' created.");
    }
  }

  @Test
  void theSameTableNameInTwoDatabasesIsCreatedInEach() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location("cache").option("url", url("a.db")))
            .cache("other", c -> c.backend("db").location("cache").option("url", url("b.db")))
            .build()) {
      assertThat(create(caches, false)).containsExactly("cache", "cache");
      caches.get("other").set("k", "v");
      assertThat((Object) caches.get("other").get("k")).isEqualTo("v");
    }
  }

  @Test
  void onlyTheMissingTablesAreCreated() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location("first").option("url", url("a.db")))
            .cache("locmem", c -> c.backend("locmem"))
            .build()) {
      create(caches, false);
      caches.getDefault().set("k", "kept");
    }
    try (Caches more =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location("first").option("url", url("a.db")))
            .cache("second", c -> c.backend("db").location("second").option("url", url("a.db")))
            .build()) {
      assertThat(create(more, false)).containsExactly("second");
      assertThat(out.toString()).contains("Cache table 'first' already exists.");
      assertThat((Object) more.getDefault().get("k")).isEqualTo("kept");
    }
  }

  @Test
  void aDryRunCreatesNothing() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("db").location("cache").option("url", url("a.db")))
            .build()) {
      assertThat(create(caches, true)).containsExactly("cache");
      assertThat(create(caches, true)).containsExactly("cache");
      assertThat(out.toString()).doesNotContain("already exists");
    }
  }

  @Test
  void anUnreachableDatabaseIsAnError() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("db")
                        .location("cache")
                        .option("url", "jdbc:sqlite:" + dir.resolve("missing").resolve("a.db")))
            .build()) {
      assertThatThrownBy(() -> create(caches, false))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageStartingWith("Cache 'default': the database failed");
    }
  }
}
