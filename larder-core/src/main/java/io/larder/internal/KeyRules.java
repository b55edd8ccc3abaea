package io.larder.internal;

import java.util.ArrayList;
import java.util.List;

/** Memcached's key rules, which Django checks every made key against (django-behaviour §4.2). */
public final class KeyRules {
  public static final int MAX_LENGTH = 250;

  private KeyRules() {}

  /** True if {@code key} breaks no rule: the common case, checked without allocating. */
  public static boolean isValid(String key) {
    return key.length() <= MAX_LENGTH && hasNoForbiddenCharacter(key);
  }

  /** {@link #isValid isValid(head + key)} for a head already known valid, scanning only the key. */
  static boolean isValid(String validHead, String key) {
    return validHead.length() + key.length() <= MAX_LENGTH && hasNoForbiddenCharacter(key);
  }

  private static boolean hasNoForbiddenCharacter(String key) {
    for (int i = 0, length = key.length(); i < length; i++) {
      char c = key.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Django's warning texts for {@code key}, the length problem first; empty if it is valid. */
  public static List<String> problems(String key) {
    List<String> problems = new ArrayList<>(2);
    if (key.length() > MAX_LENGTH) {
      problems.add(
          "Cache key will cause errors if used with memcached: "
              + quote(key)
              + " (longer than "
              + MAX_LENGTH
              + ")");
    }
    if (key.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      problems.add(
          "Cache key contains characters that will cause errors if used with memcached: "
              + quote(key));
    }
    return problems;
  }

  /** The key quoted with its control characters escaped, so a log line cannot be forged. */
  public static String quote(String key) {
    StringBuilder out = new StringBuilder(key.length() + 2).append('\'');
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.append('\'').toString();
  }
}
