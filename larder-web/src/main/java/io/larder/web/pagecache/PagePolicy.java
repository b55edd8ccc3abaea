package io.larder.web.pagecache;

import io.larder.web.headers.HeaderValues;
import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.headers.HttpDates;
import java.util.ArrayList;
import java.util.List;

/**
 * Every decision of the page cache, made before anything is done, as OkHttp's {@code CacheStrategy}
 * makes its own: whether a request is looked up, passed by, rejected or marked private ({@link
 * Lookup}), under which methods' keys, whether a stored page may answer it, what a found page is
 * worth and so what is done with it ({@link Serving}: answer, answer then refresh, render with the
 * page standing in for a failure, or render), which caching headers a finished response gets, and,
 * decided apart from those, whether it is stored and for how long ({@link Storing}). The filters
 * ask, then carry the decision out. Django's {@code UpdateCacheMiddleware}, {@code learn_cache_key}
 * and {@code patch_response_headers} rules, in their order, with Larder's additions (allowed hosts,
 * cookies, expired responses, the response's language, anonymous-only caching, RFC 5861's stale
 * windows). Pure: a function of {@link PageRequest}, {@link PageResponse}, the settings and the
 * time given; the filters carry it out.
 *
 * <pre>{@code
 * PagePolicy.Storing s = policy.storing(PageRequest.get(), PageResponse.ok(), now);
 * s.headers().patch(); // true: a 200 without Cache-Control gets Expires and max-age...
 * s.store();           // ...and is stored...
 * s.timeout();         // ...for the cache timeout (600 s by default)
 * }</pre>
 */
final class PagePolicy {
  /** What the page cache does with a request before the view runs. */
  enum Lookup {
    /** Not cached at all (a method other than GET or HEAD, a dispatch): the chain runs as it is. */
    PASS,
    /** A host the allowed hosts do not allow, where the application asked for Django's 400. */
    REJECT,
    /** An authenticated request under anonymous-only caching: not looked up, marked private. */
    PRIVATE,
    /** Looked up; on a miss the view runs and its response may be stored. */
    FETCH;

    /**
     * Whether the response gets {@code Cache-Control: private} before its first byte, streamed or
     * not: neither stored nor served here, a cache between here and the user must not keep it.
     */
    boolean marksPrivate() {
      return this == PRIVATE;
    }

    /** Whether the view's response may be stored (the storing rules still decide). */
    boolean mayStore() {
      return this == FETCH;
    }
  }

  /**
   * What the page cache does with what a lookup found (OkHttp's {@code CacheStrategy}: the cache,
   * the network, or both). Built by {@link PagePolicy#serving}; the filters carry it out.
   *
   * @param answer the page to answer with now, or null when the view runs
   * @param refresh whether the view then runs again to store a fresh page (stale-while-revalidate),
   *     if this request can claim the page's one refresh
   * @param fallback the stale page that stands in if the view fails (stale-if-error), or null
   */
  record Serving(StoredPage answer, boolean refresh, StoredPage fallback) {
    private static final Serving RENDER = new Serving(null, false, null);

    /** A fresh page: answered, the view does not run. */
    static Serving answer(StoredPage page) {
      return new Serving(page, false, null);
    }

    /** A stale page within stale-while-revalidate: answered, then rendered again and stored. */
    static Serving answerThenRefresh(StoredPage page) {
      return new Serving(page, true, null);
    }

    /** A miss, or a page past every window: the view runs. */
    static Serving render() {
      return RENDER;
    }

    /**
     * A stale page within stale-if-error: the view runs, and {@code fallback} stands in if it
     * fails.
     */
    static Serving renderOrFallBackTo(StoredPage fallback) {
      return new Serving(null, false, fallback);
    }

    /** Whether a page answers the request (the view runs only to refresh it, if at all). */
    boolean answers() {
      return answer != null;
    }
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
   * The caching headers a finished response gets, decided apart from whether it is stored: Django
   * patches every response it would store, every 304 the view answered itself, and every response
   * it does not store only because the timeout is 0 ({@code max-age=0}, {@code Expires} now). Made
   * by {@link #untouched()} or {@link #patched}.
   *
   * @param patch whether {@code Expires} (unless set) and {@code max-age} are patched, and {@code
   *     vary} added to the response's {@code Vary}
   * @param maxAge the seconds patched into {@code max-age} (and {@code Expires})
   * @param vary request headers to add to the response's {@code Vary}
   */
  record Headers(boolean patch, long maxAge, List<String> vary) {
    private static final Headers UNTOUCHED = new Headers(false, 0, List.of());

    /** The response's headers are left as the view made them. */
    static Headers untouched() {
      return UNTOUCHED;
    }

    /**
     * {@code Expires} (unless set) and {@code max-age} patched to {@code maxAge}; {@code vary}
     * added.
     */
    static Headers patched(long maxAge, List<String> vary) {
      return new Headers(true, maxAge, List.copyOf(vary));
    }
  }

  /**
   * What to do with a finished response. Made by {@link #refused} or {@link #stored}, then {@link
   * #staleFor} and {@link #countedAsVariant}.
   *
   * @param headers the caching headers it gets, whether or not it is stored
   * @param store whether the page is stored (a 200 that passed every rule)
   * @param timeout the seconds the page is fresh
   * @param staleWhileRevalidate seconds past the timeout the page is served while it is refreshed
   * @param staleIfError seconds past the timeout the page stands in for a failed render
   * @param countedVariant whether the page counts against its path's cap on variants ({@link
   *     PageCache.Builder#maxVariantsPerPath}), which the cache's counter decides
   * @param reason why it is not stored, for logs and tests; "" when it is
   */
  record Storing(
      Headers headers,
      boolean store,
      long timeout,
      long staleWhileRevalidate,
      long staleIfError,
      boolean countedVariant,
      String reason) {

    /** Not stored, for {@code reason}; the response still gets {@code headers}. */
    static Storing refused(Headers headers, String reason) {
      return new Storing(headers, false, headers.maxAge(), 0, 0, false, reason);
    }

    /** Stored, fresh for {@code timeout} seconds, with no stale windows and not counted. */
    static Storing stored(Headers headers, long timeout) {
      return new Storing(headers, true, timeout, 0, 0, false, "");
    }

    /** This decision with the page usable when stale for these windows, in seconds. */
    Storing staleFor(long whileRevalidate, long ifError) {
      return new Storing(headers, store, timeout, whileRevalidate, ifError, countedVariant, reason);
    }

    /** This decision with the page counted, or not, against its path's cap on variants. */
    Storing countedAsVariant(boolean counted) {
      return new Storing(
          headers, store, timeout, staleWhileRevalidate, staleIfError, counted, reason);
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
  private final boolean rejectDisallowedHosts;
  private final long staleWhileRevalidate;
  private final long staleIfError;

  /**
   * @param cacheTimeout seconds a page is kept when neither the page timeout nor max-age says
   * @param pageTimeout seconds every page is kept whatever max-age says, or null
   * @param storesCookies whether a response that sets a cookie may be stored
   * @param anonymousOnly whether authenticated requests bypass the cache (and are marked private)
   * @param rejectDisallowedHosts whether a request for a host not allowed is answered 400
   * @param staleWhileRevalidate the default stale-while-revalidate window, seconds
   * @param staleIfError the default stale-if-error window, seconds
   */
  PagePolicy(
      long cacheTimeout,
      Long pageTimeout,
      boolean storesCookies,
      boolean anonymousOnly,
      boolean rejectDisallowedHosts,
      long staleWhileRevalidate,
      long staleIfError) {
    this.cacheTimeout = cacheTimeout;
    this.pageTimeout = pageTimeout;
    this.storesCookies = storesCookies;
    this.anonymousOnly = anonymousOnly;
    this.rejectDisallowedHosts = rejectDisallowedHosts;
    this.staleWhileRevalidate = staleWhileRevalidate;
    this.staleIfError = staleIfError;
  }

  /** Whether {@code request} is looked up, passed by, rejected, or answered privately. */
  Lookup lookup(PageRequest request) {
    if (!request.fromClient()) {
      // A forward, include, error or async dispatch is part of a request already being handled.
      return Lookup.PASS;
    }
    if (!request.hostAllowed()) {
      // Django's get_host() refuses such a request whatever its method.
      return rejectDisallowedHosts ? Lookup.REJECT : Lookup.PASS;
    }
    if (!isGetOrHead(request.method()) || !request.keyable()) {
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

  /**
   * Whether a page stored for a request that carried {@code stored} may answer {@code request}: a
   * request with {@code Authorization} never gets a page stored without it, and under
   * anonymous-only caching a request that names a session never gets a page stored for one that
   * named none. The key alone cannot promise that: it follows the header list the last stored
   * response left.
   */
  boolean answers(PageRequest request, PageRequest.Credentials stored) {
    PageRequest.Credentials carried = request.credentials();
    if (carried.authorization() && !stored.authorization()) {
      return false;
    }
    return !(anonymousOnly && carried.session() && !stored.session());
  }

  /**
   * Django's {@code UpdateCacheMiddleware.process_response} rules, in its order, on a response: the
   * headers it gets, and apart from them whether it is stored.
   */
  Storing storing(PageRequest request, PageResponse response, long nowSecond) {
    if (anonymousOnly && request.authenticated()) {
      // Never looked up (Lookup.PRIVATE), so never stored either; the lookup marks it private.
      return Storing.refused(Headers.untouched(), "authenticated");
    }
    int status = response.status();
    if (status != 200 && status != 304) {
      return Storing.refused(Headers.untouched(), "status " + status);
    }
    List<String> recorded = response.recordedVary();
    if (HttpCacheHeaders.hasVary(String.join(",", recorded), "Cookie")
        && !response.sessionIdValid()) {
      // The page looked at its session and its component has not yet said Vary: Cookie (Django's
      // cache_page inside SessionMiddleware would see the cookie and Vary: Cookie, and leave the
      // response as it is). Without a valid session the component is about to set a cookie.
      return Storing.refused(Headers.untouched(), "session cookie pending");
    }
    String vary = HttpCacheHeaders.patchVary(response.vary(), recorded);
    if (response.setsCookie() && HttpCacheHeaders.hasVary(vary, "Cookie")) {
      return Storing.refused(Headers.untouched(), "sets a cookie");
    }
    List<String> directives = HeaderValues.directiveNames(response.cacheControl());
    for (String name : UNCACHEABLE) {
      if (directives.contains(name)) {
        return Storing.refused(Headers.untouched(), "Cache-Control: " + name);
      }
    }
    if (HttpCacheHeaders.hasVary(vary, "*")) {
      return Storing.refused(Headers.untouched(), "Vary: *");
    }
    Long maxAge = HttpCacheHeaders.getMaxAge(response.cacheControl());
    if (pageTimeout == null && maxAge != null && maxAge == 0) {
      // The view said max-age=0 itself: Django leaves such a response as it is.
      return Storing.refused(Headers.untouched(), "timeout 0");
    }
    long timeout = pageTimeout != null ? pageTimeout : maxAge != null ? maxAge : cacheTimeout;
    List<String> addVary = new ArrayList<>(recorded);
    if (request.credentials().authorization() && !directives.contains("public")) {
      addVary.add("Authorization");
    }
    String ownRefusal = ownRefusal(request, response, nowSecond);
    // A page Larder will not share is not advertised as shareable either; a timeout of 0 only
    // forbids keeping it, which is always safe to say.
    Headers headers =
        ownRefusal == null || timeout <= 0
            ? Headers.patched(Math.max(0, timeout), addVary)
            : Headers.untouched();
    String reason =
        ownRefusal != null
            ? ownRefusal
            : timeout <= 0 ? "timeout 0" : status == 304 ? "status 304" : "";
    if (!reason.isEmpty()) {
      return Storing.refused(headers, reason);
    }
    return Storing.stored(headers, timeout)
        .staleFor(
            window(response, "stale-while-revalidate", staleWhileRevalidate),
            window(response, "stale-if-error", staleIfError))
        .countedAsVariant(request.variant() || variesOnHeaders(request, vary, addVary));
  }

  /**
   * Why Larder, beyond Django, does not store a response Django would store, or null: it sets a
   * cookie (unless the view opted in), it is already expired by its own {@code Expires}, or its
   * {@code Content-Language} names another language than its key.
   */
  private String ownRefusal(PageRequest request, PageResponse response, long nowSecond) {
    if (response.setsCookie() && !storesCookies) {
      // Django stores the cookie and replays it to every visitor; here only a view that opted in.
      return "sets a cookie";
    }
    // Jetty marks every response that sets a cookie Expires: 1970; a view that opted in to sharing
    // its cookies has said that mark does not apply.
    if (!response.setsCookie() && expiredByItself(response, nowSecond)) {
      return "already expired";
    }
    if (request.language() != null
        && response.contentLanguage() != null
        && !KeySuffix.sameLanguage(request.language(), response.contentLanguage())) {
      return "Content-Language "
          + response.contentLanguage()
          + " in a ."
          + request.language()
          + " key";
    }
    return null;
  }

  /** True if the page's key holds the values of request headers (each value is a variant). */
  private static boolean variesOnHeaders(PageRequest request, String vary, List<String> addVary) {
    String keyed = HttpCacheHeaders.patchVary(vary, addVary);
    return !PageKeys.headerList(keyed, request.language() != null).isEmpty();
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

  /**
   * What to do with {@code found}, the page a lookup found (null on a miss), at {@code nowSecond}:
   * its {@link #freshness} mapped to answering, refreshing, rendering and falling back.
   */
  static Serving serving(StoredPage found, long nowSecond) {
    if (found == null) {
      return Serving.render();
    }
    return switch (freshness(found.lifetime(), nowSecond)) {
      case FRESH -> Serving.answer(found);
      case REVALIDATE -> Serving.answerThenRefresh(found);
      case IF_ERROR -> Serving.renderOrFallBackTo(found);
      case EXPIRED -> Serving.render();
    };
  }

  /**
   * What to do with {@code found} where no refresh can run after the answer (the split pair): only
   * a fresh page answers; a stale one is a miss.
   */
  static Serving servingWithoutRefresh(StoredPage found, long nowSecond) {
    Serving serving = serving(found, nowSecond);
    return serving.answers() && !serving.refresh() ? serving : Serving.render();
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
