package io.larder.web.pagecache;

import io.larder.Cache;
import io.larder.Timeout;
import io.larder.spi.Md5;
import io.larder.web.headers.HeaderValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The page cache's keys, in Django's layout (§8.8 of the spec), so a Larder page cache and a Django
 * one compute the same key strings: a header-list key per URL, {@code
 * views.decorators.cache.cache_header.<prefix>.<md5(url)>}, holding the sorted names of the request
 * headers the page varies on ({@code HTTP_ACCEPT_ENCODING}, …), and a page key per URL, method and
 * values of those headers, {@code
 * views.decorators.cache.cache_page.<prefix>.<method>.<md5(url)>.<md5(netstrings)>}.
 *
 * <pre>{@code
 * String key = PageKeys.learnCacheKey(request, response, Timeout.seconds(600), "", cache);
 * String same = PageKeys.getCacheKey(request, "", "GET", cache);   // null until learned
 * }</pre>
 *
 * <p>The URL is the full one (scheme, the request's {@code Host}, path and query), so pages of one
 * host are never served for another. Django's language and time-zone suffix ({@code USE_I18N},
 * {@code USE_TZ}) is a {@link KeySuffix}.
 *
 * @since 0.1
 */
public final class PageKeys {
  private static final String HEADER_KEY = "views.decorators.cache.cache_header.";
  private static final String PAGE_KEY = "views.decorators.cache.cache_page.";

  private PageKeys() {}

  /**
   * Records which request headers the response varies on (its {@code Vary}, sorted) under the URL's
   * header-list key for {@code timeout}, and returns the page key for this request: Django's {@code
   * learn_cache_key}. The page key uses the request's method, so a HEAD request learns a HEAD key;
   * the header list is shared by all methods.
   *
   * @param request the request whose URL and method the keys are made of
   * @param response the response whose {@code Vary} is learned
   * @param timeout how long the header list is kept, as the page itself
   * @param keyPrefix Django's {@code key_prefix} of the page cache; empty for none
   * @param cache the cache the header list is stored in
   * @return the page key for this request
   */
  public static String learnCacheKey(
      HttpServletRequest request,
      HttpServletResponse response,
      Timeout timeout,
      String keyPrefix,
      Cache cache) {
    return learnCacheKey(request, response, timeout, keyPrefix, KeySuffix.none(), cache);
  }

  /**
   * {@link #learnCacheKey(HttpServletRequest, HttpServletResponse, Timeout, String, Cache)} with
   * Django's language and time-zone suffix on both keys ({@code Accept-Language} is then left out
   * of the header list, as the language covers it).
   *
   * @param request the request whose URL and method the keys are made of
   * @param response the response whose {@code Vary} is learned
   * @param timeout how long the header list is kept, as the page itself
   * @param keyPrefix Django's {@code key_prefix} of the page cache; empty for none
   * @param suffix the language and time-zone suffix put on both keys
   * @param cache the cache the header list is stored in
   * @return the page key for this request
   */
  public static String learnCacheKey(
      HttpServletRequest request,
      HttpServletResponse response,
      Timeout timeout,
      String keyPrefix,
      KeySuffix suffix,
      Cache cache) {
    List<String> headerList =
        headerList(HeaderValues.joined(response, "Vary"), suffix.hasLanguage());
    String urlHash = urlHash(request);
    String end = suffix.of(request);
    cache.set(headerKey(keyPrefix, urlHash, end), headerList, timeout);
    return pageKey(request, request.getMethod(), headerList, keyPrefix, urlHash, end);
  }

  /**
   * The page key for {@code request} and {@code method} from the header list learned for its URL,
   * or null when none has been learned: Django's {@code get_cache_key}.
   *
   * @param request the request whose URL the keys are made of
   * @param keyPrefix Django's {@code key_prefix} of the page cache; empty for none
   * @param method the method the page key is for, e.g. {@code GET}, whatever the request's is
   * @param cache the cache the header list is read from
   * @return the page key, or null when no header list is stored for the URL
   */
  public static String getCacheKey(
      HttpServletRequest request, String keyPrefix, String method, Cache cache) {
    return getCacheKey(request, keyPrefix, method, KeySuffix.none(), cache);
  }

  /**
   * {@link #getCacheKey(HttpServletRequest, String, String, Cache)} with Django's key suffix.
   *
   * @param request the request whose URL the keys are made of
   * @param keyPrefix Django's {@code key_prefix} of the page cache; empty for none
   * @param method the method the page key is for, e.g. {@code GET}, whatever the request's is
   * @param suffix the language and time-zone suffix put on both keys
   * @param cache the cache the header list is read from
   * @return the page key, or null when no header list is stored for the URL
   */
  public static String getCacheKey(
      HttpServletRequest request, String keyPrefix, String method, KeySuffix suffix, Cache cache) {
    String urlHash = urlHash(request);
    String end = suffix.of(request);
    List<String> headerList = storedHeaderList(cache.get(headerKey(keyPrefix, urlHash, end)));
    return headerList == null
        ? null
        : pageKey(request, method, headerList, keyPrefix, urlHash, end);
  }

  /**
   * The sorted {@code HTTP_*} names of the headers a {@code Vary} value lists, without {@code
   * HTTP_ACCEPT_LANGUAGE} when the language is in the key.
   */
  static List<String> headerList(String vary, boolean languageInKey) {
    List<String> names = new ArrayList<>();
    for (String header : HeaderValues.split(vary)) {
      String name = "HTTP_" + header.toUpperCase(Locale.ROOT).replace('-', '_');
      if (!(languageInKey && name.equals("HTTP_ACCEPT_LANGUAGE"))) {
        names.add(name);
      }
    }
    Collections.sort(names);
    return List.copyOf(names);
  }

  /**
   * A header list as read back from the cache, or null if the value is not one (absent, or written
   * by something else).
   */
  static List<String> storedHeaderList(Object stored) {
    if (!(stored instanceof List<?> list)) {
      return null;
    }
    for (Object name : list) {
      if (!(name instanceof String)) {
        return null;
      }
    }
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) list;
    return names;
  }

  static String headerKey(String keyPrefix, String urlHash, String suffix) {
    return HEADER_KEY + keyPrefix + '.' + urlHash + suffix;
  }

  static String pageKey(
      HttpServletRequest request,
      String method,
      List<String> headerList,
      String keyPrefix,
      String urlHash,
      String suffix) {
    if (headerList.isEmpty()) {
      return PAGE_KEY + keyPrefix + '.' + method + '.' + urlHash + '.' + Md5.EMPTY + suffix;
    }
    MessageDigest md5 = Md5.digest();
    for (String name : headerList) {
      byte[] value = headerValue(request, name).getBytes(StandardCharsets.UTF_8);
      // A netstring per header, as Django 6.1: absent and empty values hash alike, and values
      // cannot run into each other.
      md5.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
      md5.update((byte) ':');
      md5.update(value);
      md5.update((byte) ',');
    }
    return PAGE_KEY + keyPrefix + '.' + method + '.' + urlHash + '.' + Md5.hex(md5) + suffix;
  }

  /** md5 of the absolute URL, as Django's {@code build_absolute_uri()}. */
  static String urlHash(HttpServletRequest request) {
    MessageDigest md5 = Md5.digest();
    md5.update(absoluteUri(request).getBytes(StandardCharsets.US_ASCII));
    return Md5.hex(md5);
  }

  /** {@code scheme://host[:port]/path[?query]}, with any non-ASCII character percent-encoded. */
  static String absoluteUri(HttpServletRequest request) {
    String host = request.getHeader("Host");
    StringBuilder uri = new StringBuilder(96).append(request.getScheme()).append("://");
    if (host == null || host.isEmpty()) {
      uri.append(request.getServerName());
      int port = request.getServerPort();
      boolean defaultPort =
          ("http".equals(request.getScheme()) && port == 80)
              || ("https".equals(request.getScheme()) && port == 443);
      if (!defaultPort) {
        uri.append(':').append(port);
      }
    } else {
      appendAscii(uri, host);
    }
    appendAscii(uri, request.getRequestURI());
    String query = request.getQueryString();
    if (query != null) {
      uri.append('?');
      appendAscii(uri, query);
    }
    return uri.toString();
  }

  private static void appendAscii(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        i = end - 1;
      }
    }
  }

  /** The request's value for an {@code HTTP_*} name, several values joined by ",", or "". */
  private static String headerValue(HttpServletRequest request, String metaName) {
    String name = metaName.substring("HTTP_".length()).replace('_', '-');
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return "";
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder joined = new StringBuilder(first);
    while (values.hasMoreElements()) {
      joined.append(',').append(values.nextElement());
    }
    return joined.toString();
  }
}
