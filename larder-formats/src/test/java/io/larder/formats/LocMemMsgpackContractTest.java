package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract on local memory storing copies as django-redis's msgpack. */
class LocMemMsgpackContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("serializer", "msgpack");
  }

  /** As the contract's, but an integer beyond 64 bits is refused, as Python's msgpack refuses it. */
  @Test
  @Override
  protected void valuesOfCommonTypesRoundTrip() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("string", "hello, world");
    values.put("unicode", "Iñtërnâtiônàlizætiøn ✓ 清");
    values.put("int", 42);
    values.put("long", 1L << 40);
    values.put("uint64", BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    values.put("double", 1.5);
    values.put("bool", true);
    values.put("list", List.of("a", 1, 2.5));
    values.put("map", Map.of("a", 1, "b", List.of(1, 2)));
    values.forEach(cache::set);
    values.forEach((key, value) -> assertThat((Object) cache.get(key)).isEqualTo(value));

    assertThatThrownBy(() -> cache.set("big", new BigInteger("1180591620717411303424")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("64 bits");
  }
}
