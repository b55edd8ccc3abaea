package io.larder.web.headers;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Django's {@code split_header_value} and the header reads every helper shares.
 *
 * <pre>{@code
 * HeaderValues.split("a, b,,c");                          // [a, b, c]
 * HeaderValues.directiveNames("Public, max-age=60");      // [public, max-age]
 * String vary = HeaderValues.joined(response, "Vary");   // null when absent
 * }</pre>
 *
 * @since 0.1
 */
public final class HeaderValues {
  private HeaderValues() {}

  /**
   * The comma-separated parts of {@code value}, stripped, empty parts dropped.
   *
   * @param value a header value, or null
   * @return the parts in order, in a new mutable list; empty for null
   */
  public static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    if (value == null) {
      return parts;
    }
    int start = 0;
    int length = value.length();
    while (start <= length) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? length : comma;
      String part = value.substring(start, end).strip();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      start = end + 1;
    }
    return parts;
  }

  /**
   * The names of the directives of a {@code Cache-Control} value, lowercased, any {@code =value}
   * dropped: Django's {@code split_directive_names}.
   *
   * @param cacheControl a {@code Cache-Control} value, or null
   * @return the names in order, duplicates kept; empty for null
   */
  public static List<String> directiveNames(String cacheControl) {
    List<String> names = new ArrayList<>();
    for (String part : split(cacheControl)) {
      int eq = part.indexOf('=');
      names.add((eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * Every value of the response header {@code name} joined with ", " (a response may carry one
   * header several times), or null when it has none.
   *
   * @param response the response whose headers are read
   * @param name the header's name
   * @return the joined values, or null when the response has no such header
   */
  public static String joined(HttpServletResponse response, String name) {
    Collection<String> values = response.getHeaders(name);
    if (values == null || values.isEmpty()) {
      return response.getHeader(name);
    }
    if (values.size() == 1) {
      return values.iterator().next();
    }
    return String.join(", ", values);
  }
}
