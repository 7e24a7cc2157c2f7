package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.BEIJING;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.domain.stats.ValidityRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StationHourlyAqiMapperTest {

  private final StationHourlyAqiMapper mapper =
      new StationHourlyAqiMapper(BEIJING, ValidityRules.defaults());
  private final RecentHours ring =
      RecentHours.empty(QualityRules.defaults().withStuckHours(QualityRules.OFF));

  private static long hour(LocalDateTime local) {
    return StationHourlyAqiMapper.epochHour(local.atZone(BEIJING).toInstant());
  }

  /** Values in {@link Pollutant} order: SO2, NO2, PM10, PM2.5, CO, O3. */
  private long put(
      LocalDateTime local, double so2, double no2, double pm10, double pm25, double co, double o3) {
    long hour = hour(local);
    ring.put(hour, new double[] {so2, no2, pm10, pm25, co, o3});
    return hour;
  }

  private StationHourlyAqi figure(long hour) {
    return mapper.figure("BZ-A01", "binzhou", hour, ring, 1);
  }

  @Test
  void shouldRateTheLastHourBeforeMarchFirst2026ByHj633Of2012() {
    long h = put(LocalDateTime.of(2026, 2, 28, 23, 0), 10, 45, 120, 80, 1.2, 150);

    StationHourlyAqi hour = figure(h);

    assertThat(hour.getEdition()).isEqualTo(AqiEdition.HJ_633_2012);
    // 1-hour tables: SO2 0-150 -> ceil(50*10/150) = 4; NO2 0-100 -> ceil(50*45/100) = 23;
    // CO 0-5 -> ceil(50*1.2/5) = 12; O3 0-160 -> ceil(50*150/160) = 47.
    assertThat(hour.getIaqiSo2()).isEqualTo(4);
    assertThat(hour.getIaqiNo2()).isEqualTo(23);
    assertThat(hour.getIaqiCo()).isEqualTo(12);
    assertThat(hour.getIaqiO3()).isEqualTo(47);
    // PM on the 2012 daily table: PM10 50-150 -> 50 + ceil(50*70/100) = 85;
    // PM2.5 75-115 -> 100 + ceil(50*5/40) = 107.
    assertThat(hour.getIaqiPm10()).isEqualTo(85);
    assertThat(hour.getIaqiPm25()).isEqualTo(107);
    assertThat(hour.getAqi()).isEqualTo(107);
    assertThat(hour.getCategory()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(hour.getPrimaryPollutants()).containsExactly("PM2.5");
    assertThat(hour.getLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(hour.getLocalHour()).isEqualTo(23);
    // one hour only: no valid moving mean (20 of 24 hours, 6 of 8 needed)
    assertThat(hour.getPm25Moving24h()).isNull();
    assertThat(hour.getO3Moving8h()).isNull();
    assertThat(hour.getIaqiPm25Moving24h()).isNull();
  }

  @Test
  void shouldRateTheFirstHourOfMarchFirst2026ByHj633Of2026() {
    long h = put(LocalDateTime.of(2026, 3, 1, 0, 0), 10, 45, 120, 80, 1.2, 150);

    StationHourlyAqi hour = figure(h);

    assertThat(hour.getEdition()).isEqualTo(AqiEdition.HJ_633_2026);
    // 2026 daily table: PM10 50-120 -> 50 + ceil(50*70/70) = 100; PM2.5 60-115 -> 100 +
    // ceil(50*20/55) = 119.
    assertThat(hour.getIaqiPm10()).isEqualTo(100);
    assertThat(hour.getIaqiPm25()).isEqualTo(119);
    assertThat(hour.getAqi()).isEqualTo(119);
    assertThat(hour.getPrimaryPollutants()).containsExactly("PM2.5");
  }

  /**
   * 23 hours of PM2.5 120, then an hour of 24, the other pollutants steady (SO2 10, NO2 20, PM10
   * 100, CO 0.5, O3 50). PM2.5 24-hour moving mean (23 * 120 + 24) / 24 = 116.
   */
  private long dayEndingWithACleanHour(LocalDate day) {
    for (int h = 0; h < 23; h++) {
      put(day.atTime(h, 0), 10, 20, 100, 120, 0.5, 50);
    }
    return put(day.atTime(23, 0), 10, 20, 100, 24, 0.5, 50);
  }

  @Test
  void shouldRateThe24HourMovingMeanInTheRealTimeAqiOf2012() {
    StationHourlyAqi hour = figure(dayEndingWithACleanHour(LocalDate.of(2024, 1, 15)));

    assertThat(hour.getPm25Moving24h()).isEqualTo(116.0);
    assertThat(hour.getPm10Moving24h()).isEqualTo(100.0);
    assertThat(hour.getO3Moving8h()).isEqualTo(50.0);
    // PM2.5 24 h 116: 115-150 -> 150 + ceil(50 * 1 / 35) = 152; PM2.5 1 h 24 -> ceil(50 * 24 / 35)
    // = 35
    assertThat(hour.getIaqiPm25Moving24h()).isEqualTo(152);
    assertThat(hour.getIaqiPm25()).isEqualTo(35);
    // PM10 100 on 50-150 -> 50 + ceil(50 * 50 / 100) = 75, from the 1-hour value and the 24-hour
    // mean
    assertThat(hour.getIaqiPm10()).isEqualTo(75);
    assertThat(hour.getIaqiPm10Moving24h()).isEqualTo(75);
    // O3 8 h 50 on 0-100 -> 25; O3 1 h 50 on 0-160 -> ceil(15.625) = 16
    assertThat(hour.getIaqiO3Moving8h()).isEqualTo(25);
    assertThat(hour.getIaqiO3()).isEqualTo(16);
    assertThat(hour.getAqi()).isEqualTo(152);
    assertThat(hour.getCategory()).isEqualTo(AqiCategory.MODERATELY_POLLUTED);
    assertThat(hour.getPrimaryPollutants()).containsExactly("PM2.5");
    // the national platform's figure, from the 1-hour values alone: PM10 75 is the highest
    assertThat(hour.getAqi1h()).isEqualTo(75);
  }

  @Test
  void shouldLeaveTheMovingMeansOutOfTheRealTimeAqiOf2026() {
    StationHourlyAqi hour = figure(dayEndingWithACleanHour(LocalDate.of(2026, 6, 1)));

    assertThat(hour.getPm25Moving24h()).as("still published").isEqualTo(116.0);
    assertThat(hour.getIaqiPm25Moving24h()).isNull();
    assertThat(hour.getIaqiO3Moving8h()).isNull();
    // PM10 1 h 100 on the 2026 table 50-120 -> 50 + ceil(50 * 50 / 70) = 86; PM2.5 1 h 24 -> 35
    assertThat(hour.getAqi()).isEqualTo(86);
    assertThat(hour.getAqi1h()).isEqualTo(86);
    assertThat(hour.getPrimaryPollutants()).containsExactly("PM10");
  }

  @Test
  void shouldRateSo2Above800From24HourMeanUnder2012() {
    LocalDate day = LocalDate.of(2015, 1, 10);
    for (int h = 0; h < 23; h++) {
      put(day.atTime(h, 0), 100, 20, 40, 20, 0.5, 50);
    }
    long h = put(day.atTime(23, 0), 900, 20, 40, 20, 0.5, 50);

    StationHourlyAqi hour = figure(h);

    // SO2 24 h (23 * 100 + 900) / 24 = 133.3 -> 133 on 50-150 -> 50 + ceil(50 * 83 / 100) = 92
    assertThat(hour.getIaqiSo2()).as("no 1-hour IAQI above 800").isNull();
    assertThat(hour.getIaqiSo2Moving24h()).isEqualTo(92);
    assertThat(hour.getAqi()).isEqualTo(92);
    assertThat(hour.getPrimaryPollutants()).containsExactly("SO2");
    // without the 24-hour mean SO2 has no IAQI; the other five stay at or below 100: not published
    assertThat(hour.getAqi1h()).isNull();
  }

  @Test
  void shouldPublishNoAqiWhenAPollutantIsMissingAndTheOthersStayAtOrBelow100() {
    long h = hour(LocalDateTime.of(2024, 7, 1, 15, 0));
    double[] values = {Double.NaN, Double.NaN, Double.NaN, 20, Double.NaN, Double.NaN};
    ring.put(h, values);

    StationHourlyAqi hour = figure(h);

    assertThat(hour.getIaqiPm25()).isEqualTo(29); // ceil(50*20/35) = ceil(28.57)
    assertThat(hour.getAqi()).isNull();
    assertThat(hour.getCategory()).isNull();
    assertThat(hour.getPrimaryPollutants()).isEmpty();
  }

  @Test
  void shouldGiveTheRollingMeanWithTheHoursItWasComputedFrom() {
    long h = dayEndingWithACleanHour(LocalDate.of(2024, 1, 15));
    Pm25Rolling rolling = mapper.rolling("BZ-A01", "binzhou", ring, h);

    assertThat(rolling.getScope()).isEqualTo(RollingScope.STATION);
    assertThat(rolling.getId()).isEqualTo("BZ-A01");
    assertThat(rolling.getCityId()).isEqualTo("binzhou");
    assertThat(rolling.getPm25Mean24h()).isEqualTo(116.0);
    assertThat(rolling.getBasis()).isEqualTo(24);
    assertThat(rolling.getLocalHour()).isEqualTo(23);
  }

  @Test
  void shouldKeyByStationAndLocalStartHour() {
    assertThat(key("BZ-A01", LocalDateTime.of(2026, 3, 1, 7, 0))).isEqualTo("BZ-A01@2026-03-01T07");
    assertThat(key("BZ-A01", LocalDateTime.of(2026, 3, 1, 17, 0)))
        .isEqualTo("BZ-A01@2026-03-01T17");
  }

  private static String key(String station, LocalDateTime localStart) {
    return HourKeys.key(
        station, HourKeys.localHour(StationHourlyAqiMapper.hourStart(hour(localStart)), BEIJING));
  }
}
