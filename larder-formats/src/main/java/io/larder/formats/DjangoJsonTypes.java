package io.larder.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What Django's {@code DjangoJSONEncoder} writes for the values JSON has no type for, applied to
 * their Java counterparts: date-times, dates and times in ISO 8601 with at most milliseconds (cut,
 * not rounded) and {@code Z} for UTC, durations as Django's {@code duration_iso_string}, decimals
 * as their string; and floats as Python's {@code repr}.
 */
final class DjangoJsonTypes {
  private DjangoJsonTypes() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("django-json");
    module.addSerializer(Double.class, writing((Double d, JsonGenerator g) -> g.writeNumber(PythonJsonFormat.floatRepr(d))));
    module.addSerializer(double.class, writing((Double d, JsonGenerator g) -> g.writeNumber(PythonJsonFormat.floatRepr(d))));
    module.addSerializer(Float.class, writing((Float f, JsonGenerator g) -> g.writeNumber(floatRepr(f))));
    module.addSerializer(float.class, writing((Float f, JsonGenerator g) -> g.writeNumber(floatRepr(f))));
    module.addSerializer(BigDecimal.class, writing((BigDecimal d, JsonGenerator g) -> g.writeString(d.toString())));
    module.addSerializer(LocalDateTime.class, writing((LocalDateTime t, JsonGenerator g) -> g.writeString(dateTime(t, null))));
    module.addSerializer(OffsetDateTime.class, writing((OffsetDateTime t, JsonGenerator g) -> g.writeString(dateTime(t.toLocalDateTime(), t.getOffset()))));
    module.addSerializer(ZonedDateTime.class, writing((ZonedDateTime t, JsonGenerator g) -> g.writeString(dateTime(t.toLocalDateTime(), t.getOffset()))));
    module.addSerializer(Instant.class, writing((Instant t, JsonGenerator g) -> g.writeString(dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), ZoneOffset.UTC))));
    module.addSerializer(LocalDate.class, writing((LocalDate d, JsonGenerator g) -> g.writeString(d.toString())));
    module.addSerializer(LocalTime.class, writing((LocalTime t, JsonGenerator g) -> g.writeString(time(t))));
    module.addSerializer(OffsetTime.class, writing((OffsetTime t, JsonGenerator g) -> {
      // DjangoJSONEncoder refuses aware times: "JSON can't represent timezone-aware times."
      throw new IllegalArgumentException("JSON can't represent timezone-aware times (" + t + ")");
    }));
    module.addSerializer(byte[].class, writing((byte[] b, JsonGenerator g) -> {
      // Python's json refuses bytes too; a base64 string would read back as a str on both sides.
      throw new IllegalArgumentException(
          "JSON has no bytes (Python's json refuses them too): store them with the java or pickle"
              + " serializer");
    }));
    module.addSerializer(Duration.class, writing((Duration d, JsonGenerator g) -> g.writeString(duration(d))));
    return module;
  }

  private static String floatRepr(float f) {
    // A Java float as the decimal it prints as, not its exact binary value widened.
    return PythonJsonFormat.floatRepr(Double.parseDouble(Float.toString(f)));
  }

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** Python's {@code isoformat()}, then Django's cut to milliseconds and {@code Z} for UTC. */
  static String dateTime(LocalDateTime t, ZoneOffset offset) {
    String text = t.format(SECONDS) + fraction(t.getNano());
    return offset == null ? text : text + offset.getId();
  }

  static String time(LocalTime t) {
    return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()) + fraction(t.getNano());
  }

  /** Python keeps microseconds; Django writes the first three digits when there are any. */
  private static String fraction(int nanos) {
    int micros = nanos / 1000;
    return micros == 0 ? "" : String.format(".%03d", micros / 1000);
  }

  /** Django's {@code duration_iso_string}: {@code [-]P<days>DT<hh>H<mm>M<ss>[.ffffff]S}. */
  static String duration(Duration d) {
    String sign = d.isNegative() ? "-" : "";
    Duration abs = d.abs();
    long seconds = abs.getSeconds();
    int micros = abs.getNano() / 1000;
    return String.format(
        "%sP%dDT%02dH%02dM%02d%sS",
        sign,
        seconds / 86400,
        seconds % 86400 / 3600,
        seconds % 3600 / 60,
        seconds % 60,
        micros == 0 ? "" : String.format(".%06d", micros));
  }

  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, JsonGenerator g) throws IOException;
  }

  private static <T> JsonSerializer<T> writing(Writer<T> writer) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
        writer.write(value, g);
      }
    };
  }
}
