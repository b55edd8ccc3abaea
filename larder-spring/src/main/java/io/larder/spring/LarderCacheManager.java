package io.larder.spring;

import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cache.CacheManager;

/**
 * Spring's {@link CacheManager} over Larder's {@link Caches}: each configured alias is a Spring
 * cache of that name, so {@code @Cacheable("default")} stores in the {@code default} alias.
 *
 * <pre>{@code
 * @Configuration
 * @EnableCaching
 * class CacheConfig {
 *   @Bean(destroyMethod = "close")
 *   Caches caches() {
 *     return Caches.load(Path.of("larder.yml"));
 *   }
 *
 *   @Bean
 *   LarderCacheManager cacheManager(Caches caches) {
 *     return LarderCacheManager.builder(caches).build();
 *   }
 * }
 * }</pre>
 *
 * <p>A name that is not an alias is refused by default ({@link #getCache} answers null, and Spring
 * reports "Cannot find cache named …"); with {@link Builder#createFromTemplate(String)} it is made
 * from a template alias on first use (see {@link UnknownCaches#CREATE_FROM_TEMPLATE}). The manager
 * does not own the {@link Caches} it is given; it closes only the caches it made from the template.
 * @since 0.1
 */
public final class LarderCacheManager implements CacheManager, AutoCloseable {
  private final Caches caches;
  private final boolean allowNullValues;
  private final UnknownCaches unknownCaches;
  private final String template;
  private final Map<String, LarderCache> adapters = new ConcurrentHashMap<>();
  private final Map<String, Caches> created = new ConcurrentHashMap<>();

  private LarderCacheManager(Builder b) {
    this.caches = b.caches;
    this.allowNullValues = b.allowNullValues;
    this.unknownCaches = b.unknownCaches;
    this.template = b.template;
    for (String alias : caches.aliases()) {
      adapters.put(alias, new LarderCache(alias, caches.get(alias), allowNullValues));
    }
  }

  /**
   * A manager over every alias of {@code caches}, refusing other names, null values allowed.
   *
   * @param caches the configured caches, one Spring cache per alias
   * @return the manager
   */
  public static LarderCacheManager of(Caches caches) {
    return builder(caches).build();
  }

  /**
   * A builder over {@code caches}.
   *
   * @param caches the configured caches, one Spring cache per alias
   * @return a builder with the defaults of {@link #of(Caches)}
   */
  public static Builder builder(Caches caches) {
    return new Builder(caches);
  }

  /**
   * The cache of that name: a configured alias, or one made from the template; null when the name
   * is neither (Spring's contract for an unknown cache).
   */
  @Override
  public LarderCache getCache(String name) {
    LarderCache adapter = adapters.get(name);
    if (adapter != null || unknownCaches == UnknownCaches.REFUSE) {
      return adapter;
    }
    return adapters.computeIfAbsent(name, this::fromTemplate);
  }

  private LarderCache fromTemplate(String name) {
    CacheSettings t = caches.get(template).settings();
    String prefix = t.keyPrefix().isEmpty() ? name : t.keyPrefix() + ":" + name;
    Caches made =
        Caches.builder()
            .clock(t.clock())
            .cache(
                name,
                definition -> {
                  definition
                      .backend(t.backend())
                      .timeout(t.timeout())
                      .keyPrefix(prefix)
                      .version(t.version())
                      .keyFunction(t.keyFunction());
                  if (!t.locations().isEmpty()) {
                    definition.locations(t.locations());
                  }
                  t.options().forEach(definition::option);
                })
            .cache(Caches.DEFAULT_ALIAS, definition -> definition.backend("dummy"))
            .build();
    created.put(name, made);
    return new LarderCache(name, made.get(name), allowNullValues);
  }

  /** The configured aliases, then the names made from the template, in the order they were made. */
  @Override
  public Collection<String> getCacheNames() {
    LinkedHashSet<String> names = new LinkedHashSet<>(caches.aliases());
    names.addAll(adapters.keySet());
    return Collections.unmodifiableSet(names);
  }

  /**
   * The Larder caches behind this manager's Spring caches, made ones included.
   *
   * @return the configured caches, then the ones made from the template
   */
  public List<Cache> larderCaches() {
    List<Cache> all = new ArrayList<>(caches.all());
    created.forEach((name, made) -> all.add(made.get(name)));
    return all;
  }

  /** Closes the caches made from the template; the configured {@link Caches} is the caller's. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Caches made : created.values()) {
      try {
        made.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    created.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "LarderCacheManager" + getCacheNames();
  }

  /** Options of a {@link LarderCacheManager}; each is checked as it is given. */
  public static final class Builder {
    private final Caches caches;
    private boolean allowNullValues = true;
    private UnknownCaches unknownCaches = UnknownCaches.REFUSE;
    private String template;

    private Builder(Caches caches) {
      this.caches = Objects.requireNonNull(caches, "caches");
    }

    /**
     * Whether a null result is cached (true, the default, as Spring's own providers) or refused
     * with an {@link IllegalArgumentException} ({@code @Cacheable(unless = "#result == null")}
     * avoids that).
     *
     * @param allow whether a null result is cached
     * @return this builder
     */
    public Builder allowNullValues(boolean allow) {
      this.allowNullValues = allow;
      return this;
    }

    /**
     * Unknown names answer null (the default).
     *
     * @return this builder
     */
    public Builder refuseUnknownCaches() {
      this.unknownCaches = UnknownCaches.REFUSE;
      this.template = null;
      return this;
    }

    /**
     * Unknown names are made from the alias {@code templateAlias}.
     *
     * @param templateAlias the configured alias whose settings a made cache copies
     * @return this builder
     * @throws InvalidConfigurationException if {@code templateAlias} is not configured
     */
    public Builder createFromTemplate(String templateAlias) {
      Objects.requireNonNull(templateAlias, "templateAlias");
      if (!caches.aliases().contains(templateAlias)) {
        throw new InvalidConfigurationException(
            "The template cache '"
                + templateAlias
                + "' for unknown Spring cache names is not configured; the configured caches are "
                + String.join(", ", caches.aliases()));
      }
      this.unknownCaches = UnknownCaches.CREATE_FROM_TEMPLATE;
      this.template = templateAlias;
      return this;
    }

    /**
     * The manager.
     *
     * @return a manager with this builder's settings
     */
    public LarderCacheManager build() {
      return new LarderCacheManager(this);
    }
  }
}
