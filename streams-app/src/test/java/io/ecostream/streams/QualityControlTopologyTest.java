package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.BEIJING;
import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static io.ecostream.streams.PipelineTestDriver.latestByKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.AlertStatus;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.FlaggedValue;
import io.ecostream.avro.QualityFlag;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quality control, late and future readings and silent stations, with the default settings. */
class QualityControlTopologyTest {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  /** The driver's wall clock: the readings of {@link #DAY} are in the past, not in the future. */
  private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");

  @TempDir Path stateDir;

  @AutoClose private PipelineTestDriver pipeline;
  private TestOutputTopic<String, StationHourlyAqi> stationHourly;
  private TestOutputTopic<String, CityDaily> cityDaily;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private TestOutputTopic<String, Alert> alerts;

  @BeforeEach
  void startPipeline() {
    pipeline = PipelineTestDriver.start(PipelineSettings.defaults(), stateDir, NOW);
    EcostreamTopics topics = pipeline.topics();
    stationHourly = pipeline.output(topics.stationHourly());
    cityDaily = pipeline.output(topics.cityDaily());
    deadLetters = pipeline.output(topics.deadLetters());
    alerts = pipeline.output(topics.alerts());
  }

  /** 35 and 45 µg/m³ in turn: no run, no spike. */
  private static double alternating(int h) {
    return h % 2 == 0 ? 35 : 45;
  }

  @Test
  void shouldFlagASentinelKeepItOnTheHourAndLeaveItOutOfTheDay() {
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), h == 5 ? 9_999 : alternating(h)));
    }

    Map<String, StationHourlyAqi> hours = latestByKey(stationHourly.readKeyValuesToList());
    StationHourlyAqi five = hours.get("BZ-A01@2024-01-15T05");
    assertThat(five.getPm25()).isNull();
    assertThat(five.getAqi()).isNull();
    assertThat(five.getQualityFlags())
        .containsExactly(new FlaggedValue("PM2.5", QualityFlag.SENTINEL, 9_999.0));
    assertThat(hours.get("BZ-A01@2024-01-15T06").getQualityFlags()).isEmpty();
    CityDaily day = latestByKey(cityDaily.readKeyValuesToList()).get("binzhou@2024-01-15");
    // 12 hours of 35 and 11 of 45: 23 hours, still a valid day (20 needed)
    assertThat(day.getPm25()).isEqualTo((12 * 35 + 11 * 45) / 23.0);
    assertThat(pipeline.metrics().qualityFlaggedCount("sentinel", "PM2.5")).isEqualTo(1);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldFlagAStuckRunFromItsFirstHourOnceItReachesTwelveHours() {
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), h < 12 ? 57 : alternating(h)));
    }

    Map<String, StationHourlyAqi> hours = latestByKey(stationHourly.readKeyValuesToList());
    for (int h = 0; h < 12; h++) {
      StationHourlyAqi hour = hours.get(String.format("BZ-A01@2024-01-15T%02d", h));
      assertThat(hour.getPm25()).as("hour %d", h).isNull();
      assertThat(hour.getQualityFlags())
          .extracting(FlaggedValue::getFlag)
          .containsExactly(QualityFlag.STUCK);
    }
    // hour 0 was published unflagged, then again when hour 11 completed the run
    assertThat(hours.get("BZ-A01@2024-01-15T00").getRevision()).isEqualTo(2);
    // 12 usable hours of 24: too few for a daily mean (20 needed)
    CityDaily day = latestByKey(cityDaily.readKeyValuesToList()).get("binzhou@2024-01-15");
    assertThat(day.getPm25()).isNull();
    assertThat(pipeline.metrics().qualityFlaggedCount("stuck", "PM2.5")).isEqualTo(12);
  }

  @Test
  void shouldDeadLetterAReadingFurtherBehindThanTheGrace() {
    pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(0, 0), 40));
    pipeline.send(pm25("BZ-A02", "binzhou", DAY.plusDays(2).atTime(1, 0), 40)); // 49 h later

    pipeline.send(pm25("BZ-A03", "binzhou", DAY.atTime(1, 0), 40)); // 48 h behind: still in time
    pipeline.send(pm25("BZ-A03", "binzhou", DAY.atTime(0, 0), 41)); // 49 h behind: late

    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).extracting(DeadLetter::getReason).containsExactly("late");
    assertThat(letters.get(0).getDetail()).contains("49 h behind").contains("grace is 48 h");
    assertThat(pipeline.metrics().deadLetterCount("late")).isEqualTo(1);
    assertThat(latestByKey(stationHourly.readKeyValuesToList()))
        .containsKey("BZ-A03@2024-01-15T01");
  }

  @Test
  void shouldDeadLetterAFutureReadingWithoutMovingEventTimeOn() {
    pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(0, 0), 40));
    // a station whose clock runs fast: two hours ahead of the wall clock, past the 1-hour margin
    pipeline.send(
        reading("BZ-A09", "binzhou", LocalDateTime.ofInstant(NOW.plusSeconds(2 * 3600), BEIJING))
            .setPm25(40.0)
            .build());
    // had the future reading moved event time on, this one would be late
    pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(1, 0), 40));

    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::getReason)
        .containsExactly("future");
    assertThat(latestByKey(stationHourly.readKeyValuesToList()))
        .containsOnlyKeys("BZ-A01@2024-01-15T00", "BZ-A02@2024-01-15T01");
  }

  @Test
  void shouldRaiseAndClearAStationSilentAlertByEventTime() {
    for (int h = 0; h < 12; h++) {
      if (h < 3 || h >= 10) {
        pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), alternating(h)));
      }
      pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), alternating(h)));
    }

    List<Alert> silent =
        alerts.readValuesToList().stream()
            .filter(a -> a.getType().equals("STATION_SILENT"))
            .toList();
    // BZ-A01 reported last at 02:00; at 08:00 six hours (03-08) have no reading
    assertThat(silent)
        .extracting(Alert::getStatus)
        .containsExactly(AlertStatus.RAISED, AlertStatus.CLEARED);
    assertThat(silent)
        .extracting(Alert::getAlertId)
        .containsOnly("station-silent@BZ-A01@2024-01-15T03");
    assertThat(silent.get(0).getEventTime())
        .isEqualTo(DAY.atTime(8, 0).atZone(BEIJING).toInstant());
    assertThat(silent.get(0).getValue()).isEqualTo(6.0);
    assertThat(silent.get(1).getEventTime())
        .isEqualTo(DAY.atTime(10, 0).atZone(BEIJING).toInstant());
    assertThat(silent.get(1).getValue()).isEqualTo(7.0); // 03-09
  }

  @Test
  void shouldRaiseAPollutantSilentAlertWhileTheStationStillReports() {
    for (int h = 0; h < 10; h++) {
      AirReading.Builder hour =
          reading("BZ-A01", "binzhou", DAY.atTime(h, 0)).setPm25(alternating(h));
      if (h < 2 || h == 9) {
        hour.setO3(60.0 + h);
      }
      pipeline.send(hour.build());
    }

    List<Alert> silent =
        alerts.readValuesToList().stream()
            .filter(a -> a.getType().equals("STATION_SILENT"))
            .toList();
    // O3 last at 01:00; the reading of 07:00 is the sixth hour without it (02-07)
    assertThat(silent)
        .extracting(Alert::getAlertId)
        .containsOnly("station-silent@BZ-A01@O3@2024-01-15T02");
    assertThat(silent)
        .extracting(Alert::getStatus)
        .containsExactly(AlertStatus.RAISED, AlertStatus.CLEARED);
    assertThat(silent.get(0).getEventTime())
        .isEqualTo(DAY.atTime(7, 0).atZone(BEIJING).toInstant());
  }
}
