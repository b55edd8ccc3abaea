package io.larder.web;

import io.larder.internal.Md5;
import io.larder.CacheException;
import io.larder.Timeout;
import io.larder.web.session.SessionFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storing half of the page cache (Django's {@code UpdateCacheMiddleware.process_response}), run
 * on the finished, still buffered response, in Django's order.
 */
final class CacheUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(CacheUpdate.class);
  private static final List<String> UNCACHEABLE = List.of("private", "no-cache", "no-store");

  private final PageCache pages;

  CacheUpdate(PageCache pages) {
    this.pages = pages;
  }

  /** What {@link #store} did with a response. */
  private enum Stored {
    /** Not stored; the response is still to be sent. */
    NO,
    /** Stored; the response is still to be sent. */
    YES,
    /** Stored, and a conditional request was already answered (304 or 412). */
    ANSWERED
  }

  /**
   * Runs the rest of the chain into a buffer, then stores the response if {@code update} still says
   * so and Django's rules allow, patching its caching headers, and sends it.
   *
   * @param update read after the chain: false when the fetch half did not ask for the response to
   *     be stored
   * @return true if the response was stored
   */
  boolean around(
      HttpServletRequest request,
      HttpServletResponse target,
      FilterChain chain,
      BooleanSupplier update)
      throws IOException, ServletException {
    // A streamed response is passed on as it is: Django adds no headers to one.
    BufferedResponse response = new BufferedResponse(target, pages.maxPageBytes(), () -> {});
    chain.doFilter(response.watching(request), response);
    response.finishApplication(request.isAsyncStarted());
    boolean head = "HEAD".equals(request.getMethod());
    Stored stored =
        update.getAsBoolean() && !response.isStreaming()
            ? store(request, response, head)
            : Stored.NO;
    if (stored != Stored.ANSWERED) {
      response.writeOut(head);
    }
    return stored != Stored.NO;
  }

  /** Applies Django's rules, storing the page if they allow. */
  private Stored store(HttpServletRequest request, BufferedResponse response, boolean head)
      throws IOException {
    int status = response.getStatus();
    if (status != 200 && status != 304) {
      return Stored.NO;
    }
    if (Boolean.TRUE.equals(request.getAttribute(SessionFilter.PENDING_ATTRIBUTE))) {
      // The page looked at its session, and the session filter around this cache has not yet
      // said so with Vary: Cookie (Django's cache_page inside SessionMiddleware would serve it to
      // the next user). Without a valid session cookie the filter is about to set one, which this
      // cache cannot see either: such a page is not stored.
      if (!request.isRequestedSessionIdValid()) {
        return Stored.NO;
      }
      HttpCacheHeaders.patchVary(response, "Cookie");
    }
    boolean setsCookie = !response.getHeaders("Set-Cookie").isEmpty();
    if (setsCookie && (HttpCacheHeaders.hasVary(response, "Cookie") || !pages.storesCookies())) {
      // Django stores the cookie and replays it to every visitor; here only a view that opted in.
      return Stored.NO;
    }
    List<String> directives =
        HeaderValues.directiveNames(HeaderValues.joined(response, "Cache-Control"));
    for (String name : UNCACHEABLE) {
      if (directives.contains(name)) {
        return Stored.NO;
      }
    }
    if (HttpCacheHeaders.hasVary(response, "*")) {
      return Stored.NO;
    }
    // Jetty marks every response that sets a cookie Expires: 1970; a view that opted in to sharing
    // its cookies has said that mark does not apply.
    if (!setsCookie && expiredByItself(response)) {
      return Stored.NO;
    }
    long timeout = timeout(response);
    if (timeout == 0) {
      return Stored.NO;
    }
    if (!pages.variants().admit(request, timeout)) {
      return Stored.NO;
    }
    HttpCacheHeaders.patchResponseHeaders(response, timeout, pages.clock());
    String authorization = request.getHeader("Authorization");
    if (authorization != null && !authorization.isEmpty() && !directives.contains("public")) {
      HttpCacheHeaders.patchVary(response, "Authorization");
    }
    if (status != 200) {
      return Stored.NO;
    }
    byte[] body = response.body();
    if (pages.etags() && body.length > 0 && !response.containsHeader("ETag")) {
      response.setHeader("ETag", '"' + Md5.hex(body) + '"');
    }
    Stored stored = Stored.YES;
    try {
      Timeout ttl = Timeout.seconds(timeout);
      String key = PageKeys.learnCacheKey(request, response, ttl, pages.keyPrefix(), pages.cache());
      long now = pages.clock().millis() / 1000;
      pages.cache().set(key, CachedPage.store(response, body, response.declaredLength(), now), ttl);
    } catch (CacheException e) {
      LOG.warn("Page cache {}: storing the page failed: {}", pages, e.toString());
      stored = Stored.NO;
    }
    ConditionalGet.Outcome outcome =
        ConditionalGet.evaluate(
            request,
            response.getHeader("ETag"),
            HttpDates.parse(response.getHeader("Last-Modified")));
    if (outcome == ConditionalGet.Outcome.FULL) {
      return stored;
    }
    response.setStatus(
        outcome == ConditionalGet.Outcome.NOT_MODIFIED
            ? HttpServletResponse.SC_NOT_MODIFIED
            : HttpServletResponse.SC_PRECONDITION_FAILED);
    response.discardBody();
    return Stored.ANSWERED;
  }

  /**
   * True if the response says it is already stale by its own Expires (in the past, with no
   * max-age to override it, as HTTP has it): servlet containers set {@code Expires: Thu, 01 Jan
   * 1970} on responses that must not be kept.
   */
  private boolean expiredByItself(HttpServletResponse response) {
    if (HttpCacheHeaders.getMaxAge(response) != null) {
      return false;
    }
    String expires = response.getHeader("Expires");
    if (expires == null) {
      return false;
    }
    long at = HttpDates.parse(expires);
    // An Expires that is no date is in the past, as HTTP says ("0", "-1").
    return at == Long.MIN_VALUE || at <= pages.clock().millis() / 1000;
  }

  /** Django's precedence: the page timeout, else the response's max-age, else the default. */
  private long timeout(HttpServletResponse response) {
    if (pages.pageTimeoutSeconds() != null) {
      return pages.pageTimeoutSeconds();
    }
    Long maxAge = HttpCacheHeaders.getMaxAge(response);
    return maxAge != null ? maxAge : pages.cacheTimeoutSeconds();
  }
}
