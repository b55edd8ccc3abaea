package io.larder;

import io.larder.internal.AsyncExecutor;
import io.larder.internal.Backends;
import io.larder.internal.CacheEngine;
import io.larder.internal.ConfigSources;
import io.larder.internal.SettingsParser;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The configured caches by alias: Django's {@code django.core.cache.caches}.
 *
 * <pre>{@code
 * Caches caches = Caches.load(Path.of("larder.yml"));
 * Cache cache = caches.getDefault();
 * Cache sessions = caches.get("sessions");
 * }</pre>
 *
 * <p>Configuration is Django's {@code CACHES}: aliases mapped to {@code backend}, {@code location},
 * {@code timeout}, {@code key_prefix}, {@code version}, {@code key_function} and {@code options},
 * spelled as in Django or in lower case. Environment variables override any setting: {@code
 * LARDER_CACHES_DEFAULT_LOCATION}, {@code LARDER_CACHES_SESSIONS_OPTIONS_MAX_ENTRIES}, … With no
 * configuration at all, {@code default} is a local-memory cache, as in Django.
 *
 * <p>Every cache is built and checked when the {@code Caches} is made, so a wrong setting fails at
 * start-up with an {@link InvalidConfigurationException} naming the alias, the setting, the value
 * and what is accepted. Caches are thread-safe and shared: unlike Django's per-thread instances,
 * {@code get} returns the same cache to every thread.
 *
 * @since 0.1
 */
public final class Caches implements AutoCloseable {
  /** Django's {@code DEFAULT_CACHE_ALIAS}. */
  public static final String DEFAULT_ALIAS = "default";

  /** In build order: each cache after the caches it is built on. */
  private final Map<String, CacheEngine> engines;
  private final Map<String, Cache> views;

  private Caches(Map<String, CacheEngine> engines, Collection<String> configurationOrder) {
    this.engines = engines;
    Map<String, Cache> views = new LinkedHashMap<>();
    configurationOrder.forEach(alias -> views.put(alias, engines.get(alias).handle()));
    this.views = Collections.unmodifiableMap(views);
  }

  /**
   * The caches of a {@code .yml}, {@code .yaml} or {@code .properties} file, plus environment.
   *
   * @param path a {@code .yml}, {@code .yaml} or {@code .properties} file; not null
   * @return the built caches; close them when done
   * @throws InvalidConfigurationException if the file cannot be read or a setting is wrong
   */
  public static Caches load(Path path) {
    return builder().load(path).build();
  }

  /**
   * The caches of a {@code CACHES} mapping (alias → settings), plus environment.
   *
   * <pre>{@code
   * Caches caches = Caches.from(Map.of("default", Map.of("BACKEND", "locmem", "TIMEOUT", 60)));
   * }</pre>
   *
   * @param caches aliases mapped to their settings (Django's {@code CACHES}), or a map with a
   *     {@code caches} or {@code CACHES} entry holding them; not null
   * @return the built caches; close them when done
   * @throws InvalidConfigurationException if a setting is wrong
   */
  public static Caches from(Map<String, ?> caches) {
    return builder().config(caches).build();
  }

  /**
   * The caches of properties named {@code caches.<alias>.<setting>}, plus environment.
   *
   * @param properties the properties to read; others are ignored
   * @return the built caches; close them when done
   * @throws InvalidConfigurationException if a setting is wrong
   */
  public static Caches fromProperties(Properties properties) {
    return builder().properties(properties).build();
  }

  /**
   * Django's default: a local-memory {@code default} cache, plus environment.
   *
   * @return the built caches; close them when done
   * @throws InvalidConfigurationException if a {@code LARDER_CACHES_*} variable is wrong
   */
  public static Caches defaults() {
    return builder().build();
  }

  /**
   * A builder, for caches defined in code, an injected clock, or a given environment.
   *
   * @return a new builder with no aliases, the process environment and the system clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cache configured as {@code alias}.
   *
   * @param alias the alias, e.g. {@code default}
   * @return the cache at its configured version; the same handle on every call
   * @throws InvalidConfigurationException if there is none; the message lists the aliases
   */
  public Cache get(String alias) {
    Cache cache = views.get(alias);
    if (cache == null) {
      throw new InvalidConfigurationException(
          "The cache '"
              + alias
              + "' doesn't exist; the configured caches are "
              + String.join(", ", views.keySet()));
    }
    return cache;
  }

  /**
   * The {@code default} cache.
   *
   * @return the cache configured as {@code default}
   * @throws InvalidConfigurationException if there is none
   */
  public Cache getDefault() {
    return get(DEFAULT_ALIAS);
  }

  /**
   * The configured aliases, in configuration order.
   *
   * @return an unmodifiable set of the aliases
   */
  public Set<String> aliases() {
    return views.keySet();
  }

  /**
   * Every configured cache, in configuration order.
   *
   * @return an unmodifiable collection of the caches
   */
  public Collection<Cache> all() {
    return views.values();
  }

  /**
   * Closes every cache's backend (Django's {@code close_all}): the only way to release them, since
   * a {@link Cache} handle is shared. Failures are collected, not stopped on.
   */
  @Override
  public void close() {
    closeAll(engines.values());
  }

  /** Closes in reverse build order: a cache before the caches it is built on (a chain's tiers). */
  private static void closeAll(Collection<CacheEngine> caches) {
    List<CacheEngine> reversed = new ArrayList<>(caches);
    Collections.reverse(reversed);
    RuntimeException failure = null;
    for (CacheEngine cache : reversed) {
      try {
        cache.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Builds {@link Caches} from configuration sources, definitions in code and the environment. */
  public static final class Builder {
    private final Map<String, Object> aliases = new LinkedHashMap<>();
    private final List<Map.Entry<String, Consumer<CacheDefinition>>> definitions =
        new ArrayList<>();
    private Map<String, String> environment = System.getenv();
    private InstantSource clock = InstantSource.system();
    private Executor asyncExecutor = AsyncExecutor.shared();
    private OperationTimer operationTimer;

    private Builder() {}

    /**
     * Adds the aliases of a YAML or properties file; later sources win.
     *
     * @param path a {@code .yml}, {@code .yaml} or {@code .properties} file; not null
     * @return this builder
     * @throws InvalidConfigurationException if the file cannot be read
     */
    public Builder load(Path path) {
      Objects.requireNonNull(path, "path");
      merge(ConfigSources.file(path));
      return this;
    }

    /**
     * Adds the aliases of a {@code CACHES} mapping (alias → settings).
     *
     * @param caches aliases mapped to their settings, or a map with a {@code caches} or {@code
     *     CACHES} entry holding them; not null
     * @return this builder
     */
    public Builder config(Map<String, ?> caches) {
      Objects.requireNonNull(caches, "caches");
      Map<String, Object> copy = ConfigSources.copy(caches, "map");
      merge(copy.containsKey("caches") || copy.containsKey("CACHES")
          ? ConfigSources.caches(copy, "map") : copy);
      return this;
    }

    /**
     * Adds the aliases of properties named {@code caches.<alias>.<setting>}.
     *
     * @param properties the properties to read; others are ignored
     * @return this builder
     */
    public Builder properties(Properties properties) {
      merge(ConfigSources.properties(properties, "properties"));
      return this;
    }

    /**
     * Defines or overrides one alias in code; its settings win over those of the files, mappings
     * and properties added, and {@code LARDER_CACHES_*} variables still win over them.
     *
     * @param alias the alias to define or override; not null
     * @param definition sets the alias's settings on the {@link CacheDefinition} it is given, when
     *     {@link #build()} runs; not null
     * @return this builder
     */
    public Builder cache(String alias, Consumer<CacheDefinition> definition) {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(definition, "definition");
      definitions.add(Map.entry(alias, definition));
      return this;
    }

    /**
     * The variables {@code LARDER_CACHES_*} are read from: the process environment by default.
     *
     * @param environment variable names mapped to values; copied, and not null
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * The clock caches read the time from; tests inject one so they never sleep.
     *
     * @param clock the source of the current time for expiry; not null
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where {@code async()} calls of backends that block on I/O run: Larder's bounded shared pool
     * by default ({@code larder.async.threads}, 16), or yours, e.g. an application's I/O pool.
     *
     * @param executor runs the blocking calls; not null, and not shut down by {@link
     *     Caches#close()}
     * @return this builder
     */
    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Tells {@code timer} how long each store call of every cache took (latency metrics such as
     * {@code larder-micrometer}'s {@code LarderOperationTimers}). Nothing is timed by default, and
     * then no clock is read.
     *
     * <pre>{@code
     * Caches caches = Caches.builder()
     *     .load(Path.of("larder.yml"))
     *     .operationTimer((alias, operation, nanos) -> latencies.record(alias, operation, nanos))
     *     .build();
     * }</pre>
     *
     * @param timer told the alias, operation and duration of every store call; not null
     * @return this builder
     */
    public Builder operationTimer(OperationTimer timer) {
      this.operationTimer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /**
     * Checks every setting and builds every cache.
     *
     * @return the caches, which the caller closes
     * @throws InvalidConfigurationException at the first wrong setting; caches already built are
     *     closed
     */
    public Caches build() {
      Map<String, Object> config = ConfigSources.copy(aliases, "configuration");
      for (Map.Entry<String, Consumer<CacheDefinition>> entry : definitions) {
        CacheDefinition definition = new CacheDefinition();
        entry.getValue().accept(definition);
        definition.mergeInto(ConfigSources.aliasSettings(config, entry.getKey()));
      }
      if (config.isEmpty()) {
        // Django's default, before the environment, so that LARDER_CACHES_DEFAULT_TIMEOUT alone
        // adjusts it instead of defining a cache without a backend.
        config.put(DEFAULT_ALIAS, new LinkedHashMap<>(Map.of("backend", "locmem")));
      }
      ConfigSources.applyEnvironment(config, environment);
      if (!config.containsKey(DEFAULT_ALIAS)) {
        throw new InvalidConfigurationException(
            "You must define a 'default' cache; the configured caches are "
                + String.join(", ", config.keySet()));
      }
      SettingsParser parser = new SettingsParser(new Backends(), clock, CacheSettings::new);
      Map<String, SettingsParser.Parsed> parsed = new LinkedHashMap<>();
      config.forEach((alias, settings) -> parsed.put(alias, parser.parse(alias, settings)));
      Map<String, CacheEngine> built = new LinkedHashMap<>();
      try {
        for (String alias : parser.buildOrder(parsed)) {
          SettingsParser.Parsed cache = parsed.get(alias);
          Map<String, CacheEngine> builtOn = new LinkedHashMap<>();
          cache.builtOn().forEach(other -> builtOn.put(other, built.get(other)));
          built.put(
              alias,
              CacheEngine.start(
                  cache.settings(), cache.backend(), asyncExecutor, operationTimer, builtOn));
        }
      } catch (RuntimeException e) {
        try {
          closeAll(built.values());
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      return new Caches(Collections.unmodifiableMap(built), parsed.keySet());
    }

    private void merge(Map<String, Object> source) {
      source.forEach(
          (alias, settings) -> {
            Map<String, Object> target = ConfigSources.aliasSettings(aliases, alias);
            if (settings instanceof Map<?, ?> map) {
              map.forEach(
                  (k, v) -> {
                    target.keySet().removeIf(existing -> existing.equalsIgnoreCase((String) k));
                    target.put((String) k, v);
                  });
            } else {
              aliases.put(alias, settings);
            }
          });
    }
  }
}
