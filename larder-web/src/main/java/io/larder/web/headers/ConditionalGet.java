package io.larder.web.headers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 9110 §13.2.2 preconditions of a GET or HEAD against a page's ETag and Last-Modified, as
 * Django's {@code get_conditional_response}: If-Match, then If-Unmodified-Since, then If-None-Match
 * (weak comparison), then If-Modified-Since.
 *
 * <pre>{@code
 * ConditionalGet.Outcome outcome = ConditionalGet.evaluate(request, "\"v1\"", Long.MIN_VALUE);
 * if (outcome == ConditionalGet.Outcome.NOT_MODIFIED) response.setStatus(304);
 * }</pre>
 *
 * @since 0.1
 */
public final class ConditionalGet {
  /** What the request's preconditions make of the page. */
  public enum Outcome {
    /** Send the page. */
    FULL,
    /** 304 Not Modified. */
    NOT_MODIFIED,
    /** 412 Precondition Failed. */
    PRECONDITION_FAILED
  }

  private static final Set<String> KEPT_ON_304 =
      Set.of(
          "cache-control",
          "content-location",
          "date",
          "etag",
          "expires",
          "last-modified",
          "vary",
          "set-cookie");

  private ConditionalGet() {}

  /**
   * True for the headers a 304 repeats from the full response.
   *
   * @param header a header name, in any case
   * @return whether a 304 carries it ({@code Cache-Control}, {@code ETag}, {@code Vary}, …)
   */
  public static boolean keptOnNotModified(String header) {
    return KEPT_ON_304.contains(header.toLowerCase(Locale.ROOT));
  }

  /**
   * What {@code request}'s preconditions make of a page with {@code etag} and {@code
   * lastModified}, checked in the order of the class description.
   *
   * @param request the request whose {@code If-*} headers are read
   * @param etag the page's ETag or null
   * @param lastModified its Last-Modified in epoch seconds, or {@link Long#MIN_VALUE}
   * @return {@link Outcome#FULL} when no precondition applies or all hold, else the status to
   *     answer with
   */
  public static Outcome evaluate(HttpServletRequest request, String etag, long lastModified) {
    String ifMatch = request.getHeader("If-Match");
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifMatch != null) {
      if (!matches(parse(ifMatch), etag, true)) {
        return Outcome.PRECONDITION_FAILED;
      }
    } else {
      long since = HttpDates.parse(request.getHeader("If-Unmodified-Since"));
      if (since != Long.MIN_VALUE && lastModified != Long.MIN_VALUE && lastModified > since) {
        return Outcome.PRECONDITION_FAILED;
      }
    }
    if (ifNoneMatch != null) {
      return matches(parse(ifNoneMatch), etag, false) ? Outcome.NOT_MODIFIED : Outcome.FULL;
    }
    long since = HttpDates.parse(request.getHeader("If-Modified-Since"));
    if (since != Long.MIN_VALUE && lastModified != Long.MIN_VALUE && lastModified <= since) {
      return Outcome.NOT_MODIFIED;
    }
    return Outcome.FULL;
  }

  /** The entity tags of an If-Match/If-None-Match value; ["*"] for a star. */
  static List<String> parse(String header) {
    List<String> tags = new ArrayList<>();
    if (header.strip().equals("*")) {
      tags.add("*");
      return tags;
    }
    int i = 0;
    while (i < header.length()) {
      int quote = header.indexOf('"', i);
      if (quote < 0) {
        break;
      }
      int close = header.indexOf('"', quote + 1);
      if (close < 0) {
        break;
      }
      boolean weak = quote >= 2 && header.startsWith("W/", quote - 2);
      tags.add((weak ? "W/" : "") + header.substring(quote, close + 1));
      i = close + 1;
    }
    return tags;
  }

  private static boolean matches(List<String> tags, String etag, boolean strong) {
    if (etag == null) {
      return false;
    }
    if (tags.size() == 1 && tags.get(0).equals("*")) {
      return true;
    }
    if (strong) {
      return !etag.startsWith("W/") && tags.contains(etag);
    }
    String target = opaque(etag);
    for (String tag : tags) {
      if (opaque(tag).equals(target)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
