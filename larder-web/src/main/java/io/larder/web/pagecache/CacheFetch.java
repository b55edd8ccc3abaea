package io.larder.web.pagecache;

import io.larder.CacheException;
import io.larder.web.headers.ConditionalGet;
import io.larder.web.response.HeldResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetching half of the page cache (Django's {@code FetchFromCacheMiddleware.process_request}):
 * finds the learned header list of the URL, then the page for those header values, under the
 * methods {@link PagePolicy#lookupMethods} names, and writes a page straight from its stored form.
 */
final class CacheFetch {
  private static final Logger LOG = LoggerFactory.getLogger(CacheFetch.class);

  /**
   * What a lookup found.
   *
   * @param page the stored page, fresh or not, or null on a miss
   * @param key the key concurrent misses coalesce on: the page key, or the URL's while its header
   *     list is unknown; null when the cache failed
   */
  record Found(StoredPage page, String key) {
    static final Found FAILED = new Found(null, null);
  }

  private final PageCache pages;

  CacheFetch(PageCache pages) {
    this.pages = pages;
  }

  /** Looks {@code request} up; a cache failure is logged and is a miss (fail-open). */
  Found find(HttpServletRequest request, PageRequest facts) {
    try {
      return lookUp(request, facts);
    } catch (CacheException e) {
      // The page can still be rendered: a cache failure costs speed, not the page.
      LOG.warn("Page cache {}: lookup failed, rendering the page: {}", pages, e.toString());
      return Found.FAILED;
    }
  }

  /** Answers {@code request} with {@code page}: in full, 304 or 412 as its preconditions say. */
  void answer(HttpServletRequest request, HttpServletResponse response, StoredPage page)
      throws IOException {
    if (response instanceof HeldResponse held) {
      // The split pair: nothing is left to patch on a hit, so skip the update half's buffer.
      held.goStreaming();
    }
    long age = page.age(pages.clock().millis() / 1000);
    switch (ConditionalGet.evaluate(request, page.etag(), page.lastModified())) {
      case NOT_MODIFIED -> page.writeNotModified(response, age);
      case PRECONDITION_FAILED -> response.setStatus(HttpServletResponse.SC_PRECONDITION_FAILED);
      case FULL -> page.writeTo(response, "HEAD".equals(request.getMethod()), age);
    }
  }

  /** What the policy does with the page {@code found} holds, now. */
  PagePolicy.Serving serving(Found found) {
    return PagePolicy.serving(found.page(), pages.clock().millis() / 1000);
  }

  /** The same where no refresh can follow the answer: only a fresh page answers. */
  PagePolicy.Serving servingWithoutRefresh(Found found) {
    return PagePolicy.servingWithoutRefresh(found.page(), pages.clock().millis() / 1000);
  }

  private Found lookUp(HttpServletRequest request, PageRequest facts) {
    String prefix = pages.keyPrefix();
    String urlHash = PageKeys.urlHash(request);
    String suffix = pages.keySuffix().of(request);
    List<String> headerList =
        PageKeys.storedHeaderList(pages.cache().get(PageKeys.headerKey(prefix, urlHash, suffix)));
    if (headerList == null) {
      return new Found(null, urlHash + suffix + '.' + request.getMethod());
    }
    String key = null;
    for (String method : pages.policy().lookupMethods(facts)) {
      key = PageKeys.pageKey(request, method, headerList, prefix, urlHash, suffix);
      StoredPage page = StoredPage.from(pages.cache().get(key));
      if (page != null && pages.policy().answers(facts, page.credentials())) {
        return new Found(page, key);
      }
    }
    return new Found(null, key);
  }
}
