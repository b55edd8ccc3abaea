package io.larder.web.response;

import jakarta.servlet.ServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one response varies on before its {@code Vary} header says so: a request-scoped record any
 * component can add to when its output depends on a request header but it writes that header into
 * {@code Vary} only later (when the response is committed, say). A page cache that must decide
 * earlier reads it, so that the page is keyed on that header, or not stored.
 *
 * <pre>{@code
 * // A filter whose response depends on the session cookie, said in Vary only at commit:
 * VaryRecord.add(request, "Cookie");
 * // ... and once its Vary: Cookie is on the response, the record need not say it any more:
 * VaryRecord.remove(request, "Cookie");
 * }</pre>
 *
 * <p>The session filter is one such component: a page that looked at its session varies on {@code
 * Cookie} from that moment. The record lives in a request attribute, so it is seen through every
 * request wrapper; a request is handled by one thread at a time, as the Servlet API has it.
 *
 * @since 0.1
 */
public final class VaryRecord {
  private static final String ATTRIBUTE = VaryRecord.class.getName();

  private VaryRecord() {}

  /**
   * Records that the response to {@code request} varies on the request header {@code header}.
   *
   * @param request the request being handled, or any wrapper of it
   * @param header a request header name; recorded once, whatever its case
   */
  public static void add(ServletRequest request, String header) {
    List<String> headers = recorded(request);
    if (headers == null) {
      headers = new ArrayList<>(2);
      request.setAttribute(ATTRIBUTE, headers);
    }
    if (!contains(headers, header)) {
      headers.add(header);
    }
  }

  /**
   * Forgets {@code header}: its component has written it into the response's {@code Vary}.
   *
   * @param request the request being handled, or any wrapper of it
   * @param header a request header name, in any case; nothing happens if it is not recorded
   */
  public static void remove(ServletRequest request, String header) {
    List<String> headers = recorded(request);
    if (headers != null) {
      headers.removeIf(h -> h.equalsIgnoreCase(header));
    }
  }

  /**
   * The headers recorded for {@code request}, in the order added.
   *
   * @param request the request being handled, or any wrapper of it
   * @return an unmodifiable copy of the headers; empty when none
   */
  public static List<String> of(ServletRequest request) {
    List<String> headers = recorded(request);
    return headers == null ? List.of() : List.copyOf(headers);
  }

  /**
   * True if {@code header} (any case) is recorded for {@code request}.
   *
   * @param request the request being handled, or any wrapper of it
   * @param header a request header name, in any case
   * @return whether it is recorded
   */
  public static boolean has(ServletRequest request, String header) {
    List<String> headers = recorded(request);
    return headers != null && contains(headers, header);
  }

  private static boolean contains(List<String> headers, String header) {
    String wanted = header.strip().toLowerCase(Locale.ROOT);
    for (String h : headers) {
      if (h.toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static List<String> recorded(ServletRequest request) {
    Object value = request.getAttribute(ATTRIBUTE);
    return value instanceof List<?> list ? (List<String>) list : null;
  }
}
