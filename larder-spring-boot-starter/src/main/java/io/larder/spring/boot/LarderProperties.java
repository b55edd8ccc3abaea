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

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  public Map<String, Cache> getCaches() {
    return caches;
  }

  public void setCaches(Map<String, Cache> caches) {
    this.caches = caches;
  }

  public CacheManager getCacheManager() {
    return cacheManager;
  }

  public Web getWeb() {
    return web;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

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

    public String getBackend() {
      return backend;
    }

    public void setBackend(String backend) {
      this.backend = backend;
    }

    public String getLocation() {
      return location;
    }

    public void setLocation(String location) {
      this.location = location;
    }

    public String getTimeout() {
      return timeout;
    }

    public void setTimeout(String timeout) {
      this.timeout = timeout;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    public Integer getVersion() {
      return version;
    }

    public void setVersion(Integer version) {
      this.version = version;
    }

    public String getKeyFunction() {
      return keyFunction;
    }

    public void setKeyFunction(String keyFunction) {
      this.keyFunction = keyFunction;
    }

    public Map<String, Object> getOptions() {
      return options;
    }

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

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** What a name that is not an alias gets: refuse (null, Spring's error) or a new cache. */
    private UnknownCaches unknownCaches = UnknownCaches.REFUSE;

    /** The alias unknown names are made from, with create-from-template. */
    private String template = "default";

    /** Whether a method's null result is cached (stored as Django's None). */
    private boolean allowNullValues = true;

    public UnknownCaches getUnknownCaches() {
      return unknownCaches;
    }

    public void setUnknownCaches(UnknownCaches unknownCaches) {
      this.unknownCaches = unknownCaches;
    }

    public String getTemplate() {
      return template;
    }

    public void setTemplate(String template) {
      this.template = template;
    }

    public boolean isAllowNullValues() {
      return allowNullValues;
    }

    public void setAllowNullValues(boolean allowNullValues) {
      this.allowNullValues = allowNullValues;
    }
  }

  /** Servlet filters. */
  public static class Web {
    private final PageCache pageCache = new PageCache();
    private final Sessions sessions = new Sessions();

    public PageCache getPageCache() {
      return pageCache;
    }

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

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    public int getOrder() {
      return order;
    }

    public void setOrder(int order) {
      this.order = order;
    }

    public String getCacheAlias() {
      return cacheAlias;
    }

    public void setCacheAlias(String cacheAlias) {
      this.cacheAlias = cacheAlias;
    }

    public Duration getCacheTimeout() {
      return cacheTimeout;
    }

    public void setCacheTimeout(Duration cacheTimeout) {
      this.cacheTimeout = cacheTimeout;
    }

    public Duration getPageTimeout() {
      return pageTimeout;
    }

    public void setPageTimeout(Duration pageTimeout) {
      this.pageTimeout = pageTimeout;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    public Integer getMaxPageBytes() {
      return maxPageBytes;
    }

    public void setMaxPageBytes(Integer maxPageBytes) {
      this.maxPageBytes = maxPageBytes;
    }

    public Boolean getEtags() {
      return etags;
    }

    public void setEtags(Boolean etags) {
      this.etags = etags;
    }

    public Boolean getCoalesceMisses() {
      return coalesceMisses;
    }

    public void setCoalesceMisses(Boolean coalesceMisses) {
      this.coalesceMisses = coalesceMisses;
    }

    public Boolean getAnonymousOnly() {
      return anonymousOnly;
    }

    public void setAnonymousOnly(Boolean anonymousOnly) {
      this.anonymousOnly = anonymousOnly;
    }

    public Duration getStaleWhileRevalidate() {
      return staleWhileRevalidate;
    }

    public void setStaleWhileRevalidate(Duration staleWhileRevalidate) {
      this.staleWhileRevalidate = staleWhileRevalidate;
    }

    public Duration getStaleIfError() {
      return staleIfError;
    }

    public void setStaleIfError(Duration staleIfError) {
      this.staleIfError = staleIfError;
    }

    public Boolean getStoreResponsesWithCookies() {
      return storeResponsesWithCookies;
    }

    public void setStoreResponsesWithCookies(Boolean storeResponsesWithCookies) {
      this.storeResponsesWithCookies = storeResponsesWithCookies;
    }

    public Integer getMaxVariantsPerPath() {
      return maxVariantsPerPath;
    }

    public void setMaxVariantsPerPath(Integer maxVariantsPerPath) {
      this.maxVariantsPerPath = maxVariantsPerPath;
    }

    public List<String> getAllowedHosts() {
      return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
      this.allowedHosts = allowedHosts;
    }

    public Boolean getRejectDisallowedHosts() {
      return rejectDisallowedHosts;
    }

    public void setRejectDisallowedHosts(Boolean rejectDisallowedHosts) {
      this.rejectDisallowedHosts = rejectDisallowedHosts;
    }

    public List<String> getLanguages() {
      return languages;
    }

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

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getEngine() {
      return engine;
    }

    public void setEngine(String engine) {
      this.engine = engine;
    }

    public String getCacheAlias() {
      return cacheAlias;
    }

    public void setCacheAlias(String cacheAlias) {
      this.cacheAlias = cacheAlias;
    }

    public String getDatabaseAlias() {
      return databaseAlias;
    }

    public void setDatabaseAlias(String databaseAlias) {
      this.databaseAlias = databaseAlias;
    }

    public String getCookieName() {
      return cookieName;
    }

    public void setCookieName(String cookieName) {
      this.cookieName = cookieName;
    }

    public Duration getCookieAge() {
      return cookieAge;
    }

    public void setCookieAge(Duration cookieAge) {
      this.cookieAge = cookieAge;
    }

    public String getCookieDomain() {
      return cookieDomain;
    }

    public void setCookieDomain(String cookieDomain) {
      this.cookieDomain = cookieDomain;
    }

    public String getCookiePath() {
      return cookiePath;
    }

    public void setCookiePath(String cookiePath) {
      this.cookiePath = cookiePath;
    }

    public Boolean getCookieSecure() {
      return cookieSecure;
    }

    public void setCookieSecure(Boolean cookieSecure) {
      this.cookieSecure = cookieSecure;
    }

    public Boolean getCookieHttponly() {
      return cookieHttponly;
    }

    public void setCookieHttponly(Boolean cookieHttponly) {
      this.cookieHttponly = cookieHttponly;
    }

    public String getCookieSamesite() {
      return cookieSamesite;
    }

    public void setCookieSamesite(String cookieSamesite) {
      this.cookieSamesite = cookieSamesite;
    }

    public Boolean getExpireAtBrowserClose() {
      return expireAtBrowserClose;
    }

    public void setExpireAtBrowserClose(Boolean expireAtBrowserClose) {
      this.expireAtBrowserClose = expireAtBrowserClose;
    }

    public Boolean getSaveEveryRequest() {
      return saveEveryRequest;
    }

    public void setSaveEveryRequest(Boolean saveEveryRequest) {
      this.saveEveryRequest = saveEveryRequest;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    public List<String> getSecretKeyFallbacks() {
      return secretKeyFallbacks;
    }

    public void setSecretKeyFallbacks(List<String> secretKeyFallbacks) {
      this.secretKeyFallbacks = secretKeyFallbacks;
    }

    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    public String getSecretKeyEnv() {
      return secretKeyEnv;
    }

    public void setSecretKeyEnv(String secretKeyEnv) {
      this.secretKeyEnv = secretKeyEnv;
    }

    public String getSecretKeyFallbacksEnv() {
      return secretKeyFallbacksEnv;
    }

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

    public Duration getTimeout() {
      return timeout;
    }

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

    public boolean isTimers() {
      return timers;
    }

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

    public KeyFormat getKeyFormat() {
      return keyFormat;
    }

    public void setKeyFormat(KeyFormat keyFormat) {
      this.keyFormat = keyFormat;
    }
  }

  /** The fragment key formats of {@link io.larder.FragmentKeys}. */
  public enum KeyFormat {
    CURRENT,
    DJANGO_6_0
  }
}
