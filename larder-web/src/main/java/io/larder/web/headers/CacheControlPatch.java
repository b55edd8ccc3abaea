package io.larder.web.headers;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Django's {@code patch_cache_control} on header strings: the existing directives (names
 * lowercased, later duplicates winning, {@code no-cache} fields collected), the smaller max-age
 * kept, {@code public}/{@code private} made exclusive, the new directives merged in order.
 */
final class CacheControlPatch {
  private static final String NO_CACHE = "no-cache";

  /** Stands for a bare {@code no-cache} among the collected fields. */
  private static final String BARE = "";

  private CacheControlPatch() {}

  /** The new {@code Cache-Control} value; {@code existing} may be null. Never null. */
  static String apply(String existing, CacheDirectives directives) {
    Map<String, Object> cc = new LinkedHashMap<>();
    for (String part : HeaderValues.split(existing)) {
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? null : part.substring(eq + 1);
      put(cc, name, value);
    }
    boolean newMaxAge = false;
    boolean newPublic = false;
    boolean newPrivate = false;
    for (CacheDirectives.Directive d : directives.list()) {
      newMaxAge |= d.name().equals("max-age");
      newPublic |= d.name().equals("public");
      newPrivate |= d.name().equals("private");
    }
    if (cc.containsKey("private") && newPublic) {
      cc.remove("private");
    } else if (cc.containsKey("public") && newPrivate) {
      cc.remove("public");
    }
    Long existingMaxAge = newMaxAge ? maxAge(cc.get("max-age")) : null;
    for (CacheDirectives.Directive d : directives.list()) {
      String value = d.value();
      if (d.name().equals("max-age") && existingMaxAge != null) {
        Long given = maxAge(value);
        if (given != null) {
          value = Long.toString(Math.min(existingMaxAge, given));
        }
      }
      put(cc, d.name(), value);
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> e : cc.entrySet()) {
      if (e.getValue() instanceof Set<?> fields) {
        if (fields.contains(BARE)) {
          append(out, NO_CACHE, null);
        } else {
          for (Object field : fields) {
            append(out, NO_CACHE, (String) field);
          }
        }
      } else {
        append(out, e.getKey(), (String) e.getValue());
      }
    }
    return out.toString();
  }

  private static void put(Map<String, Object> cc, String name, String value) {
    if (name.equals(NO_CACHE)) {
      @SuppressWarnings("unchecked")
      Set<String> fields =
          (Set<String>) cc.computeIfAbsent(NO_CACHE, k -> new LinkedHashSet<String>());
      fields.add(value == null ? BARE : value);
    } else {
      cc.put(name, value);
    }
  }

  private static Long maxAge(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void append(StringBuilder out, String name, String value) {
    if (out.length() > 0) {
      out.append(", ");
    }
    out.append(name);
    if (value != null) {
      out.append('=').append(value);
    }
  }
}
