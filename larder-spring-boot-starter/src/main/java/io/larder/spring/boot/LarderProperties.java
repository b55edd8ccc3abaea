package io.larder.spring.boot;

import io.larder.spring.UnknownCaches;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code larder.*} settings of a Spring Boot application.
 *
 * <pre>{@code
 * larder:
 *   caches:                       # Django's CACHES, as in larder.yml
 *     default:
 *       backend: redis
 *       location: redis://127.0.0.1:6379/1
 *       timeout: 300
 *       key_prefix: shop
 *   cache-manager:
 *     unknown-caches: create-from-template
 *     template: default
 *   web:
 *     page-cache: { enabled: true, cache-timeout: 600 }     # seconds, or 10m, PT10M
 *     sessions: { enabled: true, engine: cache, cache-alias: default }
 * }</pre>
 *
 * @since 0.1
 */
@ConfigurationProperties("larder")
public class LarderProperties {
  /**
   * A larder.yml (or .properties) file to read the caches from, e.g. classpath:larder.yml or
   * file:/etc/shop/larder.yml; caches under larder.caches are read after it and win.
   */
  private String config;

  /**
   * Django's CACHES: alias to backend, location, timeout, key-prefix, version, key-function and
   * options, in Django's upper case or in lower case (key-prefix is read as key_prefix). The
   * environment variables LARDER_CACHES_* are read by Larder's own rules, not bound here.
   */
  // Typed for the configuration metadata (IDE completion, hints) and Spring's type checks;
  // CachesSource binds the same keys itself, leaving out the environment variables.
  private Map<String, Cache> caches = new LinkedHashMap<>();

  private final CacheManager cacheManager = new CacheManager();
  private final Web web = new Web();
  private final Health health = new Health();
  private final Metrics metrics = new Metrics();
  private final Fragments fragments = new Fragments();

  /**
   * {@return the larder.yml (or .properties) resource the caches are read from before {@code
   * larder.caches}, or null for none}
   */
  public String getConfig() {
    return config;
  }

  /**
   * Sets what {@link #getConfig()} returns.
   *
   * @param config the larder.yml (or .properties) resource the caches are read from before {@code
   *     larder.caches}, or null for none
   */
  public void setConfig(String config) {
    this.config = config;
  }

  /**
   * {@return Django's CACHES as bound from {@code larder.caches}: alias to that alias's settings}
   */
  public Map<String, Cache> getCaches() {
    return caches;
  }

  /**
   * Sets what {@link #getCaches()} returns.
   *
   * @param caches Django's CACHES as bound from {@code larder.caches}: alias to that alias's
   *     settings
   */
  public void setCaches(Map<String, Cache> caches) {
    this.caches = caches;
  }

  /** {@return the settings of Spring's cache manager over the caches} */
  public CacheManager getCacheManager() {
    return cacheManager;
  }

  /** {@return the settings of the page cache and session filters} */
  public Web getWeb() {
    return web;
  }

  /** {@return the settings of the Actuator health of the remote caches} */
  public Health getHealth() {
    return health;
  }

  /** {@return the settings of the metrics beyond the cache meters} */
  public Metrics getMetrics() {
    return metrics;
  }

  /** {@return the settings of template fragment caching} */
  public Fragments getFragments() {
    return fragments;
  }

  /** One alias of Django's CACHES; every key is optional, as in Django. */
  public static class Cache {
    /**
     * BACKEND: a short name (locmem, filebased, db, memcached, redis, hazelcast, dummy, chain),
     * Django's dotted path, or a Java class name; locmem when unset.
     */
    private String backend;

    /** LOCATION: the server URL(s), directory or name, as the backend reads it (or a list). */
    private String location;

    /**
     * TIMEOUT: the default timeout in seconds (fractions allowed; 0 or less expires at once), or
     * null/none/never for never; 300 when unset.
     */
    private String timeout;

    /** KEY_PREFIX: prepended to every key of this cache. */
    private String keyPrefix;

    /** VERSION: the default version of keys; 1 when unset. */
    private Integer version;

    /** KEY_FUNCTION: the class name of an io.larder.KeyFunction. */
    private String keyFunction;

    /** OPTIONS: the backend's options (docs/configuration.md lists each backend's). */
    private Map<String, Object> options = new LinkedHashMap<>();

    /**
     * {@return the BACKEND: a short name, Django's dotted path or a Java class name; null for
     * locmem}
     */
    public String getBackend() {
      return backend;
    }

    /**
     * Sets what {@link #getBackend()} returns.
     *
     * @param backend the BACKEND: a short name, Django's dotted path or a Java class name; null for
     *     locmem
     */
    public void setBackend(String backend) {
      this.backend = backend;
    }

    /** {@return the LOCATION (server URLs, directory or name), as the backend reads it} */
    public String getLocation() {
      return location;
    }

    /**
     * Sets what {@link #getLocation()} returns.
     *
     * @param location the LOCATION (server URLs, directory or name), as the backend reads it
     */
    public void setLocation(String location) {
      this.location = location;
    }

    /**
     * {@return the TIMEOUT as written: seconds, or null, none or never for never; null for 300
     * seconds}
     */
    public String getTimeout() {
      return timeout;
    }

    /**
     * Sets what {@link #getTimeout()} returns.
     *
     * @param timeout the TIMEOUT as written: seconds, or null, none or never for never; null for
     *     300 seconds
     */
    public void setTimeout(String timeout) {
      this.timeout = timeout;
    }

    /** {@return the KEY_PREFIX prepended to every key of this cache} */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets what {@link #getKeyPrefix()} returns.
     *
     * @param keyPrefix the KEY_PREFIX prepended to every key of this cache
     */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** {@return the default VERSION of keys; null for 1} */
    public Integer getVersion() {
      return version;
    }

    /**
     * Sets what {@link #getVersion()} returns.
     *
     * @param version the default VERSION of keys; null for 1
     */
    public void setVersion(Integer version) {
      this.version = version;
    }

    /** {@return the KEY_FUNCTION: the class name of an {@code io.larder.KeyFunction}} */
    public String getKeyFunction() {
      return keyFunction;
    }

    /**
     * Sets what {@link #getKeyFunction()} returns.
     *
     * @param keyFunction the KEY_FUNCTION: the class name of an {@code io.larder.KeyFunction}
     */
    public void setKeyFunction(String keyFunction) {
      this.keyFunction = keyFunction;
    }

    /** {@return the backend's OPTIONS, by the backend's option names} */
    public Map<String, Object> getOptions() {
      return options;
    }

    /**
     * Sets what {@link #getOptions()} returns.
     *
     * @param options the backend's OPTIONS, by the backend's option names
     */
    public void setOptions(Map<String, Object> options) {
      this.options = options;
    }
  }

  /** The Spring CacheManager over the caches. */
  public static class CacheManager {
    /**
     * Whether Larder makes Spring's CacheManager where caching is enabled (@EnableCaching); false
     * leaves the choice to Spring Boot or the application.
     */
    private boolean enabled = true;

    /** {@return whether Larder makes Spring's cache manager where caching is enabled} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets what {@link #isEnabled()} returns.
     *
     * @param enabled whether Larder makes Spring's cache manager where caching is enabled
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** What a name that is not an alias gets: refuse (null, Spring's error) or a new cache. */
    private UnknownCaches unknownCaches = UnknownCaches.REFUSE;

    /** The alias unknown names are made from, with create-from-template. */
    private String template = "default";

    /** Whether a method's null result is cached (stored as Django's None). */
    private boolean allowNullValues = true;

    /** {@return what a cache name that is not an alias gets: refusal or a new cache} */
    public UnknownCaches getUnknownCaches() {
      return unknownCaches;
    }

    /**
     * Sets what {@link #getUnknownCaches()} returns.
     *
     * @param unknownCaches what a cache name that is not an alias gets: refusal or a new cache
     */
    public void setUnknownCaches(UnknownCaches unknownCaches) {
      this.unknownCaches = unknownCaches;
    }

    /** {@return the alias unknown names are made from with create-from-template} */
    public String getTemplate() {
      return template;
    }

    /**
     * Sets what {@link #getTemplate()} returns.
     *
     * @param template the alias unknown names are made from with create-from-template
     */
    public void setTemplate(String template) {
      this.template = template;
    }

    /** {@return whether a method's null result is cached, stored as Django's None} */
    public boolean isAllowNullValues() {
      return allowNullValues;
    }

    /**
     * Sets what {@link #isAllowNullValues()} returns.
     *
     * @param allowNullValues whether a method's null result is cached, stored as Django's None
     */
    public void setAllowNullValues(boolean allowNullValues) {
      this.allowNullValues = allowNullValues;
    }
  }

  /** Servlet filters. */
  public static class Web {
    private final PageCache pageCache = new PageCache();
    private final Sessions sessions = new Sessions();

    /** {@return the page cache filter's settings} */
    public PageCache getPageCache() {
      return pageCache;
    }

    /** {@return the session filter's settings} */
    public Sessions getSessions() {
      return sessions;
    }
  }

  /**
   * The page cache filter: Django's cache middleware. Every setting but {@code enabled}, {@code
   * url-patterns} and {@code order} is a setting of larder-web's {@code PageCacheSettings}, where
   * its default, accepted values and meaning are declared (docs/spring.md has them as a table); an
   * unset one keeps that default.
   */
  public static class PageCache {
    /** Whether the page cache filter is registered. */
    private boolean enabled;

    /** The URL patterns the filter is mapped to. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

    /**
     * The filter's order: after Spring Security (-100 by default) and every filter that controls
     * access, since a hit answers before the filters after it run. Start-up fails if it is not
     * after Spring Security's.
     */
    private int order = LarderWebAutoConfiguration.PAGE_CACHE_ORDER;

    /** The alias pages are stored in (CACHE_MIDDLEWARE_ALIAS); default: default. */
    private String cacheAlias;

    /**
     * How long a page that says nothing of its freshness is stored (CACHE_MIDDLEWARE_SECONDS); a
     * bare number is seconds, as in Django; default 600.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration cacheTimeout;

    /** Stores every page for this long, whatever it says (cache_page's timeout); seconds. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration pageTimeout;

    /** CACHE_MIDDLEWARE_KEY_PREFIX; default "". */
    private String keyPrefix;

    /** Pages larger than this many bytes are served but not stored; default 4 MiB. */
    private Integer maxPageBytes;

    /** Whether stored pages get an ETag and conditional requests are answered 304; default true. */
    private Boolean etags;

    /** Whether concurrent misses for one page render it once; default true. */
    private Boolean coalesceMisses;

    /**
     * Whether logged-in requests are neither served from nor stored in the cache, and are marked
     * private; default false.
     */
    private Boolean anonymousOnly;

    /**
     * How long past its timeout a page is served while one request refreshes it (RFC 5861); a bare
     * number is seconds; default 0.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration staleWhileRevalidate;

    /**
     * How long past its timeout a page stands in for a view that fails (RFC 5861); a bare number is
     * seconds; default 0.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration staleIfError;

    /**
     * Whether responses that set a cookie are stored and replayed to every visitor (only for
     * cookies that are the same for everyone); default false.
     */
    private Boolean storeResponsesWithCookies;

    /**
     * How many variants of one path (query, path parameters, host, header values) are stored per
     * page timeout; default 200.
     */
    private Integer maxVariantsPerPath;

    /** ALLOWED_HOSTS: the hosts pages are cached for (every host when unset). */
    private List<String> allowedHosts;

    /** Whether a request for a host not in allowed-hosts is answered 400, as Django does. */
    private Boolean rejectDisallowedHosts;

    /** USE_I18N with LANGUAGES: the languages pages are keyed on, the default first. */
    private List<String> languages;

    /** The settings that are set, in PageCacheSettings' names. */
    Map<String, Object> settings() {
      return BoundSettings.of(this, "enabled", "url-patterns", "order");
    }

    /** {@return whether the page cache filter is registered} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets what {@link #isEnabled()} returns.
     *
     * @param enabled whether the page cache filter is registered
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return the URL patterns the page cache filter is mapped to} */
    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    /**
     * Sets what {@link #getUrlPatterns()} returns.
     *
     * @param urlPatterns the URL patterns the page cache filter is mapped to
     */
    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    /** {@return the page cache filter's order, which must come after Spring Security's} */
    public int getOrder() {
      return order;
    }

    /**
     * Sets what {@link #getOrder()} returns.
     *
     * @param order the page cache filter's order, which must come after Spring Security's
     */
    public void setOrder(int order) {
      this.order = order;
    }

    /** {@return the alias pages are stored in (CACHE_MIDDLEWARE_ALIAS); null for default} */
    public String getCacheAlias() {
      return cacheAlias;
    }

    /**
     * Sets what {@link #getCacheAlias()} returns.
     *
     * @param cacheAlias the alias pages are stored in (CACHE_MIDDLEWARE_ALIAS); null for default
     */
    public void setCacheAlias(String cacheAlias) {
      this.cacheAlias = cacheAlias;
    }

    /**
     * {@return how long a page that says nothing of its freshness is stored
     * (CACHE_MIDDLEWARE_SECONDS); null for 600 seconds}
     */
    public Duration getCacheTimeout() {
      return cacheTimeout;
    }

    /**
     * Sets what {@link #getCacheTimeout()} returns.
     *
     * @param cacheTimeout how long a page that says nothing of its freshness is stored
     *     (CACHE_MIDDLEWARE_SECONDS); null for 600 seconds
     */
    public void setCacheTimeout(Duration cacheTimeout) {
      this.cacheTimeout = cacheTimeout;
    }

    /**
     * {@return how long every page is stored whatever it says (cache_page's timeout); null to let
     * pages decide}
     */
    public Duration getPageTimeout() {
      return pageTimeout;
    }

    /**
     * Sets what {@link #getPageTimeout()} returns.
     *
     * @param pageTimeout how long every page is stored whatever it says (cache_page's timeout);
     *     null to let pages decide
     */
    public void setPageTimeout(Duration pageTimeout) {
      this.pageTimeout = pageTimeout;
    }

    /** {@return the CACHE_MIDDLEWARE_KEY_PREFIX of page keys; null for none} */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets what {@link #getKeyPrefix()} returns.
     *
     * @param keyPrefix the CACHE_MIDDLEWARE_KEY_PREFIX of page keys; null for none
     */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** {@return the size in bytes above which a page is served but not stored; null for 4 MiB} */
    public Integer getMaxPageBytes() {
      return maxPageBytes;
    }

    /**
     * Sets what {@link #getMaxPageBytes()} returns.
     *
     * @param maxPageBytes the size in bytes above which a page is served but not stored; null for 4
     *     MiB
     */
    public void setMaxPageBytes(Integer maxPageBytes) {
      this.maxPageBytes = maxPageBytes;
    }

    /**
     * {@return whether stored pages get an ETag and conditional requests are answered 304; null for
     * true}
     */
    public Boolean getEtags() {
      return etags;
    }

    /**
     * Sets what {@link #getEtags()} returns.
     *
     * @param etags whether stored pages get an ETag and conditional requests are answered 304; null
     *     for true
     */
    public void setEtags(Boolean etags) {
      this.etags = etags;
    }

    /** {@return whether concurrent misses for one page render it once; null for true} */
    public Boolean getCoalesceMisses() {
      return coalesceMisses;
    }

    /**
     * Sets what {@link #getCoalesceMisses()} returns.
     *
     * @param coalesceMisses whether concurrent misses for one page render it once; null for true
     */
    public void setCoalesceMisses(Boolean coalesceMisses) {
      this.coalesceMisses = coalesceMisses;
    }

    /**
     * {@return whether logged-in requests are neither served from nor stored in the cache; null for
     * false}
     */
    public Boolean getAnonymousOnly() {
      return anonymousOnly;
    }

    /**
     * Sets what {@link #getAnonymousOnly()} returns.
     *
     * @param anonymousOnly whether logged-in requests are neither served from nor stored in the
     *     cache; null for false
     */
    public void setAnonymousOnly(Boolean anonymousOnly) {
      this.anonymousOnly = anonymousOnly;
    }

    /**
     * {@return how long past its timeout a page is served while one request refreshes it; null for
     * not at all}
     */
    public Duration getStaleWhileRevalidate() {
      return staleWhileRevalidate;
    }

    /**
     * Sets what {@link #getStaleWhileRevalidate()} returns.
     *
     * @param staleWhileRevalidate how long past its timeout a page is served while one request
     *     refreshes it; null for not at all
     */
    public void setStaleWhileRevalidate(Duration staleWhileRevalidate) {
      this.staleWhileRevalidate = staleWhileRevalidate;
    }

    /**
     * {@return how long past its timeout a page stands in for a view that fails; null for not at
     * all}
     */
    public Duration getStaleIfError() {
      return staleIfError;
    }

    /**
     * Sets what {@link #getStaleIfError()} returns.
     *
     * @param staleIfError how long past its timeout a page stands in for a view that fails; null
     *     for not at all
     */
    public void setStaleIfError(Duration staleIfError) {
      this.staleIfError = staleIfError;
    }

    /**
     * {@return whether responses that set a cookie are stored and replayed to every visitor; null
     * for false}
     */
    public Boolean getStoreResponsesWithCookies() {
      return storeResponsesWithCookies;
    }

    /**
     * Sets what {@link #getStoreResponsesWithCookies()} returns.
     *
     * @param storeResponsesWithCookies whether responses that set a cookie are stored and replayed
     *     to every visitor; null for false
     */
    public void setStoreResponsesWithCookies(Boolean storeResponsesWithCookies) {
      this.storeResponsesWithCookies = storeResponsesWithCookies;
    }

    /** {@return how many variants of one path are stored per page timeout; null for 200} */
    public Integer getMaxVariantsPerPath() {
      return maxVariantsPerPath;
    }

    /**
     * Sets what {@link #getMaxVariantsPerPath()} returns.
     *
     * @param maxVariantsPerPath how many variants of one path are stored per page timeout; null for
     *     200
     */
    public void setMaxVariantsPerPath(Integer maxVariantsPerPath) {
      this.maxVariantsPerPath = maxVariantsPerPath;
    }

    /** {@return the hosts pages are cached for (ALLOWED_HOSTS); null for every host} */
    public List<String> getAllowedHosts() {
      return allowedHosts;
    }

    /**
     * Sets what {@link #getAllowedHosts()} returns.
     *
     * @param allowedHosts the hosts pages are cached for (ALLOWED_HOSTS); null for every host
     */
    public void setAllowedHosts(List<String> allowedHosts) {
      this.allowedHosts = allowedHosts;
    }

    /**
     * {@return whether a request for a host not in allowed-hosts is answered 400, as Django does}
     */
    public Boolean getRejectDisallowedHosts() {
      return rejectDisallowedHosts;
    }

    /**
     * Sets what {@link #getRejectDisallowedHosts()} returns.
     *
     * @param rejectDisallowedHosts whether a request for a host not in allowed-hosts is answered
     *     400, as Django does
     */
    public void setRejectDisallowedHosts(Boolean rejectDisallowedHosts) {
      this.rejectDisallowedHosts = rejectDisallowedHosts;
    }

    /** {@return the languages pages are keyed on, the default first (USE_I18N with LANGUAGES)} */
    public List<String> getLanguages() {
      return languages;
    }

    /**
     * Sets what {@link #getLanguages()} returns.
     *
     * @param languages the languages pages are keyed on, the default first (USE_I18N with
     *     LANGUAGES)
     */
    public void setLanguages(List<String> languages) {
      this.languages = languages;
    }
  }

  /**
   * The session filter: Django's SessionMiddleware with the cache, cached_db, db or signed_cookies
   * engine. Unset settings keep Django's defaults.
   */
  public static class Sessions {
    /** Whether the session filter is registered. */
    private boolean enabled;

    /** SESSION_ENGINE: cache, cached_db, db or signed_cookies (Django's dotted names accepted). */
    private String engine;

    /** SESSION_CACHE_ALIAS. */
    private String cacheAlias;

    /** The durable alias of cached_db, or the database cache holding django_session for db. */
    private String databaseAlias;

    /**
     * SECRET_KEY, which signs db and signed_cookies sessions; give it as a placeholder such as
     * ${DJANGO_SECRET_KEY}, never in a file. Never logged.
     */
    private String secretKey;

    /** SECRET_KEY_FALLBACKS: older keys that still verify sessions, for rotation. */
    private List<String> secretKeyFallbacks;

    /** An environment variable to read secret-key from (a placeholder does the same). */
    private String secretKeyEnv;

    /** An environment variable to read secret-key-fallbacks from, separated by commas. */
    private String secretKeyFallbacksEnv;

    /** SESSION_COOKIE_NAME. */
    private String cookieName;

    /** SESSION_COOKIE_AGE; a bare number is seconds, as in Django (1209600 is two weeks). */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration cookieAge;

    /** SESSION_COOKIE_DOMAIN. */
    private String cookieDomain;

    /** SESSION_COOKIE_PATH. */
    private String cookiePath;

    /** SESSION_COOKIE_SECURE. */
    private Boolean cookieSecure;

    /** SESSION_COOKIE_HTTPONLY. */
    private Boolean cookieHttponly;

    /** SESSION_COOKIE_SAMESITE: Lax, Strict or None. */
    private String cookieSamesite;

    /** SESSION_EXPIRE_AT_BROWSER_CLOSE. */
    private Boolean expireAtBrowserClose;

    /** SESSION_SAVE_EVERY_REQUEST. */
    private Boolean saveEveryRequest;

    /** The URL patterns the filter is mapped to. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

    /** The settings that are set, in SessionSettings' names. */
    Map<String, Object> settings() {
      return BoundSettings.of(this, "enabled", "url-patterns");
    }

    /** {@return whether the session filter is registered} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets what {@link #isEnabled()} returns.
     *
     * @param enabled whether the session filter is registered
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * {@return the SESSION_ENGINE: cache, cached_db, db or signed_cookies; null for Django's
     * default}
     */
    public String getEngine() {
      return engine;
    }

    /**
     * Sets what {@link #getEngine()} returns.
     *
     * @param engine the SESSION_ENGINE: cache, cached_db, db or signed_cookies; null for Django's
     *     default
     */
    public void setEngine(String engine) {
      this.engine = engine;
    }

    /**
     * {@return the alias sessions are stored in (SESSION_CACHE_ALIAS); null for Django's default}
     */
    public String getCacheAlias() {
      return cacheAlias;
    }

    /**
     * Sets what {@link #getCacheAlias()} returns.
     *
     * @param cacheAlias the alias sessions are stored in (SESSION_CACHE_ALIAS); null for Django's
     *     default
     */
    public void setCacheAlias(String cacheAlias) {
      this.cacheAlias = cacheAlias;
    }

    /**
     * {@return the durable alias of cached_db, or the database cache holding django_session for db}
     */
    public String getDatabaseAlias() {
      return databaseAlias;
    }

    /**
     * Sets what {@link #getDatabaseAlias()} returns.
     *
     * @param databaseAlias the durable alias of cached_db, or the database cache holding
     *     django_session for db
     */
    public void setDatabaseAlias(String databaseAlias) {
      this.databaseAlias = databaseAlias;
    }

    /** {@return the session cookie's name (SESSION_COOKIE_NAME); null for Django's default} */
    public String getCookieName() {
      return cookieName;
    }

    /**
     * Sets what {@link #getCookieName()} returns.
     *
     * @param cookieName the session cookie's name (SESSION_COOKIE_NAME); null for Django's default
     */
    public void setCookieName(String cookieName) {
      this.cookieName = cookieName;
    }

    /** {@return how long the session cookie lives (SESSION_COOKIE_AGE); null for two weeks} */
    public Duration getCookieAge() {
      return cookieAge;
    }

    /**
     * Sets what {@link #getCookieAge()} returns.
     *
     * @param cookieAge how long the session cookie lives (SESSION_COOKIE_AGE); null for two weeks
     */
    public void setCookieAge(Duration cookieAge) {
      this.cookieAge = cookieAge;
    }

    /**
     * {@return the session cookie's domain (SESSION_COOKIE_DOMAIN); null for a cookie of the
     * request's host only}
     */
    public String getCookieDomain() {
      return cookieDomain;
    }

    /**
     * Sets what {@link #getCookieDomain()} returns.
     *
     * @param cookieDomain the session cookie's domain (SESSION_COOKIE_DOMAIN); null for a cookie of
     *     the request's host only
     */
    public void setCookieDomain(String cookieDomain) {
      this.cookieDomain = cookieDomain;
    }

    /** {@return the session cookie's path (SESSION_COOKIE_PATH); null for Django's default} */
    public String getCookiePath() {
      return cookiePath;
    }

    /**
     * Sets what {@link #getCookiePath()} returns.
     *
     * @param cookiePath the session cookie's path (SESSION_COOKIE_PATH); null for Django's default
     */
    public void setCookiePath(String cookiePath) {
      this.cookiePath = cookiePath;
    }

    /** {@return whether the session cookie is sent over HTTPS only (SESSION_COOKIE_SECURE)} */
    public Boolean getCookieSecure() {
      return cookieSecure;
    }

    /**
     * Sets what {@link #getCookieSecure()} returns.
     *
     * @param cookieSecure whether the session cookie is sent over HTTPS only
     *     (SESSION_COOKIE_SECURE)
     */
    public void setCookieSecure(Boolean cookieSecure) {
      this.cookieSecure = cookieSecure;
    }

    /** {@return whether the session cookie is hidden from scripts (SESSION_COOKIE_HTTPONLY)} */
    public Boolean getCookieHttponly() {
      return cookieHttponly;
    }

    /**
     * Sets what {@link #getCookieHttponly()} returns.
     *
     * @param cookieHttponly whether the session cookie is hidden from scripts
     *     (SESSION_COOKIE_HTTPONLY)
     */
    public void setCookieHttponly(Boolean cookieHttponly) {
      this.cookieHttponly = cookieHttponly;
    }

    /**
     * {@return the session cookie's SameSite attribute, Lax, Strict or None
     * (SESSION_COOKIE_SAMESITE)}
     */
    public String getCookieSamesite() {
      return cookieSamesite;
    }

    /**
     * Sets what {@link #getCookieSamesite()} returns.
     *
     * @param cookieSamesite the session cookie's SameSite attribute, Lax, Strict or None
     *     (SESSION_COOKIE_SAMESITE)
     */
    public void setCookieSamesite(String cookieSamesite) {
      this.cookieSamesite = cookieSamesite;
    }

    /**
     * {@return whether the session ends when the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE)}
     */
    public Boolean getExpireAtBrowserClose() {
      return expireAtBrowserClose;
    }

    /**
     * Sets what {@link #getExpireAtBrowserClose()} returns.
     *
     * @param expireAtBrowserClose whether the session ends when the browser closes
     *     (SESSION_EXPIRE_AT_BROWSER_CLOSE)
     */
    public void setExpireAtBrowserClose(Boolean expireAtBrowserClose) {
      this.expireAtBrowserClose = expireAtBrowserClose;
    }

    /**
     * {@return whether the session is saved on every request, changed or not
     * (SESSION_SAVE_EVERY_REQUEST)}
     */
    public Boolean getSaveEveryRequest() {
      return saveEveryRequest;
    }

    /**
     * Sets what {@link #getSaveEveryRequest()} returns.
     *
     * @param saveEveryRequest whether the session is saved on every request, changed or not
     *     (SESSION_SAVE_EVERY_REQUEST)
     */
    public void setSaveEveryRequest(Boolean saveEveryRequest) {
      this.saveEveryRequest = saveEveryRequest;
    }

    /** {@return the SECRET_KEY that signs db and signed_cookies sessions; never logged} */
    public String getSecretKey() {
      return secretKey;
    }

    /**
     * Sets what {@link #getSecretKey()} returns.
     *
     * @param secretKey the SECRET_KEY that signs db and signed_cookies sessions; never logged
     */
    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    /** {@return the older keys that still verify sessions (SECRET_KEY_FALLBACKS), for rotation} */
    public List<String> getSecretKeyFallbacks() {
      return secretKeyFallbacks;
    }

    /**
     * Sets what {@link #getSecretKeyFallbacks()} returns.
     *
     * @param secretKeyFallbacks the older keys that still verify sessions (SECRET_KEY_FALLBACKS),
     *     for rotation
     */
    public void setSecretKeyFallbacks(List<String> secretKeyFallbacks) {
      this.secretKeyFallbacks = secretKeyFallbacks;
    }

    /** {@return the URL patterns the session filter is mapped to} */
    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    /**
     * Sets what {@link #getUrlPatterns()} returns.
     *
     * @param urlPatterns the URL patterns the session filter is mapped to
     */
    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    /** {@return the environment variable secret-key is read from} */
    public String getSecretKeyEnv() {
      return secretKeyEnv;
    }

    /**
     * Sets what {@link #getSecretKeyEnv()} returns.
     *
     * @param secretKeyEnv the environment variable secret-key is read from
     */
    public void setSecretKeyEnv(String secretKeyEnv) {
      this.secretKeyEnv = secretKeyEnv;
    }

    /** {@return the environment variable secret-key-fallbacks is read from, separated by commas} */
    public String getSecretKeyFallbacksEnv() {
      return secretKeyFallbacksEnv;
    }

    /**
     * Sets what {@link #getSecretKeyFallbacksEnv()} returns.
     *
     * @param secretKeyFallbacksEnv the environment variable secret-key-fallbacks is read from,
     *     separated by commas
     */
    public void setSecretKeyFallbacksEnv(String secretKeyFallbacksEnv) {
      this.secretKeyFallbacksEnv = secretKeyFallbacksEnv;
    }
  }

  /** Actuator health of the remote caches. */
  public static class Health {
    /**
     * How long a health check waits for a cache's server before reporting it DOWN; a bare number is
     * seconds.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration timeout = Duration.ofSeconds(2);

    /** {@return how long a health check waits for a cache's server before reporting it DOWN} */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets what {@link #getTimeout()} returns.
     *
     * @param timeout how long a health check waits for a cache's server before reporting it DOWN
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Metrics beyond the cache meters, which are always there with Micrometer. */
  public static class Metrics {
    /**
     * Whether each cache's calls to its store are timed, as the timer cache.operations tagged with
     * the cache and the operation (opt-in: the clock is read around every call only when on).
     */
    private boolean timers;

    /** {@return whether each cache's calls to its store are timed as {@code cache.operations}} */
    public boolean isTimers() {
      return timers;
    }

    /**
     * Sets what {@link #isTimers()} returns.
     *
     * @param timers whether each cache's calls to its store are timed as {@code cache.operations}
     */
    public void setTimers(boolean timers) {
      this.timers = timers;
    }
  }

  /** Template fragment caching (Thymeleaf's larder:cache). */
  public static class Fragments {
    /**
     * The key format: current (Django 6.1+) or django-6-0 (Django 6.0 and older, to share fragments
     * with such an application).
     */
    private KeyFormat keyFormat = KeyFormat.CURRENT;

    /** {@return the fragment key format: current (Django 6.1 and later) or django-6-0} */
    public KeyFormat getKeyFormat() {
      return keyFormat;
    }

    /**
     * Sets what {@link #getKeyFormat()} returns.
     *
     * @param keyFormat the fragment key format: current (Django 6.1 and later) or django-6-0
     */
    public void setKeyFormat(KeyFormat keyFormat) {
      this.keyFormat = keyFormat;
    }
  }

  /** The fragment key formats of {@link io.larder.FragmentKeys}. */
  public enum KeyFormat {
    /** Django 6.1's and later fragment keys. */
    CURRENT,
    /** Django 6.0's and older fragment keys, to share fragments with such an application. */
    DJANGO_6_0
  }
}
