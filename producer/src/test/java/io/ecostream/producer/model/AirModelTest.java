package io.ecostream.producer.model;

import static io.ecostream.producer.fixtures.Simulations.SEED;
import static io.ecostream.producer.fixtures.Simulations.days;
import static io.ecostream.producer.fixtures.Simulations.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.ReadingSink;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of a simulated year of air readings in three cities that span Shandong's range: coastal
 * Weihai (cleanest), Binzhou, inland Liaocheng (among the dirtiest).
 */
class AirModelTest {

  private static final LocalDate YEAR_2023 = LocalDate.of(2023, 1, 1);
  private static AirYear year;

  @BeforeAll
  static void simulateAYear() {
    year = new AirYear();
    days(SEED, YEAR_2023, 365)
        .water(false)
        .cities(List.of("weihai", "binzhou", "liaocheng"))
        .build(year)
        .run();
  }

  @Test
  void shouldKeepEveryConcentrationInAPlausibleRange() {
    assertThat(year.readings).isEqualTo(365 * 24 * (3 + 4 + 4));
    assertThat(year.min(AirReading::getPm25)).isGreaterThanOrEqualTo(1);
    assertThat(year.max(AirReading::getPm25)).isBetween(150.0, 1000.0);
    assertThat(year.max(AirReading::getPm10)).isLessThan(1500);
    assertThat(year.max(AirReading::getSo2)).isLessThan(300);
    assertThat(year.max(AirReading::getNo2)).isLessThan(300);
    assertThat(year.min(AirReading::getCo)).isGreaterThanOrEqualTo(0.1);
    assertThat(year.max(AirReading::getCo)).isLessThan(10);
    assertThat(year.max(AirReading::getO3)).isBetween(150.0, 450.0);
    assertThat(year.pm10BelowPm25).isZero();
    assertThat(year.notRoundedLikeTheFeed).isZero();
  }

  @Test
  void shouldHaveTheFineToCoarseRatioOfRealDustAndHaze() {
    double ratio =
        year.annual("binzhou", AirReading::getPm25) / year.annual("binzhou", AirReading::getPm10);

    assertThat(ratio).isBetween(0.45, 0.7);
  }

  @Test
  void shouldPolluteWinterMoreThanSummer() {
    assertThat(year.monthly("binzhou", 1, AirReading::getPm25))
        .isGreaterThan(1.5 * year.monthly("binzhou", 7, AirReading::getPm25));
    assertThat(year.monthly("binzhou", 1, AirReading::getNo2))
        .isGreaterThan(year.monthly("binzhou", 7, AirReading::getNo2));
  }

  @Test
  void shouldPeakOzoneOnSummerAfternoons() {
    double julyAfternoon = year.hourly("binzhou", 7, 15, AirReading::getO3);

    assertThat(julyAfternoon).isGreaterThan(year.hourly("binzhou", 7, 5, AirReading::getO3));
    assertThat(julyAfternoon).isGreaterThan(year.hourly("binzhou", 1, 15, AirReading::getO3));
  }

  @Test
  void shouldPeakTrafficPollutantsInTheMorningRushHour() {
    assertThat(year.hourly("binzhou", 1, 8, AirReading::getNo2))
        .isGreaterThan(year.hourly("binzhou", 1, 14, AirReading::getNo2));
    assertThat(year.hourly("binzhou", 1, 8, AirReading::getCo))
        .isGreaterThan(year.hourly("binzhou", 1, 15, AirReading::getCo));
  }

  @Test
  void shouldRankTheCitiesLikeTheirRealAnnualPm25() {
    double weihai = year.annual("weihai", AirReading::getPm25);
    double binzhou = year.annual("binzhou", AirReading::getPm25);
    double liaocheng = year.annual("liaocheng", AirReading::getPm25);

    assertThat(weihai).isLessThan(binzhou);
    assertThat(binzhou).isLessThan(liaocheng);
    assertThat(weihai).isBetween(21 * 0.8, 21 * 1.2);
    assertThat(binzhou).isBetween(38 * 0.8, 38 * 1.2);
    assertThat(liaocheng).isBetween(43 * 0.8, 43 * 1.2);
  }

  @Test
  void shouldBuildUpHazeEpisodesInWinterOnly() {
    // Heavy pollution: daily PM2.5 above 150 µg/m³ (AQI > 200), as reached at the end of a
    // build-up.
    assertThat(year.daysWithMeanPm25Above("liaocheng", 150)).isNotEmpty();
    assertThat(year.daysWithMeanPm25Above("liaocheng", 115))
        .allMatch(d -> d.getMonthValue() <= 3 || d.getMonthValue() >= 10);
    assertThat(year.daysWithMeanPm25Above("weihai", 150).size())
        .isLessThan(year.daysWithMeanPm25Above("liaocheng", 150).size());
  }

  /** A year of readings, with means per city, month, hour and day. */
  private static final class AirYear implements ReadingSink {
    int readings;
    int pm10BelowPm25;
    int notRoundedLikeTheFeed;
    private final List<AirReading> all = new ArrayList<>();

    @Override
    public void station(Station station) {}

    @Override
    public void air(AirReading r) {
      readings++;
      all.add(r);
      if (r.getPm10() < r.getPm25()) {
        pm10BelowPm25++;
      }
      for (double v : new double[] {r.getPm25(), r.getPm10(), r.getSo2(), r.getNo2(), r.getO3()}) {
        if (v != Math.rint(v)) {
          notRoundedLikeTheFeed++;
        }
      }
      if (Math.abs(r.getCo() * 10 - Math.rint(r.getCo() * 10)) > 1e-9) {
        notRoundedLikeTheFeed++;
      }
    }

    @Override
    public void water(WaterSample sample) {}

    @Override
    public void flush() {}

    double min(ToDoubleFunction<AirReading> value) {
      return all.stream().mapToDouble(value).min().orElseThrow();
    }

    double max(ToDoubleFunction<AirReading> value) {
      return all.stream().mapToDouble(value).max().orElseThrow();
    }

    double annual(String city, ToDoubleFunction<AirReading> value) {
      return all.stream()
          .filter(r -> r.getCityId().equals(city))
          .mapToDouble(value)
          .average()
          .orElseThrow();
    }

    double monthly(String city, int month, ToDoubleFunction<AirReading> value) {
      return all.stream()
          .filter(
              r -> r.getCityId().equals(city) && local(r.getHourStart()).getMonthValue() == month)
          .mapToDouble(value)
          .average()
          .orElseThrow();
    }

    double hourly(String city, int month, int hour, ToDoubleFunction<AirReading> value) {
      return all.stream()
          .filter(r -> r.getCityId().equals(city))
          .filter(
              r -> {
                LocalDateTime t = local(r.getHourStart());
                return t.getMonthValue() == month && t.getHour() == hour;
              })
          .mapToDouble(value)
          .average()
          .orElseThrow();
    }

    List<LocalDate> daysWithMeanPm25Above(String city, double threshold) {
      Map<LocalDate, double[]> days = new TreeMap<>();
      all.stream()
          .filter(r -> r.getCityId().equals(city))
          .forEach(
              r -> {
                double[] sum =
                    days.computeIfAbsent(local(r.getHourStart()).toLocalDate(), d -> new double[2]);
                sum[0] += r.getPm25();
                sum[1]++;
              });
      return days.entrySet().stream()
          .filter(e -> e.getValue()[0] / e.getValue()[1] > threshold)
          .map(Map.Entry::getKey)
          .toList();
    }
  }
}
