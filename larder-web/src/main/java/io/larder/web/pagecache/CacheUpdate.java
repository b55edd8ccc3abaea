package io.larder.web.pagecache;

import io.larder.CacheException;
import io.larder.Timeout;
import io.larder.spi.Md5;
import io.larder.web.headers.CacheDirectives;
import io.larder.web.headers.ConditionalGet;
import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.headers.HttpDates;
import io.larder.web.response.HeldResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storing half of the page cache (Django's {@code UpdateCacheMiddleware.process_response}):
 * runs the view into a held response, asks {@link PagePolicy} what to do with the finished
 * response, and does it: patches the caching headers (whether or not the page is stored), learns
 * the key, stores the page, answers a conditional request, or puts a stale page in the place of a
 * failed one.
 */
final class CacheUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(CacheUpdate.class);

  private final PageCache pages;
  private final CacheFetch fetch;

  CacheUpdate(PageCache pages) {
    this.pages = pages;
    this.fetch = new CacheFetch(pages);
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
   * Runs the rest of the chain into a buffer, then stores the response if {@code lookup} and {@code
   * update} say so and the policy allows, patching its caching headers, and sends it.
   *
   * @param lookup the policy's decision on the request: whether the response is marked private,
   *     whether it may be stored at all
   * @param update read after the chain: false when the response must not be stored (the split
   *     pair's fetch half did not ask for it)
   * @param stale a stale page to answer with if the view throws or answers 5xx, or null
   * @return true if the response was stored
   */
  boolean around(
      HttpServletRequest request,
      HttpServletResponse target,
      FilterChain chain,
      PageRequest facts,
      PagePolicy.Lookup lookup,
      BooleanSupplier update,
      StoredPage stale)
      throws IOException, ServletException {
    // A streamed response is passed on as it is: Django adds no headers to one. A private one is
    // marked before its first byte all the same.
    HeldResponse response =
        HeldResponse.buffering(
            target,
            pages.maxPageBytes(),
            lookup.marksPrivate()
                ? () ->
                    HttpCacheHeaders.patchCacheControl(
                        target, CacheDirectives.none().privateCache())
                : () -> {});
    try {
      chain.doFilter(response.watching(request), response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (answerStale(request, target, response, stale, e.toString())) {
        return false;
      }
      throw e;
    }
    response.finishApplication(request.isAsyncStarted());
    if (response.getStatus() >= 500
        && answerStale(request, target, response, stale, "status " + response.getStatus())) {
      return false;
    }
    response.beforeCommit();
    boolean head = "HEAD".equals(request.getMethod());
    Stored stored =
        lookup.mayStore() && update.getAsBoolean() && !response.isStreaming()
            ? store(request, response, facts, head)
            : Stored.NO;
    if (stored != Stored.ANSWERED) {
      response.writeOut(head);
    }
    return stored != Stored.NO;
  }

  /** Stale-if-error: answers with {@code stale} instead of a failed render, if it still can. */
  private boolean answerStale(
      HttpServletRequest request,
      HttpServletResponse target,
      HeldResponse failed,
      StoredPage stale,
      String failure)
      throws IOException {
    if (stale == null || failed.isStreaming() || target.isCommitted()) {
      return false;
    }
    LOG.warn(
        "Page cache {}: {} failed ({}); answered with the stale page (stale-if-error)",
        pages,
        request.getRequestURI(),
        failure);
    pages.countServedOnError();
    failed.discardBody();
    target.reset();
    fetch.answer(request, target, stale);
    return true;
  }

  /** Carries out the policy's decision on the finished response. */
  private Stored store(
      HttpServletRequest request, HeldResponse response, PageRequest facts, boolean head)
      throws IOException {
    long now = pages.clock().millis() / 1000;
    PagePolicy.Storing storing =
        pages.policy().storing(facts, PageResponse.of(request, response), now);
    if (storing.store()
        && storing.countedVariant()
        && !pages.variants().admit(request, storing.timeout())) {
      // One variant too many of its path: sent as the view made it, as any page Larder won't share.
      return Stored.NO;
    }
    PagePolicy.Headers headers = storing.headers();
    if (headers.patch()) {
      HttpCacheHeaders.patchResponseHeaders(response, headers.maxAge(), pages.clock());
      if (!headers.vary().isEmpty()) {
        HttpCacheHeaders.patchVary(response, headers.vary().toArray(String[]::new));
      }
    }
    if (!storing.store()) {
      return Stored.NO;
    }
    byte[] body = response.body();
    if (pages.etags() && body.length > 0 && !response.containsHeader("ETag")) {
      response.setHeader("ETag", '"' + Md5.hex(body) + '"');
    }
    Stored stored = Stored.YES;
    try {
      Timeout kept = Timeout.seconds(storing.keptFor());
      String key =
          PageKeys.learnCacheKey(
              request, response, kept, pages.keyPrefix(), pages.keySuffix(), pages.cache());
      pages
          .cache()
          .set(
              key,
              StoredPage.store(
                  response, body, response.declaredLength(), now, storing, facts.credentials()),
              kept);
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
}
