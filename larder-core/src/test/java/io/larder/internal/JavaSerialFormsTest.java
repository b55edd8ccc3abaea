package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.HostilePayloads;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JavaSerialFormsTest {
  static List<Object> handled() {
    return List.of(
        "",
        "value",
        "user:42 profile",
        "x".repeat(0xFFFF),
        0L,
        -1L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1234567890123L,
        0,
        -7,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE);
  }

  static List<Object> leftToTheStream() {
    return List.of("caf\u00e9", "nul\u0000inside", "x".repeat(0x10000), 3.5, (short) 2, List.of(1));
  }

  @ParameterizedTest
  @MethodSource("handled")
  void writesExactlyTheJdksBytesAndReadsThemBack(Object value) throws Exception {
    byte[] written = JavaSerialForms.write(value);
    assertThat(written).isEqualTo(HostilePayloads.javaSerialized(value));
    assertThat(JavaSerialForms.read(written)).isEqualTo(value).hasSameClassAs(value);
  }

  @ParameterizedTest
  @MethodSource("leftToTheStream")
  void leavesOtherValuesToTheObjectStream(Object value) throws Exception {
    assertThat(JavaSerialForms.write(value)).isNull();
    assertThat(JavaSerialForms.read(HostilePayloads.javaSerialized(value))).isSameAs(JavaSerialForms.NOT_HANDLED);
  }

  @ParameterizedTest
  @MethodSource("handled")
  void theSerializerStillReadsWhatTheJdkWrites(Object value) throws Exception {
    JavaSerializer serializer = new JavaSerializer("default", List.of());
    assertThat(serializer.deserialize(HostilePayloads.javaSerialized(value))).isEqualTo(value);
    assertThat(jdkRead(serializer.serialize(value))).isEqualTo(value);
  }

  @Test
  void bytesThatOnlyLookLikeAStringAreNotTakenForOne() throws Exception {
    byte[] string = HostilePayloads.javaSerialized("value");
    byte[] truncated = java.util.Arrays.copyOf(string, string.length - 1);
    byte[] longer = java.util.Arrays.copyOf(string, string.length + 1);
    assertThat(JavaSerialForms.read(truncated)).isSameAs(JavaSerialForms.NOT_HANDLED);
    assertThat(JavaSerialForms.read(longer)).isSameAs(JavaSerialForms.NOT_HANDLED);
    assertThat(JavaSerialForms.read(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x74}))
        .isSameAs(JavaSerialForms.NOT_HANDLED);
    assertThat(JavaSerialForms.read(new byte[0])).isSameAs(JavaSerialForms.NOT_HANDLED);
  }

  private static Object jdkRead(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
