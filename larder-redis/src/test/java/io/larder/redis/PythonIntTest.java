package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading stored bytes as django-redis's decode does: Python's {@code int(bytes)} first. */
class PythonIntTest {
  private static Number decode(String text) {
    return PythonInt.decode(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void decimalTextIsAnIntegerOfTheNarrowestType() {
    assertThat(decode("42")).isEqualTo(42);
    assertThat(decode("-7")).isEqualTo(-7);
    assertThat(decode("1099511627776")).isEqualTo(1L << 40);
    assertThat(decode("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(decode("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(decode("1180591620717411303424")).isEqualTo(BigInteger.TWO.pow(70));
  }

  @Test
  void whateverPythonsIntAcceptsIsAnInteger() {
    assertThat(decode("007")).isEqualTo(7);
    assertThat(decode(" 1_0 ")).isEqualTo(10);
    assertThat(decode("+5\n")).isEqualTo(5);
  }

  @Test
  void whateverPythonsIntRejectsIsNot() {
    for (String text :
        new String[] {"", " ", "-", "1_", "_1", "1__0", "- 5", "1.5", "0x10", "abc"}) {
      assertThat(decode(text)).as("'%s'", text).isNull();
    }
    assertThat(PythonInt.decode(new byte[] {(byte) 0x80, 4, 'K', 1, '.'})).isNull();
  }

  @Test
  void integersAreWrittenAsDecimalButBooleansAreNot() {
    assertThat(PythonInt.isInteger(42)).isTrue();
    assertThat(PythonInt.isInteger(42L)).isTrue();
    assertThat(PythonInt.isInteger(BigInteger.TEN)).isTrue();
    assertThat(PythonInt.isInteger(true)).isFalse();
    assertThat(PythonInt.isInteger(1.0)).isFalse();
    assertThat(new String(PythonInt.encode(-12L), StandardCharsets.US_ASCII)).isEqualTo("-12");
  }
}
