package io.larder.web.pagecache;

import io.larder.Cache;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A page cache over one Larder cache: Django's {@code CacheMiddleware} (the whole site) and {@code
 * cache_page} (chosen views), with their timeout, alias and key prefix.
 *
 * <pre>{@code
 * Cache cache = caches.get("default");
 * // The whole site, 600 s unless a page says otherwise with max-age (CacheMiddleware):
 * context.addFilter("pages", PageCache.builder(cache).build().filter())
 *     .addMappingForUrlPatterns(null, false, "/*");
 * // One view for 15 minutes whatever it says (cache_page(60 * 15)):
 * Servlet report = PageCache.builder(cache).pageTimeout(Duration.ofMinutes(15)).build()
 *     .wrap(new ReportServlet());
 * }</pre>
 *
 * <p>The rules are Django's (§9 of the spec): only GET and HEAD requests, only 200 responses are
 * stored (a HEAD is answered from the GET entry); the key is the full URL with its host plus the
 * values of the request headers the response {@code Vary}s on; nothing is stored for {@code
 * private}, {@code no-cache}, {@code no-store}, {@code Vary: *}, or a cookie set on a response that
 * varies on {@code Cookie}; a timeout of 0 stores nothing and tells every cache downstream the same
 * ({@code max-age=0}, {@code Expires} now); pages are cached only for the {@link
 * Builder#allowedHosts allowed hosts}. Beyond Django, nothing is stored that sets a cookie at all
 * (unless {@link Builder#storeResponsesWithCookies(boolean) the view opts in}), that is already
 * expired by its own {@code Expires}, whose {@code Content-Language} is not its key's language, or
 * that is one variant too many of its path ({@link Builder#maxVariantsPerPath(int)}); a request
 * with {@code Authorization} is never answered from a page stored without it. The response's {@code
 * max-age} wins over {@link Builder#cacheTimeout(Duration)} and {@link
 * Builder#pageTimeout(Duration)} wins over both; stored responses get {@code Expires} and {@code
 * max-age}, and hits an {@code Age}. Beyond Django, a stored page gets an ETag (unless {@link
 * Builder#etags(boolean) turned off}) and conditional requests against it are answered 304 from the
 * cache, and concurrent misses for one page render it once ({@link
 * Builder#coalesceMisses(boolean)}).
 *
 * <p>Options beyond Django: {@link Builder#anonymousOnly(boolean) anonymous-only caching} (a
 * logged-in user is never served nor creates a shared page, and gets {@code Cache-Control:
 * private}), RFC 5861's {@link Builder#staleWhileRevalidate(Duration) stale-while-revalidate} and
 * {@link Builder#staleIfError(Duration) stale-if-error} (also when the view's own {@code
 * Cache-Control} sets them), and Django's language and time-zone {@link Builder#keySuffix key
 * suffix}. Every rule is decided in one place, {@code PagePolicy}; {@code docs/web.md} has them as
 * a table.
 *
 * <p>Instances are immutable and thread-safe; one may back several filters.
 *
 * @since 0.1
 */
public final class PageCache {
  /**
   * The servlet-context attribute under which an application may put its {@link io.larder.Caches}
   * for the filters configured by init-params to use.
   */
  public static final String CACHES_ATTRIBUTE = "io.larder.Caches";

  /** Django's {@code CACHE_MIDDLEWARE_SECONDS} default. */
  public static final Duration DEFAULT_CACHE_TIMEOUT = Duration.ofSeconds(600);

  /** Pages larger than this are streamed to the client and not stored, unless changed. */
  public static final int DEFAULT_MAX_PAGE_BYTES = 4 << 20;

  /** How many variants of one path are stored per window, unless changed. */
  public static final int DEFAULT_MAX_VARIANTS_PER_PATH = 200;

  private final Cache cache;
  private final long cacheTimeout;
  private final Long pageTimeout;
  private final String keyPrefix;
  private final int maxPageBytes;
  private final boolean etags;
  private final InstantSource clock;
  private final MissFlights flights;
  private final boolean storesCookies;
  private final PathVariants variants;
  private final AllowedHosts allowedHosts;
  private final PagePolicy policy;
  private final Predicate<HttpServletRequest> authenticated;
  private final KeySuffix keySuffix;
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
  private final LongAdder servedWhileRevalidating = new LongAdder();
  private final LongAdder servedOnError = new LongAdder();

  private PageCache(Builder b) {
    this.cache = b.cache;
    this.cacheTimeout = b.cacheTimeout;
    this.pageTimeout = b.pageTimeout;
    this.keyPrefix = b.keyPrefix;
    this.maxPageBytes = b.maxPageBytes;
    this.etags = b.etags;
    this.clock = b.cache.settings().clock();
    this.flights = b.coalesceMisses ? new MissFlights() : null;
    this.storesCookies = b.storesCookies;
    this.variants = new PathVariants(b.cache, b.keyPrefix, b.maxVariantsPerPath);
    this.allowedHosts = b.allowedHosts;
    this.authenticated = b.authenticated;
    this.keySuffix = b.keySuffix;
    this.policy =
        new PagePolicy(
            b.cacheTimeout,
            b.pageTimeout,
            b.storesCookies,
            b.authenticated != null,
            b.rejectDisallowedHosts,
            b.staleWhileRevalidate,
            b.staleIfError);
  }

  /**
   * A builder over {@code cache}: Django's defaults are 600 s, no page timeout, prefix "".
   *
   * @param cache the cache pages are stored in; not null
   * @return a new builder with Django's defaults
   */
  public static Builder builder(Cache cache) {
    return new Builder(cache);
  }

  /**
   * The whole filter: fetch from the cache, else run the chain and store the response.
   *
   * @return a new filter over this page cache
   */
  public Filter filter() {
    return new PageCacheFilter(this);
  }

  /**
   * The fetching half, to be the last filter (Django's {@code FetchFromCacheMiddleware}).
   *
   * @return a new filter that answers from the cache and stores nothing
   */
  public Filter fetchFilter() {
    return new FetchFromCacheFilter(this);
  }

  /**
   * The storing half, to be the first filter (Django's {@code UpdateCacheMiddleware}).
   *
   * @return a new filter that stores responses and answers nothing from the cache
   */
  public Filter updateFilter() {
    return new UpdateCacheFilter(this);
  }

  /**
   * {@code servlet} behind this page cache: Django's {@code cache_page(view)}.
   *
   * @param servlet the view whose pages are cached
   * @return a servlet that answers from the cache and otherwise calls {@code servlet}
   */
  public Servlet wrap(Servlet servlet) {
    return new CachedServlet(servlet, new PageCacheFilter(this));
  }

  /**
   * The cache pages are stored in.
   *
   * @return the cache given to {@link #builder(Cache)}
   */
  public Cache cache() {
    return cache;
  }

  /**
   * Seconds a page is kept when neither the page timeout nor the response's max-age says.
   *
   * @return the cache timeout in seconds, 0 or more (0 stores nothing)
   */
  public long cacheTimeoutSeconds() {
    return cacheTimeout;
  }

  /**
   * Seconds every page is kept regardless of its max-age ({@code cache_page}).
   *
   * @return the page timeout in seconds (0 stores nothing), or {@code null} when there is none
   */
  public Long pageTimeoutSeconds() {
    return pageTimeout;
  }

  /**
   * The page-key prefix, inside the key string (the cache's own key_prefix applies too).
   *
   * @return the prefix; empty when there is none, never {@code null}
   */
  public String keyPrefix() {
    return keyPrefix;
  }

  int maxPageBytes() {
    return maxPageBytes;
  }

  boolean etags() {
    return etags;
  }

  InstantSource clock() {
    return clock;
  }

  /** True if responses that set a cookie are stored (and replayed to every visitor). */
  boolean storesCookies() {
    return storesCookies;
  }

  PathVariants variants() {
    return variants;
  }

  PagePolicy policy() {
    return policy;
  }

  KeySuffix keySuffix() {
    return keySuffix;
  }

  /**
   * The facts of {@code request} the policy decides on: authenticated only if anonymous-only; a
   * counted variant unless its URL is its path's plain one for a host the allowed hosts name; the
   * language of its key.
   */
  PageRequest facts(HttpServletRequest request) {
    boolean hostAllowed = allowedHosts.allows(request);
    String language = keySuffix.languageOf(request);
    return PageRequest.of(
        request,
        hostAllowed,
        authenticated != null && authenticated.test(request),
        PageRequest.Credentials.of(request, authenticated != null),
        !(PathVariants.plainUrl(request) && allowedHosts.names(request)),
        language,
        language != null || !keySuffix.hasLanguage());
  }

  /** Claims the one background refresh of {@code key}; false if one is running. */
  boolean startRefresh(String key) {
    return refreshing.add(key);
  }

  void endRefresh(String key) {
    refreshing.remove(key);
  }

  void countServedWhileRevalidating() {
    servedWhileRevalidating.increment();
  }

  void countServedOnError() {
    servedOnError.increment();
  }

  /**
   * How many stale pages were served while one request refreshed them (stale-while-revalidate).
   *
   * @return the count since this page cache was built
   */
  public long servedWhileRevalidating() {
    return servedWhileRevalidating.sum();
  }

  /**
   * How many stale pages stood in for a view that threw or answered 5xx (stale-if-error).
   *
   * @return the count since this page cache was built
   */
  public long servedOnError() {
    return servedOnError.sum();
  }

  /** The stampede protection of this page cache's filters, or null when it is off. */
  MissFlights flights() {
    return flights;
  }

  @Override
  public String toString() {
    return "PageCache[cache="
        + cache.settings().alias()
        + ", cacheTimeout="
        + cacheTimeout
        + ", pageTimeout="
        + pageTimeout
        + ", keyPrefix='"
        + keyPrefix
        + "']";
  }

  /** Builds a {@link PageCache}; each setter checks its argument. */
  public static final class Builder {
    private final Cache cache;
    private long cacheTimeout = DEFAULT_CACHE_TIMEOUT.toSeconds();
    private Long pageTimeout;
    private String keyPrefix = "";
    private int maxPageBytes = DEFAULT_MAX_PAGE_BYTES;
    private boolean etags = true;
    private boolean coalesceMisses = true;
    private boolean storesCookies;
    private int maxVariantsPerPath = DEFAULT_MAX_VARIANTS_PER_PATH;
    private AllowedHosts allowedHosts = AllowedHosts.any();
    private boolean rejectDisallowedHosts;
    private Predicate<HttpServletRequest> authenticated;
    private long staleWhileRevalidate;
    private long staleIfError;
    private KeySuffix keySuffix = KeySuffix.none();

    private Builder(Cache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * How long a page is kept when its response has no max-age: Django's {@code
     * CACHE_MIDDLEWARE_SECONDS} (600 s). Zero stores nothing and marks the responses that say
     * nothing of their freshness {@code max-age=0} with {@code Expires} now, as Django does.
     *
     * @param timeout 0 or more, counted in whole seconds (a fraction is dropped); not null
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public Builder cacheTimeout(Duration timeout) {
      this.cacheTimeout = seconds(timeout, "cacheTimeout");
      return this;
    }

    /**
     * How long every page is kept, whatever its max-age says: {@code cache_page}'s timeout. Null
     * (the default) leaves the choice to max-age and the cache timeout. Zero stores nothing and
     * marks the responses {@code max-age=0} with {@code Expires} now, as Django's {@code
     * cache_page(0)} does.
     *
     * @param timeout 0 or more, counted in whole seconds (a fraction is dropped), or {@code null}
     *     for none
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is negative
     */
    public Builder pageTimeout(Duration timeout) {
      this.pageTimeout = timeout == null ? null : seconds(timeout, "pageTimeout");
      return this;
    }

    /**
     * Django's {@code CACHE_MIDDLEWARE_KEY_PREFIX} / {@code cache_page(key_prefix=)}.
     *
     * @param keyPrefix put in every page key; empty (the default) for none, not null
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * The largest body that is stored; a larger one is streamed and not cached (4 MiB).
     *
     * @param bytes the most bytes of body stored, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public Builder maxPageBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxPageBytes must be 0 or more, not " + bytes);
      }
      this.maxPageBytes = bytes;
      return this;
    }

    /**
     * Whether a stored page without an ETag gets one (md5 of its body); true by default.
     *
     * @param etags true to add ETags, false to store pages as the view sent them
     * @return this builder
     */
    public Builder etags(boolean etags) {
      this.etags = etags;
      return this;
    }

    /**
     * Whether concurrent misses for the same page render it once (true by default): the first
     * request renders, the others wait for it (at most 10 s) and are served what it stored. Django
     * renders every one of them. Applies to {@link #filter()} and {@link #wrap}, not to the split
     * pair.
     *
     * @param coalesce true to render a page once for concurrent misses, false to render each
     * @return this builder
     */
    public Builder coalesceMisses(boolean coalesce) {
      this.coalesceMisses = coalesce;
      return this;
    }

    /**
     * Whether a response that sets a cookie is stored, with its {@code Set-Cookie}, and so replayed
     * to every visitor: false by default, because the cookie is usually one visitor's (a CSRF
     * token, a remember-me, an A/B id). Django stores it; turn this on only for a view whose
     * cookies are the same for everyone.
     *
     * @param store true to store and replay responses that set a cookie
     * @return this builder
     */
    public Builder storeResponsesWithCookies(boolean store) {
      this.storesCookies = store;
      return this;
    }

    /**
     * How many variants of one path are stored within one page timeout (200 by default), whatever
     * makes them vary: the query string, path parameters ({@code /p;w=1}), the {@code Host}, the
     * values of the headers the page varies on. Beyond that, further variants are served but not
     * stored, so that a flood of made-up URLs cannot evict the real pages. The plain page (no query
     * string or path parameters, a host {@link #allowedHosts named} exactly, varying on no header)
     * is not counted.
     *
     * @param variants the most variants stored per path, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code variants} is negative
     */
    public Builder maxVariantsPerPath(int variants) {
      if (variants < 0) {
        throw new IllegalArgumentException("maxVariantsPerPath must be 0 or more, not " + variants);
      }
      this.maxVariantsPerPath = variants;
      return this;
    }

    /**
     * Django's {@code ALLOWED_HOSTS}: the hosts pages are cached for (every host when none is
     * given, the default). A request for another host is neither answered from the cache nor
     * stored; with {@link #rejectDisallowedHosts(boolean)} it is answered 400, as Django answers
     * it. A pattern is a host ({@code www.example.com}, {@code 127.0.0.1}, {@code [::1]}), a
     * domain and its subdomains ({@code .example.com}), or {@code *}; the request's port does not
     * matter.
     *
     * <pre>{@code
     * PageCache.builder(cache).allowedHosts(List.of("www.example.com", ".example.org"));
     * }</pre>
     *
     * @param patterns the host patterns; empty for every host, not null
     * @return this builder
     * @throws IllegalArgumentException when a pattern is empty or holds a space, comma or slash
     */
    public Builder allowedHosts(List<String> patterns) {
      this.allowedHosts = AllowedHosts.of(Objects.requireNonNull(patterns, "allowedHosts"));
      return this;
    }

    /**
     * {@link #allowedHosts(List)} as arguments.
     *
     * @param patterns the host patterns; none for every host
     * @return this builder
     * @throws IllegalArgumentException when a pattern is empty or holds a space, comma or slash
     */
    public Builder allowedHosts(String... patterns) {
      return allowedHosts(List.of(patterns));
    }

    /**
     * Whether a request for a host the {@link #allowedHosts allowed hosts} do not name is answered
     * {@code 400 Bad Request} before it reaches the application, whatever its method, as Django's
     * {@code get_host()} refuses it (false by default: such a request is passed on, uncached).
     *
     * @param reject true to answer 400 for a host that is not allowed
     * @return this builder
     */
    public Builder rejectDisallowedHosts(boolean reject) {
      this.rejectDisallowedHosts = reject;
      return this;
    }

    /**
     * Whether only anonymous requests are served from and stored in the cache (false by default;
     * Django's old {@code CACHE_MIDDLEWARE_ANONYMOUS_ONLY}): a request {@link
     * AuthenticatedRequests#standard() that is logged in} is neither answered from the cache nor
     * stored, and its response gets {@code Cache-Control: private}, so that no shared cache keeps
     * it either.
     *
     * @param anonymousOnly true to cache only requests that are not logged in, by the standard
     *     test; false to cache every request
     * @return this builder
     */
    public Builder anonymousOnly(boolean anonymousOnly) {
      this.authenticated = anonymousOnly ? AuthenticatedRequests.standard() : null;
      return this;
    }

    /**
     * Anonymous-only caching with the application's own test of a logged-in request.
     *
     * @param authenticated true for a request that is logged in; called on every request, so
     *     cheap and thread-safe; not null
     * @return this builder
     */
    public Builder anonymousOnly(Predicate<HttpServletRequest> authenticated) {
      this.authenticated = Objects.requireNonNull(authenticated, "authenticated");
      return this;
    }

    /**
     * RFC 5861's {@code stale-while-revalidate} for pages whose response does not set it (0, off,
     * by default): within this long after a page expires it is served at once, and one request
     * refreshes it after its response has been sent. A view's own {@code Cache-Control:
     * stale-while-revalidate=N} wins. Applies to {@link #build()}'s {@code filter()} and {@code
     * wrap}, not to the split pair.
     *
     * @param window 0 or more, counted in whole seconds (a fraction is dropped); 0 turns it off
     * @return this builder
     * @throws IllegalArgumentException when {@code window} is negative
     */
    public Builder staleWhileRevalidate(Duration window) {
      this.staleWhileRevalidate = seconds(window, "staleWhileRevalidate");
      return this;
    }

    /**
     * RFC 5861's {@code stale-if-error} for pages whose response does not set it (0, off, by
     * default): within this long after a page expires, a view that throws or answers 5xx is
     * answered with the stale page instead, logged and counted ({@link PageCache#servedOnError()}).
     * A view's own {@code Cache-Control: stale-if-error=N} wins. Not for the split pair.
     *
     * @param window 0 or more, counted in whole seconds (a fraction is dropped); 0 turns it off
     * @return this builder
     * @throws IllegalArgumentException when {@code window} is negative
     */
    public Builder staleIfError(Duration window) {
      this.staleIfError = seconds(window, "staleIfError");
      return this;
    }

    /**
     * Django's {@code USE_I18N}/{@code USE_TZ} suffix on both page keys ({@link KeySuffix#none()}
     * by default), e.g. {@code KeySuffix.languages("en", "fr")}.
     *
     * @param suffix what is appended to the page keys; not null
     * @return this builder
     */
    public Builder keySuffix(KeySuffix suffix) {
      this.keySuffix = Objects.requireNonNull(suffix, "suffix");
      return this;
    }

    /**
     * The page cache with these settings.
     *
     * @return a new, immutable page cache; the builder may be used again
     */
    public PageCache build() {
      return new PageCache(this);
    }

    private static long seconds(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, not " + timeout);
      }
      return timeout.toSeconds();
    }
  }
}
