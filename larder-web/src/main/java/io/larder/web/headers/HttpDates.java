package io.larder.web.headers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP dates: Django's {@code http_date} (IMF-fixdate, always two-digit days) and {@code
 * parse_http_date_safe} (IMF-fixdate, RFC 850 and asctime, as RFC 9110 requires recipients to
 * accept).
 *
 * <pre>{@code
 * HttpDates.format(1468749602L);                          // Sun, 17 Jul 2016 10:00:02 GMT
 * HttpDates.parse("Sunday, 17-Jul-16 10:00:02 GMT");    // 1468749602, MIN_VALUE if no date
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** RFC 850 after its weekday: a two-digit year is read as within 50 years of now (RFC 9110). */
  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);

  private static final DateTimeFormatter ASCTIME =
      new DateTimeFormatterBuilder()
          .appendPattern("EEE MMM ")
          .padNext(2)
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
          .appendPattern(" HH:mm:ss yyyy")
          .toFormatter(Locale.US);

  private HttpDates() {}

  /**
   * {@code epochSecond} as an IMF-fixdate, e.g. {@code Sun, 17 Jul 2016 10:00:02 GMT}.
   *
   * @param epochSecond seconds since 1970-01-01T00:00:00Z
   * @return the HTTP date, in GMT
   */
  public static String format(long epochSecond) {
    return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
  }

  /**
   * The epoch second of an HTTP date, or {@link Long#MIN_VALUE} when it is not one.
   *
   * @param value an HTTP date in any of the three forms HTTP allows, or null
   * @return seconds since 1970-01-01T00:00:00Z, or {@link Long#MIN_VALUE} for null or a value that
   *     is not an HTTP date
   */
  public static long parse(String value) {
    if (value == null) {
      return Long.MIN_VALUE;
    }
    String date = value.strip();
    try {
      return IMF_FIXDATE.parse(date, Instant::from).getEpochSecond();
    } catch (DateTimeParseException e) {
      // Not IMF-fixdate: try the two obsolete forms.
    }
    int comma = date.indexOf(", ");
    try {
      return LocalDateTime.parse(date.substring(comma + 2), RFC_850).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // Not RFC 850 either.
    }
    try {
      return LocalDateTime.parse(date, ASCTIME).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }
}
