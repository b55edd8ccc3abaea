package io.larder;


/**
 * The timeout argument of Django's {@code {% cache %}}, read as Django reads it ({@code
 * int(expire_time)}), for every template engine's fragment tag: null ({@code None}) stores the
 * fragment forever, a number or a text holding an integer is seconds, a boolean is 1 or 0.
 *
 * <pre>{@code
 * Timeout expiry = FragmentTimeout.of(evaluatedArgument); // "500" -> 500 s, null -> forever
 * }</pre>
 *
 * @since 0.1
 */
public final class FragmentTimeout {
  private FragmentTimeout() {}

  /**
   * The timeout {@code value} names.
   *
   * @param value the evaluated timeout argument; null stores forever
   * @return the timeout; {@link Timeout#NEVER} for null and for seconds beyond what a {@link
   *     Timeout} holds (about 292 years)
   * @throws IllegalArgumentException if {@code value} is not an integer (the tag reports it in its
   *     engine's error, naming the value)
   */
  public static Timeout of(Object value) {
    if (value == null) {
      return Timeout.NEVER;
    }
    if (value instanceof Number number) {
      return seconds(number.longValue());
    }
    if (value instanceof Boolean b) {
      return seconds(b ? 1 : 0);
    }
    if (value instanceof CharSequence text) {
      try {
        return seconds(Long.parseLong(text.toString().strip()));
      } catch (NumberFormatException e) {
        // falls through to the error naming the value
      }
    }
    throw new IllegalArgumentException("non-integer timeout value: '" + value + "'");
  }

  private static Timeout seconds(long seconds) {
    return seconds > Long.MAX_VALUE / 1_000_000_000L ? Timeout.NEVER : Timeout.seconds(seconds);
  }
}
