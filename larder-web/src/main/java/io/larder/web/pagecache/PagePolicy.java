package io.larder.web.pagecache;

import io.larder.web.headers.HeaderValues;
import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.headers.HttpDates;
import java.util.ArrayList;
import java.util.List;

/**
 * Every decision of the page cache, made before anything is done: whether a request may be answered
 * from the cache and under which methods' keys, whether a response may be stored, for how long, on
 * which further headers it varies, and whether a stored page is still fresh, stale but usable, or
 * gone. Django's {@code UpdateCacheMiddleware}, {@code learn_cache_key} and {@code
 * patch_response_headers} rules, in their order, with Larder's additions (cookies, expired
 * responses, anonymous-only caching, RFC 5861's stale windows). Pure: a function of {@link
 * PageRequest}, {@link PageResponse}, the settings and the time given; the filters carry it out.
 *
 * <pre>{@code
 * PagePolicy.Storing s = policy.storing(PageRequest.get(), PageResponse.ok(), now);
 * s.store();      // true: a 200 without Cache-Control is stored...
 * s.timeout();    // ...for the cache timeout (600 s by default)
 * }</pre>
 */
final class PagePolicy {
  /** What the page cache does with a request before the view runs. */
  enum Lookup {
    /** Not cached at all (a method other than GET or HEAD, a dispatch): the chain runs as it is. */
    PASS,
    /** An authenticated request under anonymous-only caching: not looked up, marked private. */
    PRIVATE,
    /** Looked up; on a miss the view runs and its response may be stored. */
    FETCH
  }

  /** What a stored page is worth at a moment (RFC 5861). */
  enum Freshness {
    /** Within its timeout: served. */
    FRESH,
    /** Past it but within stale-while-revalidate: served at once, refreshed in the background. */
    REVALIDATE,
    /** Past it but within stale-if-error: the view runs, and the page stands in if it fails. */
    IF_ERROR,
    /** Past every window: a miss. */
    EXPIRED
  }

  /**
   * What to do with a finished response.
   *
   * @param patch whether the caching headers are patched (Expires, max-age, {@code vary}): Django
   *     patches every response it would store and every 304 the view answered itself
   * @param store whether the page is stored (a 200 that passed every rule)
   * @param timeout the seconds the page is fresh (and its max-age)
   * @param vary request headers to add to the response's {@code Vary} before its key is learned
   * @param markPrivate whether {@code Cache-Control: private} is added (an authenticated response
   *     under anonymous-only caching)
   * @param staleWhileRevalidate seconds past the timeout the page is served while it is refreshed
   * @param staleIfError seconds past the timeout the page stands in for a failed render
   * @param queryVariant whether the page counts against its path's cap on query-string variants
   *     ({@link PageCache.Builder#maxQueryVariants}), which the cache's counter decides
   * @param reason why it is not stored, for logs and tests; "" when it is
   */
  record Storing(
      boolean patch,
      boolean store,
      long timeout,
      List<String> vary,
      boolean markPrivate,
      long staleWhileRevalidate,
      long staleIfError,
      boolean queryVariant,
      String reason) {

    static Storing refused(String reason) {
      return new Storing(false, false, 0, List.of(), false, 0, 0, false, reason);
    }

    /** Seconds the cache keeps the page: fresh, then as long as a stale window may use it. */
    long keptFor() {
      return timeout + Math.max(staleWhileRevalidate, staleIfError);
    }
  }

  private static final List<String> UNCACHEABLE = List.of("private", "no-cache", "no-store");
  private static final List<String> GET_ONLY = List.of("GET");
  private static final List<String> GET_THEN_HEAD = List.of("GET", "HEAD");

  private final long cacheTimeout;
  private final Long pageTimeout;
  private final boolean storesCookies;
  private final boolean anonymousOnly;
  private final long staleWhileRevalidate;
  private final long staleIfError;

  /**
   * @param cacheTimeout seconds a page is kept when neither the page timeout nor max-age says
   * @param pageTimeout seconds every page is kept whatever max-age says, or null
   * @param storesCookies whether a response that sets a cookie may be stored
   * @param anonymousOnly whether authenticated requests bypass the cache (and are marked private)
   * @param staleWhileRevalidate the default stale-while-revalidate window, seconds
   * @param staleIfError the default stale-if-error window, seconds
   */
  PagePolicy(
      long cacheTimeout,
      Long pageTimeout,
      boolean storesCookies,
      boolean anonymousOnly,
      long staleWhileRevalidate,
      long staleIfError) {
    this.cacheTimeout = cacheTimeout;
    this.pageTimeout = pageTimeout;
    this.storesCookies = storesCookies;
    this.anonymousOnly = anonymousOnly;
    this.staleWhileRevalidate = staleWhileRevalidate;
    this.staleIfError = staleIfError;
  }

  /** Whether {@code request} is looked up, passed by, or answered privately. */
  Lookup lookup(PageRequest request) {
    if (!request.fromClient() || !isGetOrHead(request.method())) {
      // A forward, include, error or async dispatch is part of a request already being handled.
      return Lookup.PASS;
    }
    return anonymousOnly && request.authenticated() ? Lookup.PRIVATE : Lookup.FETCH;
  }

  /**
   * The methods whose page keys a lookup tries, in order: a HEAD is answered from the GET page
   * first, then from a page a HEAD stored (Django's {@code FetchFromCacheMiddleware}).
   */
  List<String> lookupMethods(PageRequest request) {
    return "HEAD".equals(request.method()) ? GET_THEN_HEAD : GET_ONLY;
  }

  /** Django's {@code UpdateCacheMiddleware.process_response} rules, in its order, on a response. */
  Storing storing(PageRequest request, PageResponse response, long nowSecond) {
    if (anonymousOnly && request.authenticated()) {
      // Neither stored nor served: and a cache between here and the user must not keep it either.
      return new Storing(false, false, 0, List.of(), true, 0, 0, false, "authenticated");
    }
    int status = response.status();
    if (status != 200 && status != 304) {
      return Storing.refused("status " + status);
    }
    List<String> recorded = response.recordedVary();
    if (HttpCacheHeaders.hasVary(String.join(",", recorded), "Cookie")
        && !response.sessionIdValid()) {
      // The page looked at its session and its component has not yet said Vary: Cookie (Django's
      // cache_page inside SessionMiddleware would serve it to the next user). Without a valid
      // session the component is about to set a cookie, which this cache cannot see either.
      return Storing.refused("session cookie pending");
    }
    String vary = HttpCacheHeaders.patchVary(response.vary(), recorded);
    if (response.setsCookie() && (HttpCacheHeaders.hasVary(vary, "Cookie") || !storesCookies)) {
      // Django stores the cookie and replays it to every visitor; here only a view that opted in.
      return Storing.refused("sets a cookie");
    }
    List<String> directives = HeaderValues.directiveNames(response.cacheControl());
    for (String name : UNCACHEABLE) {
      if (directives.contains(name)) {
        return Storing.refused("Cache-Control: " + name);
      }
    }
    if (HttpCacheHeaders.hasVary(vary, "*")) {
      return Storing.refused("Vary: *");
    }
    // Jetty marks every response that sets a cookie Expires: 1970; a view that opted in to sharing
    // its cookies has said that mark does not apply.
    if (!response.setsCookie() && expiredByItself(response, nowSecond)) {
      return Storing.refused("already expired");
    }
    long timeout = timeout(response);
    if (timeout == 0) {
      return Storing.refused("timeout 0");
    }
    List<String> addVary = new ArrayList<>(recorded);
    if (request.hasAuthorization() && !directives.contains("public")) {
      addVary.add("Authorization");
    }
    return new Storing(
        true,
        status == 200,
        timeout,
        List.copyOf(addVary),
        false,
        window(response, "stale-while-revalidate", staleWhileRevalidate),
        window(response, "stale-if-error", staleIfError),
        request.hasQuery(),
        status == 200 ? "" : "status 304");
  }

  /** What a page stored at {@code storedAt} for these windows is worth at {@code nowSecond}. */
  static Freshness freshness(StoredPage.Lifetime page, long nowSecond) {
    long staleFor = nowSecond - (page.storedAt() + page.timeout());
    if (staleFor < 0) {
      return Freshness.FRESH;
    }
    if (staleFor < page.staleWhileRevalidate()) {
      return Freshness.REVALIDATE;
    }
    return staleFor < page.staleIfError() ? Freshness.IF_ERROR : Freshness.EXPIRED;
  }

  /** Django's precedence: the page timeout, else the response's max-age, else the default. */
  private long timeout(PageResponse response) {
    if (pageTimeout != null) {
      return pageTimeout;
    }
    Long maxAge = HttpCacheHeaders.getMaxAge(response.cacheControl());
    return maxAge != null ? maxAge : cacheTimeout;
  }

  /** The view's own directive (RFC 5861) wins over the setting. */
  private static long window(PageResponse response, String directive, long setting) {
    Long own = HttpCacheHeaders.getSeconds(response.cacheControl(), directive);
    return own != null && own >= 0 ? own : setting;
  }

  /**
   * True if the response says it is already stale by its own Expires (in the past, with no max-age
   * to override it, as HTTP has it): servlet containers set {@code Expires: Thu, 01 Jan 1970} on
   * responses that must not be kept.
   */
  private static boolean expiredByItself(PageResponse response, long nowSecond) {
    if (HttpCacheHeaders.getMaxAge(response.cacheControl()) != null || response.expires() == null) {
      return false;
    }
    long at = HttpDates.parse(response.expires());
    // An Expires that is no date is in the past, as HTTP says ("0", "-1").
    return at == Long.MIN_VALUE || at <= nowSecond;
  }

  private static boolean isGetOrHead(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }
}
