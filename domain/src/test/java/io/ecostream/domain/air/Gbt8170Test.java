package io.ecostream.domain.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gbt8170Test {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2.5, 2",
    "3.5, 4",
    "0.5, 0",
    "1.5, 2",
    "34.5, 34",
    "35.5, 36",
    "35.4, 35",
    "35.6, 36",
    "0, 0",
    "-0.0, 0",
    "-2.5, -2",
    "-3.5, -4",
    "-35.6, -36",
    // The double just below 0.5 is not the decimal 0.5.
    "0.49999999999999994, 0",
    "999999999.5, 1000000000",
    "999999998.5, 999999998"
  })
  void shouldRoundToUnitsHalfToEven(double value, long expected) {
    assertThat(Gbt8170.roundedUnits(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1} tenths")
  @CsvSource({
    // The binary value of 1.05 is a little above 1.05, that of 1.15 a little below; the decimal
    // value decides.
    "1.05, 10",
    "1.15, 12",
    "1.25, 12",
    "1.35, 14",
    "1.45, 14",
    "0.05, 0",
    "0.15, 2",
    "2.15, 22",
    "2.25, 22",
    "2.35, 24",
    "1.04, 10",
    "1.06, 11",
    "65.4, 654",
    "0, 0",
    "-1.05, -10",
    "-1.15, -12",
    "99999999.85, 999999998",
    "99999999.95, 1000000000"
  })
  void shouldRoundToTenthsHalfToEven(double value, long expected) {
    assertThat(Gbt8170.roundedTenths(value)).isEqualTo(expected);
  }

  @Test
  void shouldRoundTheNeighboursOfATieAwayFromIt() {
    // The doubles next to fl(1.05) and fl(1.15) are not those decimals, so they round to the nearer
    // tenth.
    assertThat(Gbt8170.roundedTenths(Math.nextUp(1.05))).isEqualTo(11);
    assertThat(Gbt8170.roundedTenths(Math.nextDown(1.05))).isEqualTo(10);
    assertThat(Gbt8170.roundedTenths(Math.nextUp(1.15))).isEqualTo(12);
    assertThat(Gbt8170.roundedTenths(Math.nextDown(1.15))).isEqualTo(11);
    assertThat(Gbt8170.roundedUnits(Math.nextUp(2.5))).isEqualTo(3);
    assertThat(Gbt8170.roundedUnits(Math.nextDown(3.5))).isEqualTo(3);
  }

  @Test
  void shouldRoundLargeMagnitudesOnTheirDecimalValue() {
    // 1000000000000000.5 and 1000000000.25 are exact doubles, and ties of their rounding.
    assertThat(Gbt8170.roundedUnits(1000000000000000.5)).isEqualTo(1000000000000000L);
    assertThat(Gbt8170.roundedUnits(1000000000000001.5)).isEqualTo(1000000000000002L);
    assertThat(Gbt8170.roundedTenths(1000000000.25)).isEqualTo(10000000002L);
    assertThat(Gbt8170.roundedTenths(1000000000.35)).isEqualTo(10000000004L);
  }

  @Test
  void shouldRejectResultsBeyondLong() {
    assertThatThrownBy(() -> Gbt8170.roundedUnits(1e19)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Gbt8170.roundedTenths(1e18)).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void shouldRejectNanAndInfinity(double value) {
    assertThatThrownBy(() -> Gbt8170.roundedUnits(value))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gbt8170.roundedTenths(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAgreeWithDecimalRoundingOnEveryThousandthUpTo2000() {
    // i / 1000.0 is the double nearest to the decimal i/1000, so that decimal is what it stands
    // for.
    List<String> mismatches = new ArrayList<>();
    for (int i = -20_000; i <= 2_000_000; i++) {
      BigDecimal decimal = BigDecimal.valueOf(i, 3);
      double value = i / 1000.0;
      long tenths = decimal.setScale(1, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
      long units = decimal.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
      if (Gbt8170.roundedTenths(value) != tenths || Gbt8170.roundedUnits(value) != units) {
        mismatches.add(decimal.toPlainString());
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void shouldAgreeWithBigDecimalValueOfOnArbitraryDoubles() {
    Random random = new Random(8170);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      double value = random.nextDouble() * Math.pow(10, random.nextInt(9));
      BigDecimal decimal = BigDecimal.valueOf(value);
      long tenths = decimal.setScale(1, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
      long units = decimal.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
      if (Gbt8170.roundedTenths(value) != tenths || Gbt8170.roundedUnits(value) != units) {
        mismatches.add(Double.toString(value));
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
