package io.larder.memcached;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The validated settings of one memcached pool; every one is named in docs/configuration.md. */
record PoolOptions(
    List<Server> servers,
    Ring.Hashing hashing,
    int maxItemSize,
    int retryAttempts,
    long retryTimeoutMillis,
    long deadTimeoutMillis,
    long connectTimeoutMillis,
    long operationTimeoutMillis,
    int poolSize,
    boolean compress,
    int compressMinLength,
    int compressLevel) {

  static final int DEFAULT_MAX_ITEM_SIZE = 1024 * 1024;
  private static final String PYMEMCACHE = "django.core.cache.backends.memcached.PyMemcacheCache";

  static final Option<Ring.Hashing> HASHING =
      Option.of(
          "hashing",
          "ketama",
          "ketama (libmemcached, pylibmc) or rendezvous (pymemcache; the default under Django's"
              + " PyMemcacheCache name)",
          PoolOptions::hashing);
  static final Option<Integer> MAX_ITEM_SIZE =
      // memcached's own -I bounds: 1 KB to 1 GB.
      Option.integer(
          "max_item_size",
          DEFAULT_MAX_ITEM_SIZE,
          1024,
          1024 * 1024 * 1024,
          "bytes; a larger value is refused before it is sent (the servers' -I)");
  static final Option<Integer> RETRY_ATTEMPTS =
      Option.integer(
          "retry_attempts", 2, 1, 100, "failed calls in a row before a server is marked dead");
  static final Option<Timeout> RETRY_TIMEOUT =
      Option.seconds(
          "retry_timeout", Timeout.seconds(1), "seconds within which those failures must fall");
  static final Option<Timeout> DEAD_TIMEOUT =
      Option.seconds(
          "dead_timeout",
          Timeout.seconds(60),
          "seconds a dead server stays out of the ring before it is tried again");
  static final Option<Timeout> CONNECT_TIMEOUT =
      Option.seconds("connect_timeout", Timeout.seconds(1), "seconds connecting may take");
  static final Option<Timeout> OPERATION_TIMEOUT =
      Option.seconds("operation_timeout", Timeout.seconds(2), "seconds a command may take");
  static final Option<Integer> POOL_SIZE =
      Option.integer("pool_size", 1, 1, 64, "connections per server");

  /** Every option this backend reads beyond the common ones (it reads the compressor's too). */
  static final List<Option<?>> ALL =
      List.of(
          HASHING,
          MAX_ITEM_SIZE,
          RETRY_ATTEMPTS,
          RETRY_TIMEOUT,
          DEAD_TIMEOUT,
          CONNECT_TIMEOUT,
          OPERATION_TIMEOUT,
          POOL_SIZE);

  static PoolOptions from(CacheSettings settings) {
    return new PoolOptions(
        servers(settings),
        HASHING.from(settings),
        MAX_ITEM_SIZE.from(settings),
        RETRY_ATTEMPTS.from(settings),
        RETRY_TIMEOUT.from(settings).toMillis(),
        DEAD_TIMEOUT.from(settings).toMillis(),
        Math.max(1, CONNECT_TIMEOUT.from(settings).toMillis()),
        Math.max(1, OPERATION_TIMEOUT.from(settings).toMillis()),
        POOL_SIZE.from(settings),
        compress(settings),
        CommonOptions.COMPRESS_MIN_LENGTH.from(settings),
        CommonOptions.COMPRESS_LEVEL.from(settings));
  }

  private static List<Server> servers(CacheSettings settings) {
    List<String> locations = settings.locations();
    if (locations.isEmpty()) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(),
          "location",
          settings.location(),
          "one or more host:port servers, e.g. 127.0.0.1:11211");
    }
    List<Server> servers = new ArrayList<>();
    for (String location : locations) {
      Server server = Server.parse(settings, location);
      if (servers.contains(server)) {
        throw InvalidConfigurationException.badSetting(
            settings.alias(), "location", settings.location(), "each server listed once");
      }
      servers.add(server);
    }
    return List.copyOf(servers);
  }

  /**
   * Django's PyMemcacheCache path selects pymemcache's scheme, so a copied config interoperates.
   */
  private static Ring.Hashing hashing(CacheSettings settings) {
    String fallback = settings.backend().equals(PYMEMCACHE) ? "rendezvous" : "ketama";
    String name = settings.stringOption("hashing", fallback).trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "ketama" -> Ring.Hashing.KETAMA;
      case "rendezvous" -> Ring.Hashing.RENDEZVOUS;
      default ->
          throw settings.bad(
              "hashing",
              settings.options().get("hashing"),
              "ketama (libmemcached/pylibmc ketama_weighted) or rendezvous (pymemcache, Django's"
                  + " PyMemcacheCache)");
    };
  }

  /** Flag 8 means zlib to every memcached client, so no other compressor can be used here. */
  private static boolean compress(CacheSettings settings) {
    String name = CommonOptions.COMPRESSOR.from(settings);
    return switch (name) {
      case "none", "identity" -> false;
      case "zlib" -> true;
      default ->
          throw settings.bad(
              "compressor", name, "none or zlib (memcached clients know compressed items as zlib)");
    };
  }
}
