package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes django-redis's MSGPackSerializer writes, checked against what Debian's
 * python3-msgpack (1.0) prints for the same values: {@code msgpack.dumps(value).hex()}.
 */
class MsgpackSerializerTest {
  private final MsgpackSerializer msgpack = new MsgpackSerializer();

  private static Map<String, Object> sample() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("a", 1);
    value.put(
        "b",
        Arrays.asList(
            1.5, "x", new byte[] {0}, null, true, 1L << 40, -7,
            BigInteger.TWO.pow(64).subtract(BigInteger.ONE), Long.MIN_VALUE, 300, -200,
            "héllo".repeat(10)));
    return value;
  }

  private static final String SAMPLE =
      "82a16101a1629ccb3ff8000000000000a178c40100c0c3cf0000010000000000f9cfffffffffffffffffd38000"
          + "000000000000cd012cd1ff38d93c"
          + "68c3a96c6c6f".repeat(10);

  @Test
  void writesWhatPythonsMsgpackDumpsWrites() {
    assertThat(HexFormat.of().formatHex(msgpack.serialize(sample()))).isEqualTo(SAMPLE);
  }

  @Test
  void readsAsLoadsWithRawFalseDoes() {
    Map<?, ?> read = (Map<?, ?>) msgpack.deserialize(HexFormat.of().parseHex(SAMPLE));
    List<?> b = (List<?>) read.get("b");
    assertThat(read.get("a")).isEqualTo(1);
    assertThat(b.get(0)).isEqualTo(1.5);
    assertThat(b.get(1)).isEqualTo("x");
    assertThat((byte[]) b.get(2)).containsExactly(0);
    assertThat(new ArrayList<Object>(b.subList(3, 12)))
        .containsExactly(
            null, true, 1L << 40, -7, BigInteger.TWO.pow(64).subtract(BigInteger.ONE),
            Long.MIN_VALUE, 300, -200, "héllo".repeat(10));
  }

  record Order(int id, String customer, List<String> items, LocalDateTime placed, BigDecimal total) {}

  @Test
  void aRecordIsWrittenAsTheMapPythonWouldWriteAndConvertedBack() {
    Order order =
        new Order(7, "ada", List.of("tea", "scones"), LocalDateTime.of(2024, 3, 5, 10, 20, 30, 123_000_000), new BigDecimal("12.50"));
    byte[] bytes = msgpack.serialize(order);

    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "85a2696407a8637573746f6d6572a3616461a56974656d7392a3746561a673636f6e6573a6706c6163"
                + "6564b7323032342d30332d30355431303a32303a33302e313233a5746f74616ca531322e3530");
    assertThat(msgpack.convert(msgpack.deserialize(bytes), Order.class)).isEqualTo(order);
  }

  @Test
  void nestingDeeperThanTheDecodingBudgetIsRefused() {
    int depth = DecodingBudget.MAX_DEPTH;
    byte[] ok = new byte[depth + 1];
    Arrays.fill(ok, 0, depth, (byte) 0x91); // fixarray of one
    ok[depth] = (byte) 0xc0;
    assertThat(msgpack.deserialize(ok)).isInstanceOf(List.class);

    byte[] deep = new byte[depth + 2];
    Arrays.fill(deep, 0, depth + 1, (byte) 0x91);
    deep[depth + 1] = (byte) 0xc0;
    assertThatThrownBy(() -> msgpack.deserialize(deep)).isInstanceOf(SerializationException.class);
  }

  @Test
  void aHeaderClaimingMoreElementsThanTheBytesHoldIsRefusedBeforeAllocating() {
    byte[] claim = {(byte) 0xdd, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}; // array32
    assertThatThrownBy(() -> msgpack.deserialize(claim)).isInstanceOf(SerializationException.class);
  }

  @Test
  void aContainerAsAMapKeyIsRefusedAsPythonCannotHashOne() {
    byte[] listKey = {(byte) 0x81, (byte) 0x91, 0x01, 0x02}; // {[1]: 2}
    assertThatThrownBy(() -> msgpack.deserialize(listKey)).isInstanceOf(SerializationException.class);
  }

  @Test
  void truncatedOrTrailingBytesAreRefused() {
    byte[] bytes = msgpack.serialize(sample());
    assertThatThrownBy(() -> msgpack.deserialize(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> msgpack.deserialize(new byte[] {0x01, 0x02}))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void anIntegerBeyondSixtyFourBitsIsRefusedAsPythonsMsgpackRefusesIt() {
    List<Object> big = new ArrayList<>();
    big.add(BigInteger.TWO.pow(64));
    assertThatThrownBy(() -> msgpack.serialize(big)).isInstanceOf(SerializationException.class);
  }
}
