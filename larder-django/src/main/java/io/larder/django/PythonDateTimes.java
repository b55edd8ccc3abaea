package io.larder.django;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * Python's {@code datetime}, {@code date}, {@code time} and {@code timedelta} as {@code java.time}
 * values: naive datetimes are {@link LocalDateTime}, aware ones {@link java.time.OffsetDateTime}.
 *
 * <p>Python pickles these types as their compact state: 10 bytes for a datetime (year high, year
 * low, month, day, hour, minute, second, three bytes of microseconds), 4 for a date, 6 for a time,
 * with the fold flag in the high bit of the month (datetime) or hour (time) byte.
 */
final class PythonDateTimes {
  static final IObjectConstructor DATETIME = PythonDateTimes::datetime;
  static final IObjectConstructor DATE = PythonDateTimes::date;
  static final IObjectConstructor TIME = PythonDateTimes::time;
  static final IObjectConstructor TIMEDELTA = PythonDateTimes::timedelta;

  private static final int FOLD = 0x80;

  private PythonDateTimes() {}

  /** The state bytes Python's {@code datetime} constructor accepts; microsecond precision. */
  static byte[] datetimeState(LocalDateTime value) {
    byte[] date = dateState(value.toLocalDate());
    byte[] time = timeState(value.toLocalTime());
    byte[] state = new byte[date.length + time.length];
    System.arraycopy(date, 0, state, 0, date.length);
    System.arraycopy(time, 0, state, date.length, time.length);
    return state;
  }

  static byte[] dateState(LocalDate value) {
    checkYear(value.getYear());
    return new byte[] {
      (byte) (value.getYear() >> 8),
      (byte) value.getYear(),
      (byte) value.getMonthValue(),
      (byte) value.getDayOfMonth()
    };
  }

  static byte[] timeState(LocalTime value) {
    int micros = value.getNano() / 1000;
    return new byte[] {
      (byte) value.getHour(),
      (byte) value.getMinute(),
      (byte) value.getSecond(),
      (byte) (micros >> 16),
      (byte) (micros >> 8),
      (byte) micros
    };
  }

  private static void checkYear(int year) {
    if (year < 1 || year > 9999) {
      throw new PickleException("Python dates hold years 1 to 9999, not " + year);
    }
  }

  private static Object datetime(Object[] args) {
    if (args.length >= 1 && isState(args[0])) {
      int[] s = state(args[0], 10, "datetime");
      LocalDateTime local =
          LocalDateTime.of(
              s[0] << 8 | s[1], s[2] & ~FOLD, s[3], s[4], s[5], s[6], micros(s, 7) * 1000);
      return aware(local, (s[2] & FOLD) != 0, tzinfo(args, 1));
    }
    // datetime(year, month, day[, hour[, minute[, second[, microsecond[, tzinfo]]]]])
    int[] fields = ints(args, 3, 7, "datetime");
    LocalDateTime local =
        LocalDateTime.of(
            fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6] * 1000);
    return aware(local, false, tzinfo(args, 7));
  }

  private static Object aware(LocalDateTime local, boolean fold, ZoneId zone) {
    if (zone == null) {
      return local;
    }
    if (zone instanceof ZoneOffset offset) {
      return local.atOffset(offset);
    }
    ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
    return (fold ? zoned.withLaterOffsetAtOverlap() : zoned).toOffsetDateTime();
  }

  private static Object date(Object[] args) {
    if (args.length == 1 && isState(args[0])) {
      int[] s = state(args[0], 4, "date");
      return LocalDate.of(s[0] << 8 | s[1], s[2], s[3]);
    }
    int[] fields = ints(args, 3, 3, "date");
    return LocalDate.of(fields[0], fields[1], fields[2]);
  }

  private static Object time(Object[] args) {
    LocalTime local;
    ZoneId zone;
    if (args.length >= 1 && isState(args[0])) {
      int[] s = state(args[0], 6, "time");
      local = LocalTime.of(s[0] & ~FOLD, s[1], s[2], micros(s, 3) * 1000);
      zone = tzinfo(args, 1);
    } else {
      int[] fields = ints(args, 0, 4, "time");
      local = LocalTime.of(fields[0], fields[1], fields[2], fields[3] * 1000);
      zone = tzinfo(args, 4);
    }
    if (zone == null) {
      return local;
    }
    if (zone instanceof ZoneOffset offset) {
      return OffsetTime.of(local, offset);
    }
    throw new PickleException(
        "a datetime.time in the named zone " + zone + " has no fixed UTC offset to map to Java");
  }

  private static Object timedelta(Object[] args) {
    int[] fields = ints(args, 0, 3, "timedelta");
    return Duration.ofDays(fields[0]).plusSeconds(fields[1]).plusNanos(fields[2] * 1000L);
  }

  private static boolean isState(Object arg) {
    return arg instanceof byte[] || arg instanceof String;
  }

  /** Python 2 pickles the state as a latin-1 {@code str}, Python 3 as {@code bytes}. */
  private static int[] state(Object arg, int length, String type) {
    byte[] bytes =
        arg instanceof byte[] b ? b : ((String) arg).getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length != length) {
      throw new PickleException(
          "a pickled " + type + " has " + length + " state bytes, not " + bytes.length);
    }
    int[] unsigned = new int[length];
    for (int i = 0; i < length; i++) {
      unsigned[i] = bytes[i] & 0xff;
    }
    return unsigned;
  }

  private static int micros(int[] state, int from) {
    return state[from] << 16 | state[from + 1] << 8 | state[from + 2];
  }

  /** The leading integer arguments, missing optional ones as 0, ignoring a trailing tzinfo. */
  private static int[] ints(Object[] args, int required, int max, String type) {
    int[] fields = new int[max];
    int count = 0;
    for (; count < Math.min(args.length, max) && args[count] instanceof Number n; count++) {
      fields[count] = n.intValue();
    }
    if (count < required) {
      throw new PickleException("a pickled " + type + " needs " + required + " integer arguments");
    }
    return fields;
  }

  private static ZoneId tzinfo(Object[] args, int index) {
    if (args.length <= index || args[index] == null) {
      return null;
    }
    if (args[index] instanceof ZoneId zone) {
      return zone;
    }
    throw new PickleException("unsupported tzinfo in a pickled datetime: " + args[index]);
  }
}
