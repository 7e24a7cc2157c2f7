package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.DailyAqi;
import io.ecostream.domain.air.Iaqi;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DailyRecordTest {

  private static final LocalDate DAY = LocalDate.of(2026, 4, 1);

  @Test
  void shouldBeValidExactlyWhenTheDailyAqiIsPublished() {
    // docs/standards.md#worked-aqi-examples, 2026 daily:
    // SO2 10, NO2 45, PM10 120, PM2.5 80, CO 1.2, O3 8h 130 → AQI 119.
    PollutantValues values = new PollutantValues(10, 45, 120, 80, 1.2, 130);
    AqiResult aqi =
        DailyAqi.builder(AqiEdition.HJ_633_2026)
            .so2(10.0)
            .no2(45.0)
            .pm10(120.0)
            .pm25(80.0)
            .co(1.2)
            .o3Max8h(130.0)
            .compute();

    DailyRecord record = DailyRecord.of(DAY, values, aqi, false);

    assertThat(record.aqi()).isEqualTo(119);
    assertThat(record.valid()).isTrue();
    assertThat(record.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(record.values()).isEqualTo(values);
  }

  @Test
  void shouldNotBeValidWithoutAPublishedAqi() {
    // HJ 633-2026 §5.3.1: O3 missing and the others ≤ 100 → no AQI, so not a valid day.
    AqiResult aqi =
        DailyAqi.builder(AqiEdition.HJ_633_2026)
            .so2(8.0)
            .no2(30.0)
            .pm10(60.0)
            .pm25(30.0)
            .co(0.8)
            .compute();

    DailyRecord record =
        DailyRecord.of(DAY, new PollutantValues(8, 30, 60, 30, 0.8, Double.NaN), aqi, false);

    assertThat(record.aqi()).isEqualTo(Iaqi.NONE);
    assertThat(record.valid()).isFalse();
    assertThat(record.category()).isNull();
  }

  @Test
  void shouldRejectImpossibleValues() {
    assertThatThrownBy(() -> new DailyRecord(DAY, -1, 0, 0, 0, 0, 0, 50, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SO2");
    assertThatThrownBy(
            () -> new DailyRecord(DAY, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0, 50, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CO");
    assertThatThrownBy(() -> new DailyRecord(DAY, 0, 0, 0, 0, 0, 0, 501, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DailyRecord(DAY, 0, 0, 0, 0, 0, 0, -2, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
