package io.larder.web.pagecache;

import io.larder.web.headers.ConditionalGet;
import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.headers.HttpDates;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A page as the cache holds it: status, the final header names and values, the body bytes, what a
 * hit needs without parsing (max-age, expiry, ETag, Last-Modified), and the credentials of the
 * request that stored it ({@link PagePolicy#answers}). Stored as a plain list of
 * strings, numbers and bytes, so every serializer (java, json-like, pickle) can store it and an
 * in-memory cache hands back the very same object: a hit then decodes, renders and copies nothing.
 */
final class StoredPage {
  private static final String FORMAT = "larder-page/4";
  private static final long NONE = Long.MIN_VALUE;

  /** Headers the container writes itself, or that describe one response and not the page. */
  private static final Set<String> NOT_STORED =
      Set.of(
          "date",
          "server",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "age");

  private final int status;
  private final List<String> headers;
  private final byte[] body;
  private final long contentLength;
  private final long maxAge;
  private final long storedAt;
  private final String etag;
  private final long lastModified;
  private final Lifetime lifetime;
  private final PageRequest.Credentials credentials;

  /**
   * When a page was stored (epoch seconds), the seconds it is fresh, and the stale windows after
   * that (RFC 5861): what {@link PagePolicy#freshness} needs.
   */
  record Lifetime(long storedAt, long timeout, long staleWhileRevalidate, long staleIfError) {}

  private StoredPage(List<?> stored) {
    this.status = ((Number) stored.get(1)).intValue();
    @SuppressWarnings("unchecked")
    List<String> headers = (List<String>) stored.get(2);
    this.headers = headers;
    this.body = (byte[]) stored.get(3);
    this.contentLength = ((Number) stored.get(4)).longValue();
    this.maxAge = ((Number) stored.get(5)).longValue();
    this.storedAt = ((Number) stored.get(6)).longValue();
    this.etag = (String) stored.get(7);
    this.lastModified = ((Number) stored.get(8)).longValue();
    this.lifetime =
        new Lifetime(
            storedAt,
            ((Number) stored.get(9)).longValue(),
            ((Number) stored.get(10)).longValue(),
            ((Number) stored.get(11)).longValue());
    this.credentials =
        new PageRequest.Credentials((Boolean) stored.get(12), (Boolean) stored.get(13));
  }

  /**
   * The stored form of a finished response: its status and headers now, {@code body}, and {@code
   * contentLength} (the declared length of a HEAD response, which has no body), stored at {@code
   * storedAtSecond} (epoch seconds), fresh and usable when stale as {@code storing} decided, for a
   * request that carried {@code credentials}.
   */
  static List<Object> store(
      HttpServletResponse response,
      byte[] body,
      long contentLength,
      long storedAtSecond,
      PagePolicy.Storing storing,
      PageRequest.Credentials credentials) {
    List<String> headers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean hasContentType = false;
    for (String name : response.getHeaderNames()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (NOT_STORED.contains(lower) || !seen.add(lower)) {
        continue;
      }
      hasContentType |= lower.equals("content-type");
      Collection<String> values = response.getHeaders(name);
      for (String value : values) {
        headers.add(name);
        headers.add(value);
      }
    }
    if (!hasContentType && response.getContentType() != null) {
      headers.add("Content-Type");
      headers.add(response.getContentType());
    }
    Long maxAge = HttpCacheHeaders.getMaxAge(response);
    String etag = response.getHeader("ETag");
    return List.of(
        FORMAT,
        response.getStatus(),
        List.copyOf(headers),
        body,
        contentLength,
        maxAge == null ? NONE : maxAge,
        storedAtSecond,
        etag == null ? "" : etag,
        HttpDates.parse(response.getHeader("Last-Modified")),
        storing.timeout(),
        storing.staleWhileRevalidate(),
        storing.staleIfError(),
        credentials.authorization(),
        credentials.session());
  }

  Lifetime lifetime() {
    return lifetime;
  }

  /** What the request that stored the page carried ({@link PagePolicy#answers}). */
  PageRequest.Credentials credentials() {
    return credentials;
  }

  /** The page a stored value holds, or null when the value is not a page (a foreign entry). */
  static StoredPage from(Object stored) {
    if (stored instanceof List<?> list
        && list.size() == 14
        && FORMAT.equals(list.get(0))
        && list.get(2) instanceof List<?>
        && list.get(3) instanceof byte[]
        && list.get(7) instanceof String
        && list.get(12) instanceof Boolean
        && list.get(13) instanceof Boolean) {
      try {
        return new StoredPage(list);
      } catch (ClassCastException e) {
        return null;
      }
    }
    return null;
  }

  String etag() {
    return etag.isEmpty() ? null : etag;
  }

  /** Last-Modified in epoch seconds, or {@link Long#MIN_VALUE}. */
  long lastModified() {
    return lastModified;
  }

  /**
   * The seconds the page has been cached, or -1 when it has no max-age (then Django sends no Age).
   * Django derives it from max-age and Expires, which is the same for the Expires the cache sets,
   * but absurd for an Expires the application set itself (Jetty's 1970 gave an Age of 56 years);
   * the time of storing is what Age means.
   */
  long age(long nowSecond) {
    if (maxAge == NONE) {
      return -1;
    }
    return Math.max(0, nowSecond - storedAt);
  }

  /** Writes the page: status, headers, Age, length and (unless HEAD) the body. */
  void writeTo(HttpServletResponse response, boolean head, long age) throws IOException {
    response.setStatus(status);
    for (int i = 0; i < headers.size(); i += 2) {
      put(response, i);
    }
    if (age >= 0) {
      response.setHeader("Age", Long.toString(age));
    }
    response.setContentLengthLong(
        contentLength >= 0 && body.length == 0 ? contentLength : body.length);
    if (!head && body.length > 0) {
      response.getOutputStream().write(body);
    }
  }

  /**
   * Writes the header at {@code i}: its first value replaces what filters in front of the cache set
   * on this response (they set it on the stored response too), the next ones are added.
   */
  private void put(HttpServletResponse response, int i) {
    String name = headers.get(i);
    if (i == 0 || !name.equals(headers.get(i - 2))) {
      response.setHeader(name, headers.get(i + 1));
    } else {
      response.addHeader(name, headers.get(i + 1));
    }
  }

  /**
   * Writes a 304 for the page: the headers a 304 repeats (Cache-Control, Content-Location, ETag,
   * Expires, Last-Modified, Vary, cookies), Age, and no body.
   */
  void writeNotModified(HttpServletResponse response, long age) {
    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    for (int i = 0; i < headers.size(); i += 2) {
      if (ConditionalGet.keptOnNotModified(headers.get(i))) {
        put(response, i);
      }
    }
    if (age >= 0) {
      response.setHeader("Age", Long.toString(age));
    }
  }
}
