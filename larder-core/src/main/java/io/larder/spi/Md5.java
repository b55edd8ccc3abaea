package io.larder.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * md5, as Django hashes file names, template fragment keys, URLs, vary values and ETags, and as
 * ketama places servers: for a backend or integration that must make the same names Django makes,
 * never for security. One digest per thread, so a call neither looks up a provider nor allocates a
 * digest.
 *
 * <pre>{@code
 * String urlHash = Md5.hex("http://example.com/page");   // as Django's page cache keys a URL
 * long point = ByteBuffer.wrap(Md5.of(bytes)).getInt();   // a ring position
 * }</pre>
 *
 * @since 0.1
 */
public final class Md5 {
  /** The md5 of nothing: the vary hash of a page that varies on no header. */
  public static final String EMPTY = "d41d8cd98f00b204e9800998ecf8427e";

  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Md5::create);
  private static final HexFormat HEX = HexFormat.of();

  private Md5() {}

  /**
   * This thread's digest, reset: one per thread, so a request neither looks up a provider nor
   * allocates a digest. Finish it with {@link #hex(MessageDigest)} before asking again.
   *
   * @return the calling thread's md5 digest, empty
   */
  public static MessageDigest digest() {
    MessageDigest digest = DIGESTS.get();
    digest.reset();
    return digest;
  }

  /**
   * The lowercase hex md5 of {@code bytes}.
   *
   * @param bytes the bytes to hash; not null
   * @return 32 lowercase hex digits
   */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(digest().digest(bytes));
  }

  /**
   * The lowercase hex of a finished digest.
   *
   * @param digest a digest fed with every byte; it is reset by this call
   * @return the digest in lowercase hex, 32 digits for md5
   */
  public static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  /**
   * The lowercase hex md5 of {@code text}'s UTF-8 bytes.
   *
   * @param text the text to hash; not null
   * @return 32 lowercase hex digits
   */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The md5 of {@code bytes}.
   *
   * @param bytes the bytes to hash; not null
   * @return the 16 bytes of the digest
   */
  public static byte[] of(byte[] bytes) {
    return digest().digest(bytes);
  }

  private static MessageDigest create() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no MD5 digest", e);
    }
  }
}
