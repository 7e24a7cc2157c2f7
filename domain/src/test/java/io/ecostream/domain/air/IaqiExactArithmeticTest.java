package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link Iaqi} on a fine grid against a second, independent evaluation of HJ 633 Eq. (1):
 * decimal arithmetic on the table copied in {@link Hj633Table}, with the GB/T 8170 rounding done by
 * {@link BigDecimal}.
 */
class IaqiExactArithmeticTest {

  static Stream<Arguments> everyColumnOfEveryEdition() {
    List<Arguments> cases = new ArrayList<>();
    for (AqiEdition edition : Hj633Table.editions()) {
      for (Indicator indicator : Indicator.values()) {
        cases.add(Arguments.of(edition, indicator));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyColumnOfEveryEdition")
  void shouldAgreeWithDecimalArithmeticOnTheTableAtEveryGridValue(
      AqiEdition edition, Indicator indicator) {
    List<Hj633Table.Breakpoint> column = Hj633Table.column(edition, indicator);
    boolean co = indicator.pollutant() == Pollutant.CO;
    // One decimal finer than the reported precision, so that every rounding tie is visited too.
    int gridScale = co ? 2 : 1;
    int reportedScale = co ? 1 : 0;
    BigDecimal last = column.get(column.size() - 1).concentration();
    long end = last.add(BigDecimal.TEN).movePointRight(gridScale).longValueExact();

    List<String> mismatches = new ArrayList<>();
    for (long i = 0; i <= end; i++) {
      BigDecimal c = BigDecimal.valueOf(i, gridScale);
      int expected =
          expectedIaqi(
              edition, indicator, column, c.setScale(reportedScale, RoundingMode.HALF_EVEN));
      int actual = Iaqi.of(edition, indicator, c.doubleValue());
      if (actual != expected) {
        mismatches.add(c + " → " + actual + ", expected " + expected);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static int expectedIaqi(
      AqiEdition edition, Indicator indicator, List<Hj633Table.Breakpoint> column, BigDecimal c) {
    Hj633Table.Breakpoint lo = column.get(0);
    if (c.compareTo(lo.concentration()) <= 0) {
      return lo.iaqi();
    }
    for (Hj633Table.Breakpoint hi : column.subList(1, column.size())) {
      if (c.compareTo(hi.concentration()) <= 0) {
        BigDecimal rise = BigDecimal.valueOf(hi.iaqi() - lo.iaqi());
        BigDecimal exact = rise.multiply(c.subtract(lo.concentration()));
        BigDecimal run = hi.concentration().subtract(lo.concentration());
        return lo.iaqi() + exact.divide(run, 0, RoundingMode.CEILING).intValueExact();
      }
      lo = hi;
    }
    // Above the last breakpoint: Table 1/3 notes 2 and 3; elsewhere the documented cap at 500.
    boolean is2012 = edition == HJ_633_2012;
    return switch (indicator) {
      case SO2_1H -> is2012 ? Iaqi.NONE : 200;
      case O3_8H -> is2012 ? Iaqi.NONE : 300;
      default -> 500;
    };
  }
}
