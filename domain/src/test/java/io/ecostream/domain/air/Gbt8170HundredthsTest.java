package io.ecostream.domain.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gbt8170HundredthsTest {

  @ParameterizedTest(name = "{0} → {1} hundredths")
  @CsvSource({
    // The binary value of 3.675 is a little below 3.675; the decimal tie rounds to the even 3.68.
    "3.675, 368",
    "3.665, 366",
    "3.685, 368",
    "0.125, 12",
    "0.135, 14",
    "0.005, 0",
    "0.015, 2",
    "4.7910714285714, 479",
    "10.008333333333, 1001",
    "3.67, 367",
    "0, 0",
    "-3.675, -368",
    "-3.665, -366",
    "9999999.995, 1000000000"
  })
  void shouldRoundToHundredthsHalfToEven(double value, long expected) {
    assertThat(Gbt8170.roundedHundredths(value)).isEqualTo(expected);
  }

  @Test
  void shouldRoundTheNeighboursOfATieAwayFromIt() {
    assertThat(Gbt8170.roundedHundredths(Math.nextUp(3.665))).isEqualTo(367);
    assertThat(Gbt8170.roundedHundredths(Math.nextDown(3.675))).isEqualTo(367);
  }

  @Test
  void shouldAgreeWithDecimalRoundingOnEveryTenThousandthUpTo300() {
    // i / 10000.0 is the double nearest to the decimal i/10000, so that decimal is what it stands
    // for.
    List<String> mismatches = new ArrayList<>();
    for (int i = -20_000; i <= 3_000_000; i++) {
      BigDecimal decimal = BigDecimal.valueOf(i, 4);
      long expected = decimal.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
      if (Gbt8170.roundedHundredths(i / 10000.0) != expected) {
        mismatches.add(decimal.toPlainString());
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void shouldRejectNan() {
    assertThatThrownBy(() -> Gbt8170.roundedHundredths(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
