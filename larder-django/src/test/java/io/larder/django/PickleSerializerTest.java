package io.larder.django;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.objects.ClassDict;
import org.junit.jupiter.api.Test;

class PickleSerializerTest {
  private final PickleSerializer pickle = new PickleSerializer("default", new PythonGlobals(List.of()));

  private Object roundTrip(Object value) {
    return pickle.deserialize(pickle.serialize(value));
  }

  private Object read(String hex) {
    return pickle.deserialize(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  private static String hex(String latin1) {
    return HexFormat.of().formatHex(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void scalarsRoundTrip() {
    assertThat(roundTrip(null)).isNull();
    assertThat(roundTrip(true)).isEqualTo(true);
    assertThat(roundTrip(42)).isEqualTo(42);
    assertThat(roundTrip(-70_000)).isEqualTo(-70_000);
    assertThat(roundTrip(1L << 40)).isEqualTo(1L << 40);
    assertThat(roundTrip(BigInteger.TWO.pow(80))).isEqualTo(BigInteger.TWO.pow(80));
    assertThat(roundTrip(1.5)).isEqualTo(1.5);
    assertThat(roundTrip("héllo ✓ \uD83D\uDE00")).isEqualTo("héllo ✓ \uD83D\uDE00");
    assertThat(roundTrip('c')).isEqualTo("c");
    assertThat(roundTrip(new BigDecimal("12.340"))).isEqualTo(new BigDecimal("12.340"));
  }

  @Test
  void bytesAreWrittenAsPythonBytesNotBytearray() {
    byte[] small = {1, 2, (byte) 0xff};
    assertThat(HexFormat.of().formatHex(pickle.serialize(small))).isEqualTo("8002430301 02ff2e".replace(" ", ""));
    byte[] large = new byte[70_000];
    large[69_999] = 9;
    assertThat((byte[]) roundTrip(large)).isEqualTo(large);
    assertThat((byte[]) roundTrip(small)).isEqualTo(small);
  }

  @Test
  void containersRoundTripWithPythonsTypes() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("zeta", 1);
    ordered.put("alpha", List.of(2, "two"));
    assertThat(roundTrip(ordered)).isInstanceOf(Map.class).isEqualTo(ordered);
    assertThat(new ArrayList<Object>(((Map<?, ?>) roundTrip(ordered)).keySet())).containsExactly("zeta", "alpha");
    assertThat(roundTrip(List.of(1, "a", 2.5))).isEqualTo(new ArrayList<>(List.of(1, "a", 2.5)));
    assertThat((Object[]) roundTrip(new Object[] {1, "a", null, 4})).containsExactly(1, "a", null, 4);
    assertThat(roundTrip(Set.of("x", "y"))).isEqualTo(Set.of("x", "y"));
    assertThat(roundTrip(Map.of("nested", Map.of("list", List.of(new Object[] {1}))))).isNotNull();
  }

  @Test
  void dateTimesRoundTripAsJavaTime() {
    LocalDateTime naive = LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000);
    assertThat(roundTrip(naive)).isEqualTo(naive);
    OffsetDateTime india = naive.atOffset(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(roundTrip(india)).isEqualTo(india);
    OffsetDateTime west = naive.atOffset(ZoneOffset.ofHours(-3));
    assertThat(roundTrip(west)).isEqualTo(west);
    ZonedDateTime paris = naive.atZone(ZoneId.of("Europe/Paris"));
    assertThat(roundTrip(paris)).isEqualTo(paris.toOffsetDateTime());
    Instant instant = Instant.parse("2024-03-05T10:20:30.123456Z");
    assertThat(roundTrip(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
    assertThat(roundTrip(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(roundTrip(LocalTime.of(23, 59, 59, 999_999_000))).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    OffsetTime time = OffsetTime.of(8, 0, 0, 0, ZoneOffset.ofHours(2));
    assertThat(roundTrip(time)).isEqualTo(time);
    assertThat(roundTrip(Duration.ofDays(-1).plusSeconds(5).plusNanos(7_000))).isEqualTo(Duration.ofDays(-1).plusSeconds(5).plusNanos(7_000));
  }

  @Test
  void nanosecondsAreCutToPythonsMicroseconds() {
    assertThat(roundTrip(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_789)))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_000));
  }

  @Test
  void readsWhatDjangoWrites() {
    // pickle.dumps('hello', 5), as in a Django .djcache file (docs/django-interop.md).
    assertThat(read("80059509000000000000008c0568656c6c6f942e")).isEqualTo("hello");
    // pickle.dumps(b'ab', 2) from Python 3: bytes through _codecs.encode.
    assertThat((byte[]) read("8002635f636f646563730a656e636f64650a71005802000000616271015806000000" + "6c6174696e3171028671035271042e"))
        .isEqualTo(new byte[] {'a', 'b'});
  }

  @Test
  void readsDjangosSafeStringsAsText() {
    // pickle.dumps(mark_safe('<b>hi</b>'), 5 and 2): what Django's {% cache %} stores.
    assertThat(read("8005953a000000000000008c17646a616e676f2e7574696c732e73616665737472696e67948c0a53616665537472696e679493948c093c623e68693c2f623e94859481942e")).isEqualTo("<b>hi</b>");
    assertThat(read("800263646a616e676f2e7574696c732e73616665737472696e670a53616665537472696e670a710058090000003c623e68693c2f623e71018571028171032e")).isEqualTo("<b>hi</b>");
  }

  @Test
  void readsDjangosAwareDateTimes() {
    // Django 3.2's timezone.now(): a pytz UTC datetime, protocol 5.
    assertThat(read(
            "8005953d000000000000008c086461746574696d65948c086461746574696d65949394430a07e803050a141e01e240948c047079747a948c045f555443949394295294869452942e"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.UTC));
    // datetime(2024,3,5,10,20,30,123456, tzinfo=ZoneInfo('Europe/Paris')).
    assertThat(read(
            "8005957e000000000000008c086461746574696d65948c086461746574696d65949394430a07e803050a141e01e240948c086275696c74696e73948c07676574617474729493948c087a6f6e65696e666f948c085a6f6e65496e666f9493948c095f756e7069636b6c6594869452948c0c4575726f70652f5061726973944b0186945294869452942e"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 123_456_000, ZoneOffset.ofHours(1)));
    // pytz.timezone('Europe/Paris').localize(datetime(2024,3,5,10,20,30)).
    assertThat(read(
            "80059557000000000000008c086461746574696d65948c086461746574696d65949394430a07e803050a141e000000948c047079747a948c025f70949394288c0c4575726f70652f5061726973944d100e4b008c034345549474945294869452942e"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 0, ZoneOffset.ofHours(1)));
  }

  @Test
  void anyOtherGlobalIsRefusedByName() {
    // Python's classic exploit: os.system('echo pwned').
    assertThatThrownBy(() -> read(hex("cos\nsystem\n(S'echo pwned'\ntR.")))
        .isInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("os.system")
        .hasMessageContaining("serializer_allow");
    // The same through STACK_GLOBAL (protocol 4+).
    assertThatThrownBy(() -> read(hex("\u0080\u0004\u008c\u0002os\u008c\u0006system\u0093\u008c\u0001x\u0085R.")))
        .isInstanceOf(DisallowedClassException.class)
        .extracting(e -> ((DisallowedClassException) e).className())
        .isEqualTo("os.system");
    // getattr may only fetch ZoneInfo._unpickle.
    assertThatThrownBy(() -> read(hex("cbuiltins\ngetattr\n(cdatetime\ndate\nS'today'\ntR.")))
        .isInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("builtins.getattr");
    // INST, the protocol 0 form.
    assertThatThrownBy(() -> read(hex("(S'ls'\nisubprocess\ncall\n.")))
        .isInstanceOf(DisallowedClassException.class)
        .hasMessageContaining("subprocess.call");
  }

  @Test
  void allowListedPythonObjectsAreReadAsTheirAttributes() {
    PickleSerializer allowing =
        new PickleSerializer("default", new PythonGlobals(List.of("myapp.models")));
    // Point.__reduce_ex__(2): copyreg.__newobj__ -> NEWOBJ, then BUILD with the instance dict.
    Object point = allowing.deserialize(HexFormat.of().parseHex(hex("\u0080\u0002cmyapp.models\nPoint\n)\u0081}(X\u0001\u0000\u0000\u0000xK\u0001X\u0001\u0000\u0000\u0000yK\u0002ub.")));
    assertThat(point).isInstanceOf(ClassDict.class);
    assertThat(((ClassDict) point)).containsEntry("x", 1).containsEntry("y", 2);
    assertThat(((ClassDict) point).getClassName()).isEqualTo("myapp.models.Point");
    assertThatThrownBy(() -> pickle.deserialize(HexFormat.of().parseHex(hex("\u0080\u0002cmyapp.models\nPoint\n)\u0081."))))
        .isInstanceOf(DisallowedClassException.class);
  }

  @Test
  void corruptOrHostileBytesAreASerializationError() {
    assertThatThrownBy(() -> pickle.deserialize(new byte[] {1, 2, 3})).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> pickle.deserialize(new byte[0])).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> read("80058c0568656c")).isInstanceOf(SerializationException.class);
    // A 2 GB string announced in a 7-byte value: refused before anything is allocated.
    assertThatThrownBy(() -> read("800258ffffff7f")).isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> read("80058dffffffffffffff7f")).isInstanceOf(SerializationException.class);
    // BUILD on something that is not an object.
    assertThatThrownBy(() -> read(hex("\u0080\u0002]}b."))).isInstanceOf(SerializationException.class);
  }

  record Point(int x, int y) {}

  enum Colour {
    RED
  }

  @Test
  void javaObjectsWithoutAPythonEquivalentAreRefused() {
    assertThatThrownBy(() -> pickle.serialize(new Point(1, 2)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(Point.class.getName());
    assertThatThrownBy(() -> pickle.serialize(List.of(Colour.RED))).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> pickle.serialize(new int[] {1})).isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> pickle.serialize(LocalDate.of(10_000, 1, 1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("years 1 to 9999");
    List<Object> selfContaining = new ArrayList<>();
    selfContaining.add(selfContaining);
    assertThatThrownBy(() -> pickle.serialize(selfContaining)).isInstanceOf(SerializationException.class);
  }
}
