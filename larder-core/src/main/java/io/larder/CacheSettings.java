package io.larder;

import io.larder.internal.SettingsParser;
import io.larder.spi.PasswordRedaction;
import io.larder.spi.SettingValues;
import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated settings of one cache alias: Django's {@code CACHES[alias]}. Built by {@link
 * Caches} from configuration. A backend reads its {@link #options()} through its declared {@link
 * io.larder.spi.Option}s, whose errors name the alias, the option, the value and what is accepted.
 *
 * <pre>{@code
 * static final Option<Integer> POOL_SIZE =
 *     Option.integer("pool_size", 8, 1, 1024, "the most connections the cache's pool opens");
 * ...
 * int poolSize = POOL_SIZE.from(settings);
 * }</pre>
 *
 * @since 0.1
 */
public final class CacheSettings {
  /** Django's default {@code TIMEOUT}: 300 seconds. */
  public static final Timeout DEFAULT_TIMEOUT = Timeout.seconds(300);
  /** Django's default {@code MAX_ENTRIES}. */
  public static final int DEFAULT_MAX_ENTRIES = 300;
  /** The default {@code options.max_value_size}: 64 MiB. */
  public static final int DEFAULT_MAX_VALUE_SIZE = 64 << 20;
  /** Django's default {@code CULL_FREQUENCY}. */
  public static final int DEFAULT_CULL_FREQUENCY = 3;

  private final String alias;
  private final String backend;
  private final List<String> locations;
  private final String location;
  private final Timeout timeout;
  private final String keyPrefix;
  private final int version;
  private final KeyFunction keyFunction;
  private final Map<String, Object> options;
  private final InstantSource clock;

  /**
   * Made by {@link Caches} from checked configuration. A test gets settings the same way: {@code
   * Caches.builder().config(...).build().get(alias).settings()}.
   */
  CacheSettings(SettingsParser.Checked checked) {
    this.alias = checked.alias();
    this.backend = checked.backend();
    this.location = checked.location();
    this.locations = List.copyOf(checked.locations());
    this.timeout = checked.timeout();
    this.keyPrefix = checked.keyPrefix();
    this.version = checked.version();
    this.keyFunction = checked.keyFunction();
    this.options = Collections.unmodifiableMap(checked.options());
    this.clock = checked.clock();
  }

  /**
   * The alias, e.g. {@code default}.
   *
   * @return the name this cache is configured under
   */
  public String alias() {
    return alias;
  }

  /**
   * The backend as configured (short name, Django dotted path or class name).
   *
   * @return the configured {@code BACKEND}, as written
   */
  public String backend() {
    return backend;
  }

  /**
   * {@code LOCATION} as configured: a store name, directory, table, server or URL; may be empty.
   *
   * @return the configured location; an empty string when none is set, and the list joined with
   *     {@code ,} when a list is
   */
  public String location() {
    return location;
  }

  /**
   * {@code LOCATION} as a list: a configured list as is, a string split on {@code ,} and {@code ;}
   * as Django does for servers. Empty when no location is set.
   *
   * @return an unmodifiable list of the locations
   */
  public List<String> locations() {
    return locations;
  }

  /**
   * The default timeout ({@code TIMEOUT}); never {@link Timeout#DEFAULT}.
   *
   * @return a finite timeout or {@link Timeout#NEVER}; Django's 300 seconds when unset
   */
  public Timeout timeout() {
    return timeout;
  }

  /**
   * {@code KEY_PREFIX}; empty when unset.
   *
   * @return the prefix, never null
   */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * {@code VERSION}; 1 when unset.
   *
   * @return the default version of keys
   */
  public int version() {
    return version;
  }

  /**
   * {@code KEY_FUNCTION}; Django's {@code prefix:version:key} when unset.
   *
   * @return the key function, never null
   */
  public KeyFunction keyFunction() {
    return keyFunction;
  }

  /**
   * {@code OPTIONS}, with keys in lower case.
   *
   * @return an unmodifiable map of the configured options; empty when none are set
   */
  public Map<String, Object> options() {
    return options;
  }

  /**
   * The clock caches read the time from (the system clock unless a test injects one).
   *
   * @return the clock, never null
   */
  public InstantSource clock() {
    return clock;
  }

  /**
   * {@code options.max_entries}: the most entries locmem, file and database caches keep.
   *
   * @return the configured count, at least 1; 300 when unset, as in Django
   * @throws InvalidConfigurationException if the option is not a positive integer
   */
  public int maxEntries() {
    return integer("max_entries", DEFAULT_MAX_ENTRIES, 1, Integer.MAX_VALUE);
  }

  /**
   * {@code options.max_value_size}: the most bytes one serialized value may take, written or read.
   * Readers refuse anything larger (a zlib bomb, a huge file or row) as a corrupt value.
   *
   * @return the configured size in bytes, at least 1
   * @throws InvalidConfigurationException if the option is not a positive integer in range
   */
  public int maxValueSize() {
    return integer("max_value_size", DEFAULT_MAX_VALUE_SIZE, 1, Integer.MAX_VALUE - 8);
  }

  /**
   * {@code options.cull_frequency}: 1/n of the entries are culled when full; 0 clears all.
   *
   * @return the configured divisor, at least 0; 3 when unset, as in Django
   * @throws InvalidConfigurationException if the option is not a non-negative integer
   */
  public int cullFrequency() {
    return integer("cull_frequency", DEFAULT_CULL_FREQUENCY, 0, Integer.MAX_VALUE);
  }

  private int integer(String name, int defaultValue, int min, int max) {
    Object value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return (int) SettingValues.integer(value, min, max);
    } catch (IllegalArgumentException e) {
      throw InvalidConfigurationException.badSetting(
          alias, "options." + name, value, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "CacheSettings["
        + alias
        + ": backend="
        + backend
        + ", location="
        + PasswordRedaction.apply(location)
        + ", timeout="
        + timeout
        + ", key_prefix="
        + keyPrefix
        + ", version="
        + version
        + "]";
  }

  /**
   * {@link #location()} as it may be shown in logs, errors and output: the user info of a URL (all
   * between {@code //} and the last {@code @}, but the user name) and any {@code password=}
   * parameter replaced by {@code ***}, however malformed the URL.
   *
   * @return the location with its passwords masked; empty when none is set
   */
  public String displayLocation() {
    return PasswordRedaction.apply(location);
  }


  @Override
  public boolean equals(Object o) {
    return o instanceof CacheSettings other
        && alias.equals(other.alias)
        && backend.equals(other.backend)
        && locations.equals(other.locations)
        && timeout.equals(other.timeout)
        && keyPrefix.equals(other.keyPrefix)
        && version == other.version
        && options.equals(other.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alias, backend, locations, timeout, keyPrefix, version, options);
  }
}
