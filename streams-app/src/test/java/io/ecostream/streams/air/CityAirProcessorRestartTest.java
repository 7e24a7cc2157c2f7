package io.ecostream.streams.air;

import static io.ecostream.streams.AirReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.AirReadings;
import io.ecostream.streams.MockContextStores;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.state.WriteAtCommitStore;
import io.ecostream.topics.EcostreamTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart of the city task changes no alert: a task that commits, closes and starts again on its
 * stores after any number of readings (the state a restart, a rebalance or a crash restores from
 * the changelogs, under exactly-once) sends the same heavy-pollution alerts, in the same order, and
 * ends with the same city days as a task that ran through. The readings are three cities of two to
 * four stations over six weeks with smog episodes, station-hours missing and arriving late, and
 * repeated readings: the cases where what a task remembers in memory (which hours are complete,
 * which day is the newest) could differ from what it rebuilds from its stores.
 */
class CityAirProcessorRestartTest {

  private static final Map<String, Integer> CITY_STATIONS =
      Map.of("binzhou", 2, "dezhou", 3, "heze", 4);
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 42;

  private final MockProcessorContext<String, AirOutput> context = new MockProcessorContext<>();
  private final List<WriteAtCommitStore<?>> writtenAtCommit = new ArrayList<>();

  /** What a run sent: every alert in order, and each city day's last figure. */
  private record Outputs(List<Alert> alerts, Map<String, CityDaily> days) {}

  /**
   * Hourly readings in arrival order: PM2.5 follows a random walk around 60 µg/m³ with a smog
   * episode now and then (PM2.5 near 300 µg/m³ for 1.5 to 4 days: daily AQI above 200); 5 % of
   * station-hours are missing and 3 % arrive 2-30 hours late; 1 % are sent twice.
   */
  private static List<AirReading> sixWeeksOfThreeCities(long seed) {
    Random random = new Random(seed);
    List<AirReading> onTime = new ArrayList<>();
    List<AirReading> late = new ArrayList<>();
    List<Integer> lateArrival = new ArrayList<>();
    for (Map.Entry<String, Integer> city : new TreeMap<>(CITY_STATIONS).entrySet()) {
      double level = 60;
      int episodeHoursLeft = 0;
      for (int h = 0; h < DAYS * 24; h++) {
        if (episodeHoursLeft == 0 && random.nextInt(120) == 0) {
          episodeHoursLeft = 36 + random.nextInt(60);
        }
        double target = episodeHoursLeft > 0 ? 300 : 60;
        episodeHoursLeft = Math.max(0, episodeHoursLeft - 1);
        level = Math.max(5, level + 0.25 * (target - level) + 12 * random.nextGaussian());
        for (int s = 0; s < city.getValue(); s++) {
          if (random.nextDouble() < 0.05) {
            continue;
          }
          double pm25 = Math.round(level * (0.85 + 0.3 * random.nextDouble()));
          AirReading reading =
              reading(
                      city.getKey().toUpperCase() + "-" + s,
                      city.getKey(),
                      FIRST_DAY.atStartOfDay().plusHours(h))
                  .setPm25(pm25)
                  .setPm10((double) Math.round(pm25 * 1.5))
                  .setSo2(8.0 + s)
                  .setNo2(30.0 + random.nextInt(20))
                  .setCo(0.6 + 0.1 * s)
                  .setO3(40.0 + random.nextInt(60))
                  .build();
          if (random.nextDouble() < 0.03) {
            late.add(reading);
            lateArrival.add(h + 2 + random.nextInt(29));
          } else {
            onTime.add(reading);
          }
          if (random.nextDouble() < 0.01) {
            onTime.add(reading);
          }
        }
      }
    }
    // On-time readings by hour (cities interleaved, as one partition receives them); each late one
    // after the on-time readings of its arrival hour.
    onTime.sort(Comparator.comparing(AirReading::getHourStart));
    List<AirReading> arrivals = new ArrayList<>(onTime);
    for (int i = 0; i < late.size(); i++) {
      LocalDateTime arrival = FIRST_DAY.atStartOfDay().plusHours(lateArrival.get(i));
      int at = 0;
      while (at < arrivals.size()
          && !arrivals
              .get(at)
              .getHourStart()
              .isAfter(arrival.atZone(AirReadings.BEIJING).toInstant())) {
        at++;
      }
      arrivals.add(at, late.get(i));
    }
    return arrivals;
  }

  @ParameterizedTest(name = "restart after every {0} readings")
  @ValueSource(ints = {1, 7, 61, 997})
  void shouldSendTheSameAlertsAndDaysWhereverTheTaskRestarts(int restartEvery) {
    List<AirReading> readings = sixWeeksOfThreeCities(20240101L);

    Outputs throughout = new CityAirProcessorRestartTest().run(readings, 0);
    Outputs restarted = new CityAirProcessorRestartTest().run(readings, restartEvery);

    assertThat(throughout.alerts())
        .as("the scenario has heavy-pollution days confirmed and cancelled, and episodes")
        .extracting(alert -> alert.getType() + " " + alert.getStatus())
        .contains(
            "HEAVY_POLLUTION_DAY PROVISIONAL",
            "HEAVY_POLLUTION_DAY CONFIRMED",
            "HEAVY_POLLUTION_DAY CANCELLED",
            "HEAVY_POLLUTION_EPISODE RAISED",
            "HEAVY_POLLUTION_EPISODE CLEARED");
    assertThat(restarted.alerts()).isEqualTo(throughout.alerts());
    assertThat(restarted.days()).hasSize(CITY_STATIONS.size() * DAYS).isEqualTo(throughout.days());
  }

  /**
   * One task on in-memory stores; restarted after every {@code restartEvery} readings (0: never).
   */
  private Outputs run(List<AirReading> readings, int restartEvery) {
    context.setCurrentSystemTimeMs(System.currentTimeMillis());
    writtenAtCommit(CityAirProcessor.STATION_CHUNKS_STORE, Serdes.ByteArray());
    writtenAtCommit(CityAirProcessor.STATION_PRESENCE_STORE, Serdes.ByteArray());
    writtenAtCommit(
        CityAirProcessor.HEAVY_POLLUTION_STORE, AvroSerde.of(HeavyPollutionState.class));
    store(CityAirProcessor.WATERMARK_STORE, Serdes.Long());
    store(CityAirProcessor.CITY_DAYS_STORE, AvroSerde.of(CityDayEntry.class));
    store(CityAirProcessor.CITY_PROVINCE_STORE, Serdes.String());
    CityAirProcessor task = started();
    for (int i = 0; i < readings.size(); i++) {
      AirReading reading = readings.get(i);
      task.process(
          new Record<>(
              reading.getCityId(),
              CityAirInput.reading(reading),
              reading.getHourStart().toEpochMilli()));
      if (restartEvery > 0 && (i + 1) % restartEvery == 0) {
        writtenAtCommit.forEach(WriteAtCommitStore::flushCache);
        task.close();
        task = started();
      }
    }
    // The newest day of each city is published by the punctuation.
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    punctuators
        .get(punctuators.size() - 1)
        .getPunctuator()
        .punctuate(context.currentSystemTimeMs());
    List<Alert> alerts = new ArrayList<>();
    Map<String, CityDaily> days = new TreeMap<>();
    for (MockProcessorContext.CapturedForward<? extends String, ? extends AirOutput> forward :
        context.forwarded()) {
      AirOutput output = forward.record().value();
      if (output.kind() == AirOutput.Kind.ALERT) {
        alerts.add(output.as(Alert.class));
      } else if (output.kind() == AirOutput.Kind.CITY_DAILY) {
        days.put(forward.record().key(), output.as(CityDaily.class));
      }
    }
    return new Outputs(alerts, days);
  }

  /** A restart republishes a day already published: the same figure, a later revision. */
  private static CityDaily withoutRevision(CityDaily day) {
    return CityDaily.newBuilder(day).setRevision(0L).build();
  }

  private CityAirProcessor started() {
    CityAirProcessor task =
        new CityAirProcessor(
            AirReadings.CONSTANT_HOURS_SETTINGS,
            new PipelineMetrics(new SimpleMeterRegistry()),
            EcostreamTopics.withDefaultPrefix().airReadings().valueSerde().serializer());
    task.init(context);
    return task;
  }

  private <V> void store(String name, Serde<V> values) {
    MockContextStores.add(context, name, values);
  }

  private <V> void writtenAtCommit(String name, Serde<V> values) {
    writtenAtCommit.add(MockContextStores.addWrittenAtCommit(context, name, values));
  }
}
