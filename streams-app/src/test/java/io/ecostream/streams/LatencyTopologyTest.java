package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.topics.SentAtHeader;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end latency histogram ecostream.latency: from the send time in a reading's header to
 * the forwarding of its station-hour figure and of the city-hour figure that includes it, on the
 * driver's wall clock. Binzhou has two stations here, so its hour settles when both have reported.
 */
class LatencyTopologyTest {

  @TempDir Path stateDir;

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  /** The driver's wall clock at start; the punctuations fall at T0 + 1 s, T0 + 2 s, … */
  private static final Instant T0 = Instant.parse("2024-01-16T00:00:00Z");

  @AutoClose private PipelineTestDriver pipeline;
  private TestOutputTopic<String, StationHourlyAqi> stationHourly;
  private TestOutputTopic<String, CityHourlyAqi> cityHourly;

  @BeforeEach
  void startWithBothStationsKnown() {
    pipeline = PipelineTestDriver.start(AirReadings.CONSTANT_HOURS_SETTINGS, stateDir, T0);
    stationHourly = pipeline.output(pipeline.topics().stationHourly());
    cityHourly = pipeline.output(pipeline.topics().cityHourly());
    // Without the header (another producer): processed, not measured.
    pipeline.pipe(pm25("BZ-A01", "binzhou", DAY.atTime(9, 0), 40));
    pipeline.pipe(pm25("BZ-A02", "binzhou", DAY.atTime(9, 0), 50));
    pipeline.advanceWallClockTime(Duration.ofSeconds(1)); // T0 + 1 s: the punctuation
    stationHourly.readRecordsToList();
    cityHourly.readRecordsToList();
  }

  @Test
  void shouldMeasureEachReadingToItsStationHourAndToTheCityHourItsLastStationCompleted() {
    Instant t1 = T0.plusSeconds(1);
    // A: sent 400 ms before it is read at T1; B: sent at T1 + 100 ms, read at T1 + 300 ms, and
    // completes the city's hour 10 then.
    pipeline.pipe(pm25("BZ-A01", "binzhou", DAY.atTime(10, 0), 60), t1.minusMillis(400));
    pipeline.advanceWallClockTime(Duration.ofMillis(300)); // before the punctuation at T0 + 2 s
    pipeline.pipe(pm25("BZ-A02", "binzhou", DAY.atTime(10, 0), 70), t1.plusMillis(100));

    // station-hourly: A 400 ms, B 200 ms
    assertTimer("station-hourly", 2, 600, 400);
    // city-hourly, forwarded at T1 + 300 ms: A 300 - (-400) = 700 ms, B 300 - 100 = 200 ms
    assertTimer("city-hourly", 2, 900, 700);
    assertThat(cityHourly.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("binzhou@2024-01-15T10");
  }

  @Test
  void shouldMeasureAnIncompleteHourAtThePunctuationThatPublishesIt() {
    Instant t1 = T0.plusSeconds(1);
    pipeline.advanceWallClockTime(Duration.ofMillis(500));
    // Read at T1 + 500 ms, sent 150 ms before; BZ-A02 never reports hour 11.
    pipeline.pipe(pm25("BZ-A01", "binzhou", DAY.atTime(11, 0), 60), t1.plusMillis(350));
    assertTimer("city-hourly", 0, 0, 0);

    pipeline.advanceWallClockTime(Duration.ofMillis(500)); // T0 + 2 s: the punctuation

    assertTimer("station-hourly", 1, 150, 150);
    // 2 000 - 1 350 = 650 ms
    assertTimer("city-hourly", 1, 650, 650);
  }

  @Test
  void shouldNotMeasureADuplicateThatChangesNoFigure() {
    Instant t1 = T0.plusSeconds(1);
    pipeline.pipe(pm25("BZ-A01", "binzhou", DAY.atTime(9, 0), 40), t1.minusMillis(100));

    assertTimer("station-hourly", 0, 0, 0);
    assertThat(stationHourly.readRecordsToList()).isEmpty();
  }

  @Test
  void shouldCarryTheSendTimeOnTheStationHourButKeepItsValue() {
    pipeline.pipe(pm25("BZ-A01", "binzhou", DAY.atTime(10, 0), 60), T0.plusMillis(900));
    pipeline.pipe(pm25("BZ-A02", "binzhou", DAY.atTime(10, 0), 60));

    List<TestRecord<String, StationHourlyAqi>> published = stationHourly.readRecordsToList();
    assertThat(published)
        .extracting(TestRecord::getKey)
        .containsExactly("BZ-A01@2024-01-15T10", "BZ-A02@2024-01-15T10");
    TestRecord<String, StationHourlyAqi> withHeader = published.get(0);
    TestRecord<String, StationHourlyAqi> without = published.get(1);
    assertThat(SentAtHeader.millis(withHeader.headers()))
        .isEqualTo(T0.plusMillis(900).toEpochMilli());
    assertThat(SentAtHeader.millis(without.headers())).isEqualTo(SentAtHeader.ABSENT);
    assertThat(withHeader.value().getAqi()).isEqualTo(without.value().getAqi());
  }

  private void assertTimer(String figure, long count, double totalMillis, double maxMillis) {
    Timer timer =
        pipeline.metrics().registry().get("ecostream.latency").tag("figure", figure).timer();
    assertThat(timer.count()).as("count").isEqualTo(count);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).as("total").isEqualTo(totalMillis);
    assertThat(timer.max(TimeUnit.MILLISECONDS)).as("max").isEqualTo(maxMillis);
  }
}
