package io.larder.memcached;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;
import io.larder.spi.SettingValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The validated settings of one memcached pool; every one is named in docs/configuration.md. */
record PoolOptions(
    List<Server> servers,
    Ring.Hashing hashing,
    List<Integer> weights,
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
  private static final String PYTHON_MEMCACHED =
      "django.core.cache.backends.memcached.MemcachedCache";

  static final Option<Ring.Hashing> HASHING =
      Option.of(
          "hashing",
          "ketama",
          "ketama (libmemcached, pylibmc), rendezvous (pymemcache; the default under Django's"
              + " PyMemcacheCache name) or crc32 (python-memcached; the default under Django's"
              + " MemcachedCache name)",
          PoolOptions::hashing);
  /** Read with the servers, by {@link #weights}; declared for the option tables and checks. */
  static final Option<List<String>> WEIGHTS =
      Option.list(
          "weights",
          "crc32 only: python-memcached's weight of each server, in location's order (all 1)");
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
          "retry_attempts",
          2,
          1,
          100,
          "failed calls in a row before a server is marked dead (1 under Django's MemcachedCache"
              + " name, as python-memcached)");
  static final Option<Timeout> RETRY_TIMEOUT =
      Option.seconds(
          "retry_timeout", Timeout.seconds(1), "seconds within which those failures must fall");
  static final Option<Timeout> DEAD_TIMEOUT =
      Option.seconds(
          "dead_timeout",
          Timeout.seconds(60),
          "seconds a dead server stays out of the ring before it is tried again (30 under"
              + " Django's MemcachedCache name, python-memcached's dead_retry)");
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
          WEIGHTS,
          MAX_ITEM_SIZE,
          RETRY_ATTEMPTS,
          RETRY_TIMEOUT,
          DEAD_TIMEOUT,
          CONNECT_TIMEOUT,
          OPERATION_TIMEOUT,
          POOL_SIZE);

  static PoolOptions from(CacheSettings settings) {
    List<Server> servers = servers(settings);
    Ring.Hashing hashing = hashing(settings);
    // python-memcached takes a server out at its first failure, for dead_retry (30 s).
    boolean pythonMemcached = settings.backend().equals(PYTHON_MEMCACHED);
    return new PoolOptions(
        servers,
        hashing,
        weights(settings, servers, hashing),
        MAX_ITEM_SIZE.from(settings),
        pythonMemcached && !RETRY_ATTEMPTS.isSet(settings)
            ? 1
            : RETRY_ATTEMPTS.from(settings),
        RETRY_TIMEOUT.from(settings).toMillis(),
        pythonMemcached && !DEAD_TIMEOUT.isSet(settings)
            ? 30_000
            : DEAD_TIMEOUT.from(settings).toMillis(),
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
   * Django's PyMemcacheCache and MemcachedCache paths select their client's scheme, so a copied
   * config interoperates.
   */
  private static Ring.Hashing hashing(CacheSettings settings) {
    String fallback =
        switch (settings.backend()) {
          case PYMEMCACHE -> "rendezvous";
          case PYTHON_MEMCACHED -> "crc32";
          default -> "ketama";
        };
    String name =
        HASHING.read(settings, fallback, SettingValues::text).trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "ketama" -> Ring.Hashing.KETAMA;
      case "rendezvous" -> Ring.Hashing.RENDEZVOUS;
      case "crc32" -> Ring.Hashing.CRC32;
      default ->
          throw HASHING.invalid(
              settings,
              HASHING.raw(settings),
              "ketama (libmemcached/pylibmc ketama_weighted), rendezvous (pymemcache, Django's"
                  + " PyMemcacheCache) or crc32 (python-memcached, Django's MemcachedCache)");
    };
  }

  /**
   * python-memcached's server weights (Django's {@code ("host:port", weight)} tuples), one per
   * server in {@code location}'s order; all 1 when unset.
   */
  private static List<Integer> weights(
      CacheSettings settings, List<Server> servers, Ring.Hashing hashing) {
    if (!WEIGHTS.isSet(settings)) {
      return Collections.nCopies(servers.size(), 1);
    }
    Object raw = WEIGHTS.raw(settings);
    String accepted =
        "a list of "
            + servers.size()
            + " whole numbers from 1 to 1000, one per server of location in its order";
    if (hashing != Ring.Hashing.CRC32) {
      throw WEIGHTS.invalid(
          settings,
          raw,
          "no weights: only hashing crc32 (python-memcached, Django's MemcachedCache) weighs"
              + " servers");
    }
    if (!(raw instanceof List<?> list) || list.size() != servers.size()) {
      throw WEIGHTS.invalid(settings, raw, accepted);
    }
    List<Integer> weights = new ArrayList<>();
    for (Object item : list) {
      int weight;
      try {
        weight = Integer.parseInt(String.valueOf(item).trim());
      } catch (NumberFormatException e) {
        throw WEIGHTS.invalid(settings, raw, accepted);
      }
      if (weight < 1 || weight > 1000) {
        throw WEIGHTS.invalid(settings, raw, accepted);
      }
      weights.add(weight);
    }
    return List.copyOf(weights);
  }

  /** Flag 8 means zlib to every memcached client, so no other compressor can be used here. */
  private static boolean compress(CacheSettings settings) {
    String name = CommonOptions.COMPRESSOR.from(settings);
    return switch (name) {
      case "none", "identity" -> false;
      case "zlib" -> true;
      default ->
          throw CommonOptions.COMPRESSOR.invalid(
              settings,
              name,
              "none or zlib (memcached clients know compressed items as zlib)");
    };
  }
}
