package io.larder.jcache.hibernate;

import io.larder.testsupport.RedisServers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * A Hibernate {@link SessionFactory} over one PostgreSQL database whose second-level cache is
 * Larder's JCache provider, configured by {@code larder.yml} at {@code larderConfig}: the
 * properties a Hibernate user sets, nothing more (no allow-list of Larder's).
 */
final class Library {
  private Library() {}

  /**
   * A larder.yml in {@code dir} of a factory's own (so a cache manager of its own, as another
   * process has) whose default cache is the test's shared redis-server.
   */
  static URI larderYml(Path dir, String name) throws IOException {
    Path file = dir.resolve(name + ".yml");
    Files.writeString(
        file,
        "caches:\n  default:\n    backend: redis\n    location: "
            + RedisServers.standalone().url(6)
            + "\n");
    return file.toUri();
  }

  static SessionFactory open(String jdbcUrl, URI larderConfig, boolean createSchema) {
    return new Configuration()
        .addAnnotatedClass(Book.class)
        .addAnnotatedClass(Chapter.class)
        .setProperty("hibernate.connection.url", jdbcUrl)
        .setProperty("hibernate.hbm2ddl.auto", createSchema ? "create" : "none")
        .setProperty("hibernate.cache.use_second_level_cache", "true")
        .setProperty("hibernate.cache.use_query_cache", "true")
        .setProperty("hibernate.cache.region.factory_class", "jcache")
        .setProperty("hibernate.javax.cache.provider", "io.larder.jcache.LarderCachingProvider")
        .setProperty("hibernate.javax.cache.uri", larderConfig.toString())
        .setProperty("hibernate.javax.cache.missing_cache_strategy", "create")
        .setProperty("hibernate.generate_statistics", "true")
        .buildSessionFactory();
  }
}
