package io.larder.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** md5, as Django hashes URLs, vary values and (for ETags) bodies: not for security. */
final class Md5 {
  private static final MessageDigest PROTOTYPE = prototype();
  private static final HexFormat HEX = HexFormat.of();

  private Md5() {}

  /** A fresh digest, cloned from a prototype so no provider lookup happens per request. */
  static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("MD5 digest cannot be cloned", e);
    }
  }

  /** The lowercase hex md5 of {@code bytes}. */
  static String hex(byte[] bytes) {
    return HEX.formatHex(digest().digest(bytes));
  }

  /** The lowercase hex of a finished digest. */
  static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no MD5 digest", e);
    }
  }
}
