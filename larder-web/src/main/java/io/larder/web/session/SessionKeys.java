package io.larder.web.session;

import java.security.SecureRandom;

/** Django's session keys: 32 characters of {@code [a-z0-9]} from a cryptographic generator. */
final class SessionKeys {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionKeys() {}

  static String generate() {
    char[] key = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(key);
  }

  /**
   * True if a cookie's value could be a key: Django's rule (at least 8 characters) and its
   * alphabet, at most 40 characters, so a forged value never reaches a cache as a strange key.
   */
  static boolean isWellFormed(String value) {
    if (value == null || value.length() < 8 || value.length() > 40) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
