package io.larder.web;

import io.larder.CacheException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetching half of the page cache (Django's {@code FetchFromCacheMiddleware.process_request}):
 * finds the learned header list of the URL, then the page for those header values, and writes a hit
 * straight from the stored form.
 */
final class CacheFetch {
  private static final Logger LOG = LoggerFactory.getLogger(CacheFetch.class);

  /**
   * The request attribute a miss leaves: the key of the page the request would have been served
   * from (or of its URL, while the URL's header list is unknown), for {@link MissFlights}.
   */
  static final String MISSED_KEY = "io.larder.web.missedKey";

  private final PageCache pages;

  CacheFetch(PageCache pages) {
    this.pages = pages;
  }

  /**
   * True for the requests whose responses are cached: GET and HEAD, as the client sent them (a
   * forward, include, error or async dispatch is part of a request already being handled).
   */
  static boolean isCacheable(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "HEAD".equals(method))
        && request.getDispatcherType() == DispatcherType.REQUEST;
  }

  /**
   * Answers {@code request} from the cache if a page is stored for it.
   *
   * @return true if it was answered; false on a miss (or a method that is never cached)
   */
  boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!isCacheable(request)) {
      return false;
    }
    CachedPage page;
    try {
      page = find(request);
    } catch (CacheException e) {
      // The page can still be rendered: a cache failure costs speed, not the page.
      LOG.warn("Page cache {}: lookup failed, rendering the page: {}", pages, e.toString());
      return false;
    }
    if (page == null) {
      return false;
    }
    if (response instanceof BufferedResponse buffered) {
      // The split pair: nothing is left to patch on a hit, so skip the update half's buffer.
      buffered.goStreaming();
    }
    long age = page.age(pages.clock().millis() / 1000);
    switch (ConditionalGet.evaluate(request, page.etag(), page.lastModified())) {
      case NOT_MODIFIED -> page.writeNotModified(response, age);
      case PRECONDITION_FAILED -> response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
      case FULL -> page.writeTo(response, "HEAD".equals(request.getMethod()), age);
    }
    return true;
  }

  private CachedPage find(HttpServletRequest request) {
    String prefix = pages.keyPrefix();
    String urlHash = PageKeys.urlHash(request);
    List<String> headerList =
        PageKeys.storedHeaderList(pages.cache().get(PageKeys.headerKey(prefix, urlHash)));
    if (headerList == null) {
      request.setAttribute(MISSED_KEY, urlHash + '.' + request.getMethod());
      return null;
    }
    String getKey = PageKeys.pageKey(request, "GET", headerList, prefix, urlHash);
    CachedPage page = CachedPage.from(pages.cache().get(getKey));
    if (page == null && "HEAD".equals(request.getMethod())) {
      String headKey = PageKeys.pageKey(request, "HEAD", headerList, prefix, urlHash);
      page = CachedPage.from(pages.cache().get(headKey));
      getKey = headKey;
    }
    if (page == null) {
      request.setAttribute(MISSED_KEY, getKey);
    }
    return page;
  }
}
