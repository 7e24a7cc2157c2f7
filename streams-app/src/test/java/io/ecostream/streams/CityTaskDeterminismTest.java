package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The city task's alerts are a function of its input alone: the same readings give the same alert
 * records, in the same order, with the same event times and messages, whether a punctuation (which
 * publishes the cities' newest figures) runs after every reading, now and then, or never. Restarts,
 * crashes and a second instance need a broker (the driver wipes its state when it closes): the cli
 * module's FaultToleranceIT checks those.
 */
class CityTaskDeterminismTest {

  @TempDir Path stateDir;

  private static final LocalDate DAY = LocalDate.of(2024, 1, 14);
  private static final List<String> STATIONS = List.of("BZ-A01", "BZ-A02", "BZ-A03");

  /**
   * Three stations: an ordinary day, two heavily polluted days (PM2.5 around 250: AQI above 300),
   * an ordinary day and the first hours of the next, which close it; then a late correction of the
   * first heavy day's night.
   */
  private static List<AirReading> fourDaysWithAnEpisode() {
    List<AirReading> readings = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      boolean heavy = day == 1 || day == 2;
      for (int h = 0; h < (day == 4 ? 3 : 24); h++) {
        for (int s = 0; s < STATIONS.size(); s++) {
          double pm25 = heavy ? 240 + 10 * s + (h % 5) : 30 + 5 * s + (h % 4);
          readings.add(
              reading(STATIONS.get(s), "binzhou", DAY.plusDays(day).atTime(h, 0))
                  .setSo2(10.0 + s)
                  .setNo2(40.0 + h % 3)
                  .setPm10(pm25 * 1.4)
                  .setPm25(pm25)
                  .setCo(1.0)
                  .setO3(60.0 + h)
                  .build());
        }
      }
    }
    readings.add(
        reading("BZ-A01", "binzhou", DAY.plusDays(1).atTime(2, 0))
            .setSo2(10.0)
            .setNo2(40.0)
            .setPm10(150.0)
            .setPm25(110.0)
            .setCo(1.0)
            .setO3(60.0)
            .build());
    return readings;
  }

  /** The alerts and the last city-daily figure of each day of one run. */
  private record Run(List<KeyValue<String, Alert>> alerts, Map<String, CityDaily> daily) {}

  /**
   * @param punctuateEvery a commit interval of wall-clock time after every this many readings; 0:
   *     only after the last one
   */
  private static Run run(Path dir, List<AirReading> readings, int punctuateEvery) {
    try (PipelineTestDriver pipeline =
        PipelineTestDriver.start(AirReadings.CONSTANT_HOURS_SETTINGS, dir)) {
      for (int i = 0; i < readings.size(); i++) {
        pipeline.pipe(readings.get(i));
        if (punctuateEvery > 0 && (i + 1) % punctuateEvery == 0) {
          pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
        }
      }
      pipeline.advanceWallClockTime(PipelineTestDriver.COMMIT_INTERVAL);
      List<KeyValue<String, Alert>> alerts =
          pipeline.output(pipeline.topics().alerts()).readKeyValuesToList();
      Map<String, CityDaily> daily =
          PipelineTestDriver.latestByKey(
              pipeline.output(pipeline.topics().cityDaily()).readKeyValuesToList());
      return new Run(alerts, daily);
    }
  }

  @Test
  void shouldDecideTheSameAlertsWhetherTheNewestFiguresArePublishedAfterEveryReadingOrNever() {
    List<AirReading> readings = fourDaysWithAnEpisode();

    Run everyReading = run(stateDir.resolve("every"), readings, 1);
    Run never = run(stateDir.resolve("never"), readings, 0);
    Run sometimes = run(stateDir.resolve("sometimes"), readings, 7);

    assertThat(everyReading.alerts())
        .extracting(kv -> kv.value.getAlertId() + " " + kv.value.getStatus())
        .contains(
            "heavy-pollution@binzhou@2024-01-15 PROVISIONAL",
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED",
            "heavy-pollution@binzhou@2024-01-16 CONFIRMED",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED",
            "heavy-pollution-episode@binzhou@2024-01-15 CLEARED");
    assertThat(never.alerts()).isEqualTo(everyReading.alerts());
    assertThat(sometimes.alerts()).isEqualTo(everyReading.alerts());
    assertThat(never.daily()).isEqualTo(everyReading.daily());
    assertThat(sometimes.daily()).isEqualTo(everyReading.daily());
  }
}
