package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Timeout;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.spi.CachingProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LarderKeysAndValuesTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());
  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = provider.getCacheManager(URI.create("classpath:jcache-aliases.yml"), null);
  }

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void aStringKeyIsTheKeyDjangoMakes() {
    Cache<Object, Object> jcache = manager.getCache("default");
    io.larder.Cache larder = jcache.unwrap(io.larder.Cache.class);

    jcache.put("user:42", "Ada");
    larder.set("user:43", "Grace", Timeout.seconds(60));

    assertThat(larder.<String>get("user:42")).isEqualTo("Ada");
    assertThat(larder.makeKey("user:42")).isEqualTo(":1:user:42");
    assertThat(jcache.get("user:43")).isEqualTo("Grace");
  }

  @Test
  void anObjectKeyIsStoredUnderItsStableStringForm() {
    Cache<Object, Object> jcache = manager.getCache("default");
    io.larder.Cache larder = jcache.unwrap(io.larder.Cache.class);
    UUID id = UUID.fromString("5f0c6c1e-2d1b-4c1e-9f9e-1b2c3d4e5f60");

    jcache.put(42L, "long");
    jcache.put(List.of("books", 7), "list");
    jcache.put(id, "uuid");

    assertThat(larder.<String>get("42")).isEqualTo("long");
    assertThat(larder.<String>get("books,7")).isEqualTo("list");
    assertThat(larder.<String>get(id.toString())).isEqualTo("uuid");
  }

  @Test
  void aKeyWithoutAStableStringFormIsRefused() {
    Cache<Object, Object> jcache = manager.getCache("default");

    assertThatThrownBy(() -> jcache.put(new Object(), "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("toString()");
  }

  @Test
  void aSerializableKeyWithoutToStringIsStoredUnderTheDigestOfItsSerialization() {
    Cache<Object, Object> jcache = manager.getCache("default");

    jcache.put(new OpaqueKey("select b from Book b", 7), "first");
    jcache.put(new OpaqueKey("select b from Book b", 8), "other");

    assertThat(jcache.get(new OpaqueKey("select b from Book b", 7))).isEqualTo("first");
    assertThat(jcache.get(new OpaqueKey("select b from Book b", 8))).isEqualTo("other");
    assertThat(JCacheKeys.of(new OpaqueKey("select b from Book b", 7)))
        .matches("OpaqueKey#[0-9a-f]{64}");
  }

  /** A key as Hibernate's QueryKey is: Serializable, equals and hashCode, no toString. */
  static final class OpaqueKey implements java.io.Serializable {
    private final String query;
    private final int parameter;

    OpaqueKey(String query, int parameter) {
      this.query = query;
      this.parameter = parameter;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OpaqueKey key
          && key.query.equals(query)
          && key.parameter == parameter;
    }

    @Override
    public int hashCode() {
      return query.hashCode() * 31 + parameter;
    }
  }

  @Test
  void aKeyOfTheWrongTypeIsAClassCastAndNothingIsStored() {
    Cache<Object, Object> typed = untyped(longToString("typed"));

    assertThatThrownBy(() -> typed.put("42", "v"))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("java.lang.Long");
    assertThat(typed.unwrap(io.larder.Cache.class).hasKey("42")).isFalse();
  }

  @Test
  void aNullKeyOrValueIsRefusedAndNothingIsStored() {
    Cache<Long, String> cache = longToString("nulls");

    assertThatThrownBy(() -> cache.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cache.put(1L, null)).isInstanceOf(NullPointerException.class);
    assertThat(cache.iterator().hasNext()).isFalse();
  }

  @Test
  void aValueThatCannotBeSerializedByValueIsACacheExceptionAndNothingIsStored() {
    Cache<Long, Object> cache =
        manager.createCache(
            "by-value", new MutableConfiguration<Long, Object>().setStoreByValue(true));

    assertThatThrownBy(() -> cache.put(1L, new Object()))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("by-value");
    assertThat(cache.containsKey(1L)).isFalse();
  }

  @Test
  void aLoaderThatThrowsIsACacheLoaderExceptionAndNothingIsStored() {
    MutableConfiguration<Long, String> configuration =
        new MutableConfiguration<Long, String>()
            .setTypes(Long.class, String.class)
            .setReadThrough(true)
            .setCacheLoaderFactory(FactoryBuilder.factoryOf(FailingLoader.class));
    Cache<Long, String> cache = manager.createCache("failing-loader", configuration);

    assertThatThrownBy(() -> cache.get(1L))
        .isInstanceOf(CacheLoaderException.class)
        .hasRootCauseMessage("the database is down");
    assertThat(cache.containsKey(1L)).isFalse();
  }

  @Test
  void unwrapGivesLarderCacheAndRefusesOtherTypes() {
    Cache<Long, String> cache = longToString("unwrap");

    Object unwrapped = cache.unwrap(LarderJCache.class);
    assertThat(unwrapped).isSameAs(cache);
    assertThat(cache.unwrap(io.larder.Cache.class).settings().alias()).isEqualTo("unwrap");
    assertThatThrownBy(() -> cache.unwrap(Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.Map");
  }

  private Cache<Long, String> longToString(String name) {
    return manager.createCache(
        name, new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Cache<Object, Object> untyped(Cache<?, ?> cache) {
    return (Cache) cache;
  }

  /** A loader whose source is down. */
  public static final class FailingLoader implements CacheLoader<Long, String> {
    @Override
    public String load(Long key) {
      throw new IllegalStateException("the database is down");
    }

    @Override
    public Map<Long, String> loadAll(Iterable<? extends Long> keys) {
      throw new IllegalStateException("the database is down");
    }
  }
}
