package io.larder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON numbers on the command line are read as Python's json.loads reads them. */
class CliNumbersTest {
  private static Object python(String json) {
    return Json.parse(json, false);
  }

  @Test
  void anIntegerIsTheNarrowestJavaIntegerThatHoldsIt() {
    assertThat(python("42")).isEqualTo(42);
    assertThat(python("-7")).isEqualTo(-7);
    assertThat(python("1099511627776")).isEqualTo(1L << 40);
  }

  @Test
  void anIntegerOfAnySizeStaysAnInteger() {
    assertThat(python("1267650600228229401496703205376")).isEqualTo(BigInteger.TWO.pow(100));
  }

  @Test
  void aFractionIsADoubleAsPythonsFloat() {
    assertThat(python("1.5")).isEqualTo(1.5);
    assertThat(python("0.1")).isEqualTo(0.1);
  }

  @Test
  void anExponentMakesAFloatEvenWithoutAFraction() {
    assertThat(python("1e3")).isEqualTo(1000.0);
    assertThat(python("1E-2")).isEqualTo(0.01);
  }

  @Test
  void aFloatTooLargeIsInfinityAsInPython() {
    assertThat(python("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void pythonsNonNumbersAreAccepted() {
    assertThat((Double) python("NaN")).isNaN();
    assertThat(python("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void numbersInsideStructuresAreReadTheSameWay() {
    assertThat(python("{\"price\": 9.99, \"ids\": [1, 2e0]}"))
        .isEqualTo(Map.of("price", 9.99, "ids", List.of(1, 2.0)));
  }

  @Test
  void exactDecimalsKeepFractionsAsWritten() {
    assertThat(Json.parse("1.10", true)).isEqualTo(new BigDecimal("1.10"));
    assertThat(Json.parse("[0.1]", true)).isEqualTo(List.of(new BigDecimal("0.1")));
  }

  @Test
  void exactDecimalsLeaveIntegersIntegers() {
    assertThat(Json.parse("42", true)).isEqualTo(42);
  }
}
