package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.StationHourlyAqi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * The kernel phase's work is a stand-in, but it must do the work it stands for: a figure per
 * reading and per complete city-hour, with the IAQI of the HJ 633-2012 tables. Expected values are
 * worked from the tables: PM2.5 75 µg/m³ is a breakpoint (IAQI 100) of the 24-hour column that
 * 1-hour PM values use; PM10 50 likewise (50); SO2 1-hour 10 on 0–150 → ⌈50 × 10 / 150⌉ = 4; NO2
 * 1-hour 20 on 0–100 → 10; CO 1-hour 0.5 on 0–5 → 5; O3 1-hour 50 on 0–160 → ⌈15.6⌉ = 16; O3 8-hour
 * 50 on 0–100 → 25; SO2 24-hour 10 on 0–50 → 10.
 */
class KernelTopologyTest {

  private static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void shouldPublishEveryStationHourAndEveryCompleteCityHourWithTheTablesIaqi() {
    KernelTopology.HourlyKernel kernel = new KernelTopology.HourlyKernel();
    MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
    kernel.init(context);

    for (int hour = 0; hour < 24; hour++) {
      for (String station : List.of("S1", "S2")) {
        kernel.process(reading(station, hour, 75.0));
      }
    }

    List<StationHourlyAqi> stationHours = forwarded(context, StationHourlyAqi.class);
    List<CityHourlyAqi> cityHours = forwarded(context, CityHourlyAqi.class);
    assertThat(stationHours).hasSize(48);
    // A city's stations are those it has seen: S1's first reading completes the first hour of a
    // city of one station, S2's completes it again for two; every later hour once.
    assertThat(cityHours).hasSize(25);
    StationHourlyAqi last = stationHours.get(47);
    assertThat(last.getStationId()).isEqualTo("S2");
    assertThat(last.getLocalDate()).as("the UTC day").isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(last.getLocalHour()).isEqualTo(23);
    assertThat(
            List.of(
                last.getIaqiPm25(),
                last.getIaqiPm10(),
                last.getIaqiSo2(),
                last.getIaqiNo2(),
                last.getIaqiCo(),
                last.getIaqiO3(),
                last.getAqi()))
        .containsExactly(100, 50, 4, 10, 5, 16, 100);
    assertThat(last.getPm25Moving24h()).isEqualTo(75.0);
    assertThat(last.getIaqiPm25Moving24h()).isEqualTo(100);
    assertThat(last.getSo2Moving24h()).isEqualTo(10.0);
    assertThat(last.getIaqiSo2Moving24h()).isEqualTo(10);
    assertThat(last.getO3Moving8h()).isEqualTo(50.0);
    assertThat(last.getIaqiO3Moving8h()).isEqualTo(25);
    assertThat(stationHours.get(2 * 18 + 1).getPm25Moving24h())
        .as("19 hours are fewer than a 24-hour mean needs")
        .isNull();
    assertThat(stationHours.get(2 * 19 + 1).getPm25Moving24h()).isEqualTo(75.0);
    assertThat(cityHours.get(0).getStationsReporting()).isEqualTo(1);
    assertThat(cityHours.get(24).getAqi()).isEqualTo(100);
    assertThat(cityHours.get(24).getStationsReporting()).isEqualTo(2);
    assertThat(kernel.heavyDays()).isZero();
  }

  @Test
  void shouldJudgeTheCitysDaySoFarAtEachCompleteHour() {
    KernelTopology.HourlyKernel kernel = new KernelTopology.HourlyKernel();
    kernel.init(new MockProcessorContext<>());

    // PM2.5 200 on the 24-hour column: 150–250 → 200 + 100 × 50 / 100 = 250, heavy (over 200).
    for (int hour = 0; hour < 3; hour++) {
      for (String station : List.of("S1", "S2")) {
        kernel.process(reading(station, hour, 200.0));
      }
    }
    kernel.process(reading("S1", 3, 200.0));

    // Judged at each complete hour: hour 0 twice (a city of one station, then of two), hours 1 and
    // 2 once; hour 3 is incomplete.
    assertThat(kernel.heavyDays()).isEqualTo(4);
  }

  private static Record<String, AirReading> reading(String station, int hour, double pm25) {
    Instant start = DAY.plus(hour, ChronoUnit.HOURS);
    AirReading reading =
        AirReading.newBuilder()
            .setStationId(station)
            .setCityId("C1")
            .setHourStart(start)
            .setPm25(pm25)
            .setPm10(50.0)
            .setSo2(10.0)
            .setNo2(20.0)
            .setCo(0.5)
            .setO3(50.0)
            .build();
    return new Record<>("C1", reading, start.toEpochMilli());
  }

  private static <T> List<T> forwarded(
      MockProcessorContext<String, SpecificRecord> context, Class<T> type) {
    return context.forwarded().stream()
        .map(forward -> forward.record().value())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
