package io.larder.jcache.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.DisallowedClassException;
import io.larder.jcache.LarderCachingProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default allow-list of a created cache: a cache named after a JPA entity (Hibernate's region
 * for it) reads the application's classes of the entity's package; any other cache refuses them.
 */
class CreatedCacheAllowListTest {
  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());
  private CacheManager manager;

  @BeforeEach
  void openManager(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("larder.yml");
    Files.writeString(file, "caches:\n  default:\n    backend: locmem\n");
    manager = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Test
  void anEntitysRegionReadsTheClassesOfTheEntitysPackage() {
    Cache<Object, Object> region =
        manager.createCache(Book.class.getName(), new MutableConfiguration<>());

    region.put("genre", Genre.FICTION);

    assertThat(region.get("genre")).isEqualTo(Genre.FICTION);
  }

  @Test
  void aCollectionRoleRegionReadsTheClassesOfItsOwnersPackage() {
    Cache<Object, Object> region =
        manager.createCache(Book.class.getName() + ".chapters", new MutableConfiguration<>());

    region.put("genre", Genre.PROGRAMMING);

    assertThat(region.get("genre")).isEqualTo(Genre.PROGRAMMING);
  }

  @Test
  void aCacheNamedAfterNoEntityRefusesTheApplicationsClasses() {
    Cache<Object, Object> books = manager.createCache("books", new MutableConfiguration<>());
    books.put("genre", Genre.FICTION);

    assertThatThrownBy(() -> books.get("genre"))
        .isInstanceOf(CacheException.class)
        .hasRootCauseInstanceOf(DisallowedClassException.class)
        .rootCause()
        .hasMessageContaining(Genre.class.getName());
  }

  @Test
  void aCacheNamedAfterAClassThatIsNoEntityRefusesItsPackage() {
    Cache<Object, Object> named =
        manager.createCache(Genre.class.getName(), new MutableConfiguration<>());
    named.put("genre", Genre.FICTION);

    assertThatThrownBy(() -> named.get("genre"))
        .isInstanceOf(CacheException.class)
        .hasRootCauseInstanceOf(DisallowedClassException.class);
  }
}
