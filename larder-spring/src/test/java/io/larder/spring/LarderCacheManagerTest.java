package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LarderCacheManagerTest {
  private final Caches caches = caches();

  @AfterEach
  void close() {
    caches.close();
  }

  private static Caches caches() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    config.put(
        "books",
        Map.of(
            "backend",
            "locmem",
            "location",
            UUID.randomUUID().toString(),
            "key_prefix",
            "shop",
            "timeout",
            60));
    return Caches.builder().environment(Map.of()).config(config).build();
  }

  @Test
  void everyAliasIsASpringCacheOfThatName() {
    LarderCacheManager manager = LarderCacheManager.of(caches);

    assertThat(manager.getCacheNames()).containsExactly("default", "books");
    assertThat(manager.getCache("books").getNativeCache()).isSameAs(caches.get("books"));
  }

  @Test
  void theSameNameGivesTheSameCache() {
    LarderCacheManager manager = LarderCacheManager.of(caches);

    assertThat(manager.getCache("books")).isSameAs(manager.getCache("books"));
  }

  @Test
  void anUnknownNameIsRefusedByDefault() {
    LarderCacheManager manager = LarderCacheManager.of(caches);

    assertThat(manager.getCache("authors")).isNull();
    assertThat(manager.getCacheNames()).doesNotContain("authors");
  }

  @Test
  void anUnknownNameIsMadeFromTheTemplateWithItsOwnKeyPrefix() {
    try (LarderCacheManager manager =
        LarderCacheManager.builder(caches).createFromTemplate("books").build()) {
      LarderCache authors = manager.getCache("authors");
      authors.put("1", "Herbert");

      assertThat(authors.getNativeCache().settings().keyPrefix()).isEqualTo("shop:authors");
      assertThat(authors.getNativeCache().makeKey("1")).isEqualTo("shop:authors:1:1");
      assertThat(authors.getNativeCache().settings().timeout())
          .isEqualTo(caches.get("books").settings().timeout());
      assertThat(manager.getCacheNames()).containsExactly("default", "books", "authors");
      assertThat(manager.larderCaches()).hasSize(3);
    }
  }

  @Test
  void aTemplateThatIsNotAnAliasIsRefusedWithTheConfiguredAliases() {
    assertThatThrownBy(() -> LarderCacheManager.builder(caches).createFromTemplate("nope"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("default, books");
  }

  @Test
  void nullValuesCanBeRefused() {
    LarderCacheManager manager = LarderCacheManager.builder(caches).allowNullValues(false).build();

    assertThat(manager.getCache("books").isAllowNullValues()).isFalse();
  }
}
