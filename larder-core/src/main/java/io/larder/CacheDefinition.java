package io.larder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one alias as the builder takes them: the same settings as the {@code CACHES}
 * configuration, checked when {@link Caches.Builder#build()} runs.
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .cache("default", c -> c.backend("locmem").timeout(Timeout.minutes(5)).option("max_entries", 10_000))
 *     .cache("sessions", c -> c.backend("filebased").location("/var/tmp/larder"))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class CacheDefinition {
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final Map<String, Object> options = new LinkedHashMap<>();

  CacheDefinition() {}

  /**
   * {@code BACKEND}: a short name ({@code locmem}), a Django dotted path, or a class name.
   *
   * @param backend e.g. {@code locmem}, {@code django.core.cache.backends.redis.RedisCache} or the
   *     class name of a {@link io.larder.spi.CacheBackend} or {@link io.larder.spi.CacheStore}
   * @return this definition, for chaining
   */
  public CacheDefinition backend(String backend) {
    return set("backend", backend);
  }

  /**
   * {@code LOCATION}: a store name, directory, table, server or URL.
   *
   * @param location what the backend reads it as, e.g. {@code /var/tmp/django_cache} for the file
   *     backend or {@code redis://127.0.0.1:6379/1}
   * @return this definition, for chaining
   */
  public CacheDefinition location(String location) {
    return set("location", location);
  }

  /**
   * {@code LOCATION} as a list, e.g. a primary and its replicas.
   *
   * @param locations the locations, in order; copied, and neither the list nor an element may be
   *     null
   * @return this definition, for chaining
   */
  public CacheDefinition locations(List<String> locations) {
    return set("location", List.copyOf(locations));
  }

  /**
   * {@code TIMEOUT}: the default timeout ({@link Timeout#NEVER} for Django's {@code None}).
   *
   * @param timeout the lifetime of entries written with {@link Timeout#DEFAULT}; Django's default
   *     is 300 seconds
   * @return this definition, for chaining
   */
  public CacheDefinition timeout(Timeout timeout) {
    return set("timeout", timeout);
  }

  /**
   * {@code KEY_PREFIX}: the text the key function puts before every key.
   *
   * @param keyPrefix the text put before every key, so that caches sharing a store keep apart;
   *     empty for none
   * @return this definition, for chaining
   */
  public CacheDefinition keyPrefix(String keyPrefix) {
    return set("key_prefix", keyPrefix);
  }

  /**
   * {@code VERSION}: the default version of every key.
   *
   * @param version the version of keys when the caller gives none; Django's default is 1
   * @return this definition, for chaining
   */
  public CacheDefinition version(int version) {
    return set("version", version);
  }

  /**
   * {@code KEY_FUNCTION}: how stored keys are made.
   *
   * @param keyFunction makes the stored key from the caller's key, the prefix and the version
   * @return this definition, for chaining
   */
  public CacheDefinition keyFunction(KeyFunction keyFunction) {
    return set("key_function", keyFunction);
  }

  /**
   * One entry of {@code OPTIONS}, e.g. {@code option("max_entries", 1000)}.
   *
   * @param name the option's name, in any case, e.g. {@code max_entries}
   * @param value its value, as the configuration file would give it (a number, a string, a list or
   *     a map)
   * @return this definition, for chaining
   */
  public CacheDefinition option(String name, Object value) {
    options.put(name, value);
    return this;
  }

  private CacheDefinition set(String name, Object value) {
    settings.put(name, value);
    return this;
  }

  /** Merges these settings over {@code existing}: what is set here wins. */
  void mergeInto(Map<String, Object> existing) {
    settings.forEach(
        (name, value) -> {
          existing.keySet().removeIf(k -> k.equalsIgnoreCase(name));
          existing.put(name, value);
        });
    if (!options.isEmpty()) {
      String key =
          existing.keySet().stream()
              .filter(k -> k.equalsIgnoreCase("options"))
              .findFirst()
              .orElse("options");
      Map<String, Object> merged = new LinkedHashMap<>();
      if (existing.get(key) instanceof Map<?, ?> current) {
        current.forEach((k, v) -> merged.put(String.valueOf(k), v));
      }
      merged.putAll(options);
      existing.put(key, merged);
    }
  }
}
