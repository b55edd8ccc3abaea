package io.larder.spi;

import io.larder.Timeout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one reading of setting values that configuration, options, filters, the CLI and templates
 * share: seconds, Django's timeouts, booleans, integers, lists. Each method throws {@link
 * IllegalArgumentException} with what is accepted; the caller names where the value came from
 * (alias and setting, filter and init-param, command-line argument). An {@link Option} of a
 * backend's own reads through these ({@link Option#read}).
 *
 * <pre>{@code
 * try {
 *   Timeout t = SettingValues.timeout(raw);
 * } catch (IllegalArgumentException e) {
 *   throw InvalidConfigurationException.badSetting(alias, "timeout", raw, e.getMessage());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SettingValues {
  /** What {@link #timeout} accepts, for messages. */
  public static final String TIMEOUT_ACCEPTED =
      "a number of seconds (0 or less: expire at once), or null/none/never for never";

  private SettingValues() {}

  /**
   * Django's {@code TIMEOUT}: a number of seconds (fractions allowed; 0 or less expires at once),
   * or {@code null}/{@code none}/{@code never} (any case) for never.
   *
   * @param raw the configured value: a number, a numeric string, or null
   * @return a finite timeout, or {@link Timeout#NEVER}
   * @throws IllegalArgumentException with {@link #TIMEOUT_ACCEPTED} as its message, for any other
   *     value
   */
  public static Timeout timeout(Object raw) {
    if (raw == null) {
      return Timeout.NEVER;
    }
    if (raw instanceof Timeout t && !t.isDefault()) {
      return t;
    }
    if (raw instanceof String s) {
      String text = s.trim().toLowerCase(Locale.ROOT);
      if (text.equals("none") || text.equals("null") || text.equals("never")) {
        return Timeout.NEVER;
      }
    }
    if (raw instanceof Number n && !(raw instanceof Float || raw instanceof Double)) {
      return secondsOrFail((double) n.longValue(), raw, TIMEOUT_ACCEPTED);
    }
    double seconds = number(raw, TIMEOUT_ACCEPTED);
    return secondsOrFail(seconds, raw, TIMEOUT_ACCEPTED);
  }

  /**
   * A number of seconds, fractions allowed, at least {@code min}.
   *
   * @param raw the configured value: a number or a numeric string
   * @param min the least number of seconds accepted
   * @return a finite timeout
   * @throws IllegalArgumentException with what is accepted as its message, for any other value
   */
  public static Timeout seconds(Object raw, double min) {
    String accepted =
        min <= 0 ? "a number of seconds, 0 or more" : "a number of seconds, " + min + " or more";
    double seconds = number(raw, accepted);
    if (seconds < min) {
      throw new IllegalArgumentException(accepted);
    }
    return secondsOrFail(seconds, raw, accepted);
  }

  /**
   * A whole number in {@code [min, max]}.
   *
   * @param raw the configured value: an integer, or a string of one
   * @param min the least value accepted
   * @param max the greatest value accepted
   * @return the number
   * @throws IllegalArgumentException with what is accepted as its message, for any other value
   */
  public static long integer(Object raw, long min, long max) {
    String accepted =
        max == Long.MAX_VALUE || max == Integer.MAX_VALUE
            ? "an integer, " + min + " or more"
            : "an integer from " + min + " to " + max;
    long value;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof String s) {
      try {
        value = Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(accepted);
      }
    } else {
      throw new IllegalArgumentException(accepted);
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(accepted);
    }
    return value;
  }

  /**
   * A string, or a number or boolean as its text.
   *
   * @param raw the configured value
   * @return the text
   * @throws IllegalArgumentException for anything but a string, a number or a boolean
   */
  public static String text(Object raw) {
    if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
      return raw.toString();
    }
    throw new IllegalArgumentException("a string");
  }

  /**
   * {@code true} or {@code false}, in any case.
   *
   * @param raw a {@link Boolean} or its text
   * @return the flag
   * @throws IllegalArgumentException for any other value
   */
  public static boolean bool(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("true or false");
    };
  }

  /**
   * A list as configured, or a string of items separated by commas.
   *
   * @param raw a list, whose elements are read as text, or a string
   * @return the trimmed items; a string's empty items are left out
   * @throws IllegalArgumentException for any other value
   */
  public static List<String> list(Object raw) {
    if (raw instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).toList();
    }
    if (raw instanceof String s) {
      return Arrays.stream(s.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
    throw new IllegalArgumentException("a list, or a string of items separated by commas");
  }

  private static double number(Object raw, String accepted) {
    try {
      double value =
          raw instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(raw).trim());
      if (!Double.isNaN(value) && !Double.isInfinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with what is accepted
    }
    throw new IllegalArgumentException(accepted);
  }

  /** The most seconds a {@link Timeout} holds: about 292 years. */
  private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;

  /** Seconds as a timeout, or the error: beyond about 292 years a timeout does not fit. */
  private static Timeout secondsOrFail(double seconds, Object raw, String accepted) {
    if (Math.abs(seconds) > MAX_SECONDS) {
      throw new IllegalArgumentException(accepted + ", at most about 292 years (got " + raw + ")");
    }
    return seconds == Math.rint(seconds) ? Timeout.seconds((long) seconds) : Timeout.seconds(seconds);
  }
}
