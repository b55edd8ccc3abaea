package io.larder.django;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Pickler;

/**
 * Pyrolite's pickler limited to values that mean the same thing in Python, with three additions
 * Django needs: {@code byte[]} becomes Python {@code bytes} (Pyrolite writes {@code bytearray}),
 * {@code java.time} values become {@code datetime} objects, and aware datetimes carry a {@code
 * datetime.timezone} so that reading them needs no pytz. Anything else, a Java bean in particular,
 * is refused rather than turned into a dict that would come back as a different type.
 *
 * <p>Writes protocol 2 (with the protocol 3 opcodes for bytes, which every Python 3 reads). One
 * instance writes one value: Pyrolite's pickler is not thread-safe.
 */
final class ValuePickler extends Pickler {
  ValuePickler() {
    // No memo: shared sub-objects are written twice, but hashCode is never called on a value
    // (a self-containing list would recurse forever), and output does not depend on equals().
    super(false);
  }

  byte[] pickle(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    dump(value, bytes);
    return bytes.toByteArray();
  }

  @Override
  public void save(Object value) throws IOException {
    if (value instanceof byte[] bytes) {
      writeBytes(bytes);
    } else if (value instanceof LocalDateTime v) {
      writeDateTime(v, null);
    } else if (value instanceof OffsetDateTime v) {
      writeDateTime(v.toLocalDateTime(), v.getOffset());
    } else if (value instanceof ZonedDateTime v) {
      writeDateTime(v.toLocalDateTime(), v.getOffset());
    } else if (value instanceof Instant v) {
      writeDateTime(LocalDateTime.ofInstant(v, ZoneOffset.UTC), ZoneOffset.UTC);
    } else if (value instanceof LocalDate v) {
      writeReduce("datetime\ndate\n", () -> writeBytes(PythonDateTimes.dateState(v)));
    } else if (value instanceof LocalTime v) {
      writeTime(v, null);
    } else if (value instanceof OffsetTime v) {
      writeTime(v.toLocalTime(), v.getOffset());
    } else if (value instanceof Duration v) {
      writeTimedelta(v);
    } else if (value instanceof Character c) {
      super.save(String.valueOf(c));
    } else if (isPythonValue(value)) {
      super.save(value);
    } else {
      throw new PickleException(
          "a "
              + value.getClass().getName()
              + " has no Python equivalent; the pickle serializer takes null, Boolean, numbers,"
              + " String, byte[], Object[] (tuple), List, Set, Map and java.time values");
    }
  }

  private static boolean isPythonValue(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal
        || value instanceof Object[]
        || value instanceof Collection<?>
        || value instanceof Map<?, ?>;
  }

  private void writeBytes(byte[] bytes) throws IOException {
    if (bytes.length < 256) {
      out.write(Opcodes.SHORT_BINBYTES);
      out.write(bytes.length);
    } else {
      out.write(Opcodes.BINBYTES);
      out.write(PickleUtils.integer_to_bytes(bytes.length));
    }
    out.write(bytes);
  }

  private void writeDateTime(LocalDateTime local, ZoneOffset offset) throws IOException {
    writeWithTimezone("datetime\ndatetime\n", PythonDateTimes.datetimeState(local), offset);
  }

  private void writeTime(LocalTime local, ZoneOffset offset) throws IOException {
    writeWithTimezone("datetime\ntime\n", PythonDateTimes.timeState(local), offset);
  }

  /** {@code type(state[, timezone])}, the form Python's datetime and time reduce to. */
  private void writeWithTimezone(String type, byte[] state, ZoneOffset offset) throws IOException {
    writeReduce(
        type,
        () -> {
          writeBytes(state);
          writeTimezone(offset);
        });
  }

  /** {@code datetime.timezone(timedelta(0, seconds))}; nothing for a naive value. */
  private void writeTimezone(ZoneOffset offset) throws IOException {
    if (offset != null) {
      writeReduce(
          "datetime\ntimezone\n", () -> writeTimedelta(Duration.ofSeconds(offset.getTotalSeconds())));
    }
  }

  /** {@code timedelta(0, seconds, microseconds)}; Python normalises it into days. */
  private void writeTimedelta(Duration duration) throws IOException {
    writeReduce(
        "datetime\ntimedelta\n",
        () -> {
          super.save(0);
          super.save(duration.getSeconds());
          super.save(duration.getNano() / 1000);
        });
  }

  /** {@code global(*args)}, the arguments being whatever {@code args} writes. */
  private void writeReduce(String global, Arguments args) throws IOException {
    out.write(Opcodes.GLOBAL);
    out.write(global.getBytes(StandardCharsets.US_ASCII));
    out.write(Opcodes.MARK);
    args.write();
    out.write(Opcodes.TUPLE);
    out.write(Opcodes.REDUCE);
  }

  @FunctionalInterface
  private interface Arguments {
    void write() throws IOException;
  }
}
