package io.ecostream.streams;

import static io.ecostream.streams.AirReadings.pm25;
import static io.ecostream.streams.AirReadings.reading;
import static io.ecostream.streams.PipelineTestDriver.latestByKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.AqiCategory;
import io.ecostream.avro.CityHourlyAqi;
import io.ecostream.avro.Pm25Rolling;
import io.ecostream.avro.RollingScope;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-time outputs of the production topology: station-hourly, city-hourly, pm25-rolling. */
class RealTimeTopologyTest {

  /** Own state directory: tests of other modules and worktrees may run at the same time. */
  @TempDir Path stateDir;

  private static final LocalDate DAY = LocalDate.of(2024, 1, 15);

  @AutoClose private PipelineTestDriver pipeline;
  private TestOutputTopic<String, StationHourlyAqi> stationHourly;
  private TestOutputTopic<String, CityHourlyAqi> cityHourly;
  private TestOutputTopic<String, Pm25Rolling> rolling;

  @BeforeEach
  void startPipeline() {
    pipeline = PipelineTestDriver.start(AirReadings.CONSTANT_HOURS_SETTINGS, stateDir);
    EcostreamTopics topics = pipeline.topics();
    stationHourly = pipeline.output(topics.stationHourly());
    cityHourly = pipeline.output(topics.cityHourly());
    rolling = pipeline.output(topics.pm25Rolling());
  }

  @Test
  void shouldRepublishTheLaterHoursWhoseMovingMeanALateHourChanges() {
    for (int h = 0; h < 24; h++) {
      if (h != 5) {
        pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), 30 + h));
      }
    }
    pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(5, 0), 35)); // late

    List<KeyValue<String, StationHourlyAqi>> published = stationHourly.readKeyValuesToList();
    // 23 hours in order, then the late hour 5 and the 18 held hours after it
    assertThat(published).hasSize(23 + 19);
    Map<String, StationHourlyAqi> latest = latestByKey(published);
    StationHourlyAqi last = latest.get("BZ-A01@2024-01-15T23");
    // 30 + 31 + ... + 53 = 996 over 24 hours = 41.5 (before the late hour: (996 - 35) / 23)
    assertThat(last.getPm25Moving24h()).isEqualTo(41.5);
    assertThat(last.getRevision()).isEqualTo(2);
    assertThat(latest.get("BZ-A01@2024-01-15T05").getRevision()).isEqualTo(1);
    assertThat(latest.get("BZ-A01@2024-01-15T04").getRevision())
        .as("not after the late hour")
        .isEqualTo(1);
  }

  @Test
  void shouldPublishADuplicateReadingOnceAndCountIt() {
    AirReading reading = pm25("BZ-A01", "binzhou", DAY.atTime(10, 0), 80);
    pipeline.send(reading);
    pipeline.send(reading);

    assertThat(stationHourly.readKeyValuesToList()).hasSize(1);
    assertThat(pipeline.metrics().realTimeSkippedCount("duplicate")).isEqualTo(1.0);
  }

  @Test
  void shouldRateTheCityHourFromTheMeansOfItsStations() {
    pipeline.send(
        reading("BZ-A01", "binzhou", DAY.atTime(10, 0))
            .setSo2(10.0)
            .setNo2(40.0)
            .setPm10(100.0)
            .setPm25(60.0)
            .setCo(1.0)
            .setO3(100.0)
            .build());
    pipeline.send(
        reading("BZ-A02", "binzhou", DAY.atTime(10, 0))
            .setSo2(20.0)
            .setNo2(60.0)
            .setPm10(140.0)
            .setPm25(80.0)
            .setCo(1.4)
            .setO3(100.0)
            .build());

    CityHourlyAqi city = latestByKey(cityHourly.readKeyValuesToList()).get("binzhou@2024-01-15T10");
    assertThat(city.getPm25()).isEqualTo(70.0);
    assertThat(city.getPm10()).isEqualTo(120.0);
    assertThat(city.getCo()).isEqualTo(1.2);
    assertThat(city.getStationsReporting()).isEqualTo(2);
    // 2012 1-hour IAQIs of the city means: SO2 15 -> 5, NO2 50 -> 25, PM10 120 -> 85,
    // PM2.5 70 -> 50 + ceil(50 * 35 / 40) = 94, CO 1.2 -> 12, O3 100 -> ceil(31.25) = 32.
    // (The mean of the two stations' AQIs, 82 and 107, would be 94.5: not what the standard asks.)
    assertThat(city.getIaqiPm25()).isEqualTo(94);
    assertThat(city.getIaqiSo2()).isEqualTo(5);
    assertThat(city.getIaqiNo2()).isEqualTo(25);
    assertThat(city.getIaqiO3()).isEqualTo(32);
    assertThat(city.getAqi()).isEqualTo(94);
    assertThat(city.getCategory()).isEqualTo(AqiCategory.GOOD);
    assertThat(city.getPrimaryPollutants()).containsExactly("PM2.5");
    assertThat(city.getRevision()).isEqualTo(2);
  }

  @Test
  void shouldPublishTheLatestRollingMeanOfEachStationAndOfTheCity() {
    for (int h = 0; h < 24; h++) {
      pipeline.send(pm25("BZ-A01", "binzhou", DAY.atTime(h, 0), 40)); // 24 h mean 40
      pipeline.send(pm25("BZ-A02", "binzhou", DAY.atTime(h, 0), h < 12 ? 50 : 70)); // 24 h mean 60
    }
    pipeline.send(
        pm25("BZ-A03", "binzhou", DAY.atTime(23, 0), 500)); // one hour: no valid 24 h mean

    Map<String, Pm25Rolling> latest = latestByKey(rolling.readKeyValuesToList());
    assertThat(latest)
        .containsOnlyKeys("station/BZ-A01", "station/BZ-A02", "station/BZ-A03", "city/binzhou");
    assertThat(latest.get("station/BZ-A01").getPm25Mean24h()).isEqualTo(40.0);
    Pm25Rolling a02 = latest.get("station/BZ-A02");
    assertThat(a02.getPm25Mean24h()).isEqualTo(60.0);
    assertThat(a02.getBasis()).isEqualTo(24);
    assertThat(a02.getLocalHour()).isEqualTo(23);
    assertThat(latest.get("station/BZ-A03").getPm25Mean24h()).isNull();
    Pm25Rolling city = latest.get("city/binzhou");
    assertThat(city.getScope()).isEqualTo(RollingScope.CITY);
    assertThat(city.getPm25Mean24h()).isEqualTo(50.0); // (40 + 60) / 2; BZ-A03 has none
    assertThat(city.getBasis()).isEqualTo(2);
    assertThat(city.getLocalHour()).isEqualTo(23);

    // the hour by hour series is on the city-hourly figures
    Map<String, CityHourlyAqi> hours = latestByKey(cityHourly.readKeyValuesToList());
    // at 18:00 the window holds 19 hours: no station and no city mean yet
    assertThat(hours.get("binzhou@2024-01-15T18").getPm25Moving24h()).isNull();
    // at 19:00, 20 hours: A01 40, A02 (12 * 50 + 8 * 70) / 20 = 58 -> city 49
    assertThat(hours.get("binzhou@2024-01-15T19").getPm25Moving24h()).isEqualTo(49.0);
  }
}
