package io.larder.memcached;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

  static final Set<String> NAMES =
      Set.of(
          "hashing",
          "weights",
          "max_item_size",
          "retry_attempts",
          "retry_timeout",
          "dead_timeout",
          "connect_timeout",
          "operation_timeout",
          "pool_size");
  static final int DEFAULT_MAX_ITEM_SIZE = 1024 * 1024;
  private static final String PYMEMCACHE = "django.core.cache.backends.memcached.PyMemcacheCache";
  private static final String PYTHON_MEMCACHED =
      "django.core.cache.backends.memcached.MemcachedCache";

  static PoolOptions from(CacheSettings settings) {
    List<Server> servers = servers(settings);
    Ring.Hashing hashing = hashing(settings);
    // python-memcached takes a server out at its first failure, for dead_retry (30 s).
    boolean pythonMemcached = settings.backend().equals(PYTHON_MEMCACHED);
    return new PoolOptions(
        servers,
        hashing,
        weights(settings, servers, hashing),
        // memcached's own -I bounds: 1 KB to 1 GB.
        settings.intOption("max_item_size", DEFAULT_MAX_ITEM_SIZE, 1024, 1024 * 1024 * 1024),
        settings.intOption("retry_attempts", pythonMemcached ? 1 : 2, 1, 100),
        millis(settings, "retry_timeout", Timeout.seconds(1)),
        millis(settings, "dead_timeout", Timeout.seconds(pythonMemcached ? 30 : 60)),
        Math.max(1, millis(settings, "connect_timeout", Timeout.seconds(1))),
        Math.max(1, millis(settings, "operation_timeout", Timeout.seconds(2))),
        settings.intOption("pool_size", 1, 1, 64),
        compress(settings),
        settings.intOption("compress_min_length", 15, 0, Integer.MAX_VALUE),
        settings.intOption("compress_level", 6, -1, 9));
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
    String name = settings.stringOption("hashing", fallback).trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "ketama" -> Ring.Hashing.KETAMA;
      case "rendezvous" -> Ring.Hashing.RENDEZVOUS;
      case "crc32" -> Ring.Hashing.CRC32;
      default ->
          throw settings.bad(
              "hashing",
              settings.options().get("hashing"),
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
    if (!settings.hasOption("weights")) {
      return Collections.nCopies(servers.size(), 1);
    }
    Object raw = settings.options().get("weights");
    String accepted =
        "a list of "
            + servers.size()
            + " whole numbers from 1 to 1000, one per server of location in its order";
    if (hashing != Ring.Hashing.CRC32) {
      throw settings.bad(
          "weights",
          raw,
          "no weights: only hashing crc32 (python-memcached, Django's MemcachedCache) weighs"
              + " servers");
    }
    if (!(raw instanceof List<?> list) || list.size() != servers.size()) {
      throw settings.bad("weights", raw, accepted);
    }
    List<Integer> weights = new ArrayList<>();
    for (Object item : list) {
      int weight;
      try {
        weight = Integer.parseInt(String.valueOf(item).trim());
      } catch (NumberFormatException e) {
        throw settings.bad("weights", raw, accepted);
      }
      if (weight < 1 || weight > 1000) {
        throw settings.bad("weights", raw, accepted);
      }
      weights.add(weight);
    }
    return List.copyOf(weights);
  }

  /** Flag 8 means zlib to every memcached client, so no other compressor can be used here. */
  private static boolean compress(CacheSettings settings) {
    String name = settings.stringOption("compressor", "none");
    return switch (name) {
      case "none", "identity" -> false;
      case "zlib" -> true;
      default ->
          throw settings.bad(
              "compressor", name, "none or zlib (memcached clients know compressed items as zlib)");
    };
  }

  private static long millis(CacheSettings settings, String name, Timeout fallback) {
    return settings.secondsOption(name, fallback).toMillis();
  }
}
