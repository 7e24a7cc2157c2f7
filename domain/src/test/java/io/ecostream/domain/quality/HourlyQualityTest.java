package io.ecostream.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.RecentHours;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HourlyQualityTest {

  private static final double NONE = Double.NaN;
  private final QualityRules rules = QualityRules.defaults();

  /**
   * The flags of consecutive hours of one pollutant (NaN: no value) once a station's ring, where
   * the rules are applied, has taken them all in time order.
   */
  private QualityFlag[] flags(Pollutant pollutant, double... series) {
    RecentHours ring = RecentHours.empty(rules);
    double[] reading = new double[Pollutant.values().length];
    for (int hour = 0; hour < series.length; hour++) {
      Arrays.fill(reading, Double.NaN);
      reading[pollutant.ordinal()] = series[hour];
      ring.put(hour, reading);
    }
    QualityFlag[] flags = new QualityFlag[series.length];
    for (int hour = 0; hour < series.length; hour++) {
      flags[hour] = ring.flag(hour, pollutant);
    }
    return flags;
  }

  private static double[] repeat(double value, int hours) {
    double[] series = new double[hours];
    Arrays.fill(series, value);
    return series;
  }

  @Test
  void shouldFlagLoggerSentinelsBeforeTheirSign() {
    assertThat(flags(Pollutant.PM2_5, 35, -999, 9_999, 36))
        .containsExactly(null, QualityFlag.SENTINEL, QualityFlag.SENTINEL, null);
  }

  @Test
  void shouldFlagNegativeAndOutOfRangeValues() {
    // CO above 150 mg/m³ and PM10 above 5 000 µg/m³ have never been measured in China
    assertThat(flags(Pollutant.CO, 0.8, -0.1, 151, 0.9))
        .containsExactly(null, QualityFlag.NEGATIVE, QualityFlag.RANGE, null);
    assertThat(flags(Pollutant.PM10, 4_999, 5_001)).containsExactly(null, QualityFlag.RANGE);
  }

  @Test
  void shouldFlagARunOfTwelveEqualHoursAndNotOfEleven() {
    assertThat(flags(Pollutant.NO2, repeat(48, 11))).containsOnlyNulls();
    assertThat(flags(Pollutant.NO2, repeat(48, 12))).containsOnly(QualityFlag.STUCK);
  }

  @Test
  void shouldNotFlagLowValuesRepeatingAtTheInstrumentsResolution() {
    // SO2 of 10 µg/m³ all day is a clean day (Zaozhuang, 12 July 2022), not a frozen analyser
    // (floor 20)
    assertThat(flags(Pollutant.SO2, repeat(10, 20))).containsOnlyNulls();
    assertThat(flags(Pollutant.SO2, repeat(20, 12))).containsOnly(QualityFlag.STUCK);
    assertThat(flags(Pollutant.CO, repeat(0.5, 20))).containsOnlyNulls();
  }

  @Test
  void shouldBreakAStuckRunAtAMissingHour() {
    double[] series = repeat(60, 20);
    series[8] = NONE;
    assertThat(flags(Pollutant.PM2_5, series)).containsOnlyNulls();
  }

  @Test
  void shouldFlagASingleHourFarAboveBothNeighbours() {
    // 450 > 4 x 80 = 320 and 450 - 80 = 370 > 100
    assertThat(flags(Pollutant.PM2_5, 60, 450, 80)).containsExactly(null, QualityFlag.SPIKE, null);
  }

  @Test
  void shouldNotFlagTheRiseOfARealEpisodeThatStaysUp() {
    // fireworks: 60 then 450 and 430: the next hour stays up
    assertThat(flags(Pollutant.PM2_5, 60, 450, 430)).containsOnlyNulls();
  }

  @Test
  void shouldNotFlagASmallAbsoluteJumpOfALowValue() {
    // 40 is 5 x 8 but only 32 µg/m³ above: noise at a clean station
    assertThat(flags(Pollutant.PM2_5, 8, 40, 7)).containsOnlyNulls();
  }

  @Test
  void shouldNotJudgeASpikeWithoutBothNeighbours() {
    assertThat(flags(Pollutant.PM2_5, 60, 450)).containsOnlyNulls();
    assertThat(flags(Pollutant.PM2_5, 60, 450, NONE, 80)).containsOnlyNulls();
  }

  @Test
  void shouldJudgeASpikeAgainstNeighboursThatPassedTheirOwnChecks() {
    // the sentinel after the spike is no neighbour
    assertThat(flags(Pollutant.PM2_5, 60, 450, -999))
        .containsExactly(null, null, QualityFlag.SENTINEL);
  }
}
