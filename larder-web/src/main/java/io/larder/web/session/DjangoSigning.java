package io.larder.web.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.larder.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's {@code django.core.signing.dumps} and {@code loads} with its {@code JSONSerializer} and
 * {@code compress=True}, as Django's session engines encode session data: {@code
 * [.]base64url(zlib?(json)):base62(timestamp):base64url(HMAC-SHA256)}, the HMAC keyed with {@code
 * SHA-256(salt + "signer" + SECRET_KEY)}. A value signed with any of the fallback keys ({@code
 * SECRET_KEY_FALLBACKS}, Django 4.1+) verifies too, so keys can be rotated; new values are always
 * signed with the current key. The keys are held as bytes and never printed.
 */
final class DjangoSigning {
  /** Why signed data was refused. */
  static final class Rejected extends Exception {
    private final boolean expired;

    Rejected(String reason, boolean expired) {
      super(reason, null, false, false);
      this.expired = expired;
    }

    /** True for a valid signature whose timestamp is older than the allowed age. */
    boolean expired() {
      return expired;
    }
  }

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** A decompressed session bigger than this is refused: zlib must not be a memory bomb. */
  private static final int MAX_DECOMPRESSED = 4 * 1024 * 1024;

  /** Python's {@code json.dumps} defaults: ASCII only (Django reads the bytes as latin-1). */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private final List<byte[]> hmacKeys;

  /**
   * @param secretKey Django's {@code SECRET_KEY}
   * @param fallbackKeys Django's {@code SECRET_KEY_FALLBACKS}, tried after it when verifying
   * @param salt the namespace, e.g. {@code django.contrib.sessions.backends.signed_cookies}
   */
  DjangoSigning(String secretKey, List<String> fallbackKeys, String salt) {
    List<byte[]> keys = new ArrayList<>();
    keys.add(hmacKey(salt, secretKey));
    fallbackKeys.forEach(fallback -> keys.add(hmacKey(salt, fallback)));
    this.hmacKeys = List.copyOf(keys);
  }

  /** Django's {@code salted_hmac} key: {@code sha256(key_salt + secret)}. */
  private static byte[] hmacKey(String salt, String secret) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((salt + "signer" + secret).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * {@code signing.dumps(session, compress=True)} at {@code epochSeconds}.
   *
   * @throws SerializationException if a value has no JSON form Django's JSONSerializer writes
   */
  String dumps(Map<String, Object> session, long epochSeconds) {
    requireJson("session", session);
    byte[] data;
    try {
      data = JSON.writeValueAsBytes(session);
    } catch (JsonProcessingException e) {
      throw new SerializationException("Sessions: the session cannot be written as JSON: " + e);
    }
    String base64d;
    byte[] compressed = deflate(data);
    if (compressed.length < data.length - 1) {
      base64d = "." + base64(compressed);
    } else {
      base64d = base64(data);
    }
    String value = base64d + ":" + base62(epochSeconds);
    return value + ":" + signature(hmacKeys.get(0), value);
  }

  /**
   * {@code signing.loads(signed, max_age=maxAgeSeconds)} at {@code epochSeconds}: the session
   * dictionary, if any key signed it and, with {@code maxAgeSeconds} 0 or more, it is not older.
   *
   * @throws Rejected if the signature does not verify, the value is not a signed JSON object, or
   *     it is too old
   */
  Map<String, Object> loads(String signed, long epochSeconds, long maxAgeSeconds)
      throws Rejected {
    int lastColon = signed.lastIndexOf(':');
    if (lastColon < 0) {
      throw new Rejected("no signature", false);
    }
    String value = signed.substring(0, lastColon);
    byte[] signature = signed.substring(lastColon + 1).getBytes(StandardCharsets.US_ASCII);
    if (!verifies(value, signature)) {
      throw new Rejected("bad signature", false);
    }
    int timestampColon = value.lastIndexOf(':');
    if (timestampColon < 0) {
      throw new Rejected("no timestamp", false);
    }
    long timestamp = base62Decode(value.substring(timestampColon + 1));
    if (maxAgeSeconds >= 0 && epochSeconds - timestamp > maxAgeSeconds) {
      throw new Rejected("signature older than " + maxAgeSeconds + " seconds", true);
    }
    String base64d = value.substring(0, timestampColon);
    boolean compressed = base64d.startsWith(".");
    try {
      byte[] data = Base64.getUrlDecoder().decode(compressed ? base64d.substring(1) : base64d);
      if (compressed) {
        data = inflate(data);
      }
      Object session = JSON.readValue(data, Object.class);
      if (!(session instanceof Map<?, ?> map)) {
        throw new Rejected("not a JSON object", false);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put((String) k, v));
      return result;
    } catch (IllegalArgumentException | IOException | DataFormatException e) {
      throw new Rejected("signed but unreadable: " + e.getClass().getSimpleName(), false);
    }
  }

  private boolean verifies(String value, byte[] signature) {
    boolean any = false;
    for (byte[] key : hmacKeys) {
      // Every key is tried, so the time taken does not tell which one matched.
      any |=
          MessageDigest.isEqual(
              signature, signature(key, value).getBytes(StandardCharsets.US_ASCII));
    }
    return any;
  }

  private static String signature(byte[] key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return base64(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String base62(long number) {
    if (number == 0) {
      return "0";
    }
    StringBuilder digits = new StringBuilder();
    long n = Math.abs(number);
    while (n > 0) {
      digits.append(BASE62.charAt((int) (n % 62)));
      n /= 62;
    }
    return (number < 0 ? "-" : "") + digits.reverse();
  }

  private static long base62Decode(String text) throws Rejected {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    if (digits.isEmpty() || digits.length() > 10) {
      throw new Rejected("bad timestamp", false);
    }
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = BASE62.indexOf(digits.charAt(i));
      if (digit < 0) {
        throw new Rejected("bad timestamp", false);
      }
      n = n * 62 + digit;
    }
    return negative ? -n : n;
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] data) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated zlib data");
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_DECOMPRESSED) {
          throw new DataFormatException("over " + MAX_DECOMPRESSED + " bytes decompressed");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  /**
   * Refuses what Django's JSONSerializer could not have written, so nothing comes back as another
   * type: JSON's types, Java's numbers that are Python's int or float, lists, arrays and string-keyed
   * maps of them (not sets, which would come back as lists).
   */
  private static void requireJson(String where, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof Double
        || value instanceof Float) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw notJson(where, entry.getKey());
        }
        requireJson(where.equals("session") ? "attribute '" + name + "'" : where, entry.getValue());
      }
      return;
    }
    if (value instanceof Collection<?> items && !(value instanceof Set<?>)) {
      items.forEach(item -> requireJson(where, item));
      return;
    }
    if (value instanceof Object[] items) {
      for (Object item : items) {
        requireJson(where, item);
      }
      return;
    }
    throw notJson(where, value);
  }

  private static SerializationException notJson(String where, Object value) {
    return new SerializationException(
        "Sessions: "
            + where
            + " holds a "
            + value.getClass().getName()
            + ", which Django's JSONSerializer cannot hold; store strings, numbers, booleans,"
            + " null, lists and maps with string keys");
  }
}
