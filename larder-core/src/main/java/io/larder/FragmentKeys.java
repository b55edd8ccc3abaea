package io.larder;

import java.math.BigDecimal;
import io.larder.spi.Md5;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The cache keys of template fragments: Django's {@code make_template_fragment_key}, so that
 * application code can invalidate one fragment the {@code {% cache %}} tag stored, and so that a
 * Django application and a Larder one sharing a cache agree on the key.
 *
 * <pre>{@code
 * // the fragment {% cache 500 "sidebar" user.id lang %} of user 42 in English:
 * cache.delete(FragmentKeys.make("sidebar", 42, "en"));
 * // "template.cache.sidebar.<32 hex digits>"
 * }</pre>
 *
 * <p>The key is {@code template.cache.<name>.<md5 of the vary-on values>}, so long values and
 * values with spaces still make short, valid keys. Each value is hashed as Python's {@code str()}
 * of it would be: {@code null} as {@code None}, booleans as {@code True}/{@code False}, integers in
 * decimal, floating-point numbers as Python's {@code repr}, anything else by {@code toString()}. As
 * in Django, {@code null} and {@code "None"} therefore make the same key.
 *
 * <p>Django 6.1 changed how the values are hashed (each is length-prefixed, so {@code ["abc:def"]}
 * and {@code ["abc", "def"]} no longer collide). {@link #make} and {@link #CURRENT} follow 6.1;
 * {@link #DJANGO_6_0} makes the keys of Django 6.0 and earlier (Debian's 3.2 included), for sharing
 * fragments with such an application. The two agree when there are no vary-on values.
 *
 * @since 0.1
 */
public final class FragmentKeys {
  /** The keys of Django 6.1 and later: each value hashed as {@code <length>:<utf-8 bytes>,}. */
  public static final FragmentKeys CURRENT = new FragmentKeys(true);

  /** The keys of Django 6.0 and earlier: each value hashed as {@code <utf-8 bytes>:}. */
  public static final FragmentKeys DJANGO_6_0 = new FragmentKeys(false);

  private static final byte[] COLON = {':'};
  private static final byte[] COMMA = {','};

  private final boolean lengthPrefixed;

  private FragmentKeys(boolean lengthPrefixed) {
    this.lengthPrefixed = lengthPrefixed;
  }

  /**
   * The key {@code {% cache %}} stores fragment {@code fragmentName} under for these vary-on values
   * (Django 6.1's {@code make_template_fragment_key}).
   *
   * @param fragmentName the name the tag gives the fragment; not null
   * @param varyOn the tag's vary-on values, in order, each printed as Python's {@code str()} does;
   *     none for a fragment that varies on nothing
   * @return the key, e.g. {@code template.cache.sidebar.d41d8cd98f00b204e9800998ecf8427e}, before
   *     the cache's key function applies {@code key_prefix} and version
   */
  public static String make(String fragmentName, Object... varyOn) {
    return CURRENT.key(fragmentName, Arrays.asList(varyOn));
  }

  /**
   * The key of fragment {@code fragmentName} for the vary-on values {@code varyOn}, in this format.
   * The key is not passed through a cache's key function: give it to {@link Cache#delete} and the
   * cache makes its own key from it, as the tag does.
   *
   * @param fragmentName the name the tag gives the fragment; not null
   * @param varyOn the tag's vary-on values, in order, each printed as Python's {@code str()} does;
   *     not null, and may be empty
   * @return the key, {@code template.cache.<name>.<md5 of the values>}
   */
  public String key(String fragmentName, List<?> varyOn) {
    Objects.requireNonNull(fragmentName, "fragmentName");
    Objects.requireNonNull(varyOn, "varyOn");
    MessageDigest md5 = Md5.digest();
    for (Object value : varyOn) {
      byte[] data = pythonStr(value).getBytes(StandardCharsets.UTF_8);
      if (lengthPrefixed) {
        md5.update(Integer.toString(data.length).getBytes(StandardCharsets.US_ASCII));
        md5.update(COLON);
        md5.update(data);
        md5.update(COMMA);
      } else {
        md5.update(data);
        md5.update(COLON);
      }
    }
    return "template.cache." + fragmentName + "." + Md5.hex(md5);
  }

  @Override
  public String toString() {
    return lengthPrefixed ? "FragmentKeys.CURRENT" : "FragmentKeys.DJANGO_6_0";
  }

  /**
   * What Python's {@code str()} gives for the value: integers and strings print the same in both
   * languages, the rest differs.
   */
  static String pythonStr(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double || value instanceof Float) {
      return pythonFloat(((Number) value).doubleValue());
    }
    return value.toString();
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that round-trip, in fixed notation for
   * exponents from -4 to 15 and {@code 1e+16}-style notation otherwise.
   */
  private static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String digits = exact.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = exact.signum() < 0 ? "-" : "";
    String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    return sign + mantissa + "e" + exp;
  }
}
