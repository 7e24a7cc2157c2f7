package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.BEIJING;
import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.StationHourlyAqi;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class StationHourlyAqiMapperTest {

  private final StationHourlyAqiMapper mapper = new StationHourlyAqiMapper(BEIJING);

  /** SO2 10, NO2 45, CO 1.2, O3 150, PM10 120, PM2.5 80 in the hour starting at {@code at}. */
  private static AirReading typicalWinterHour(LocalDateTime at) {
    return reading("BZ-A01", "binzhou", at)
        .setSo2(10.0)
        .setNo2(45.0)
        .setCo(1.2)
        .setO3(150.0)
        .setPm10(120.0)
        .setPm25(80.0)
        .build();
  }

  @Test
  void shouldRateTheLastHourBeforeMarchFirst2026ByHj633Of2012() {
    StationHourlyAqi hour = mapper.toHourlyAqi(typicalWinterHour(LocalDateTime.of(2026, 2, 28, 23, 0)));

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
  }

  @Test
  void shouldRateTheFirstHourOfMarchFirst2026ByHj633Of2026() {
    StationHourlyAqi hour = mapper.toHourlyAqi(typicalWinterHour(LocalDateTime.of(2026, 3, 1, 0, 0)));

    assertThat(hour.getEdition()).isEqualTo(AqiEdition.HJ_633_2026);
    // 2026 daily table: PM10 50-120 -> 50 + ceil(50*70/70) = 100; PM2.5 60-115 -> 100 + ceil(50*20/55) = 119.
    assertThat(hour.getIaqiPm10()).isEqualTo(100);
    assertThat(hour.getIaqiPm25()).isEqualTo(119);
    assertThat(hour.getAqi()).isEqualTo(119);
    assertThat(hour.getPrimaryPollutants()).containsExactly("PM2.5");
  }

  @Test
  void shouldPublishNoAqiWhenAPollutantIsMissingAndTheOthersStayAtOrBelow100() {
    StationHourlyAqi hour =
        mapper.toHourlyAqi(
            reading("BZ-A01", "binzhou", LocalDateTime.of(2024, 7, 1, 15, 0)).setPm25(20.0).build());

    assertThat(hour.getIaqiPm25()).isEqualTo(29); // ceil(50*20/35) = ceil(28.57)
    assertThat(hour.getAqi()).isNull();
    assertThat(hour.getCategory()).isNull();
    assertThat(hour.getPrimaryPollutants()).isEmpty();
  }

  @Test
  void shouldKeyByStationAndLocalStartHour() {
    assertThat(mapper.key(typicalWinterHour(LocalDateTime.of(2026, 3, 1, 7, 0))))
        .isEqualTo("BZ-A01@2026-03-01T07");
  }
}
