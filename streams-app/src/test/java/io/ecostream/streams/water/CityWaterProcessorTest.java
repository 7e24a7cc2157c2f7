package io.ecostream.streams.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.avro.internal.WaterSectionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.MockContextStores;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the city water task publishes a section's month (settled at once, the newest per commit
 * interval), and which years of a city it keeps.
 */
class CityWaterProcessorTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** The wall clock of the task: samples up to an hour ahead of it are taken in. */
  private static final Instant NOW =
      LocalDateTime.of(2024, 12, 31, 12, 0).atZone(BEIJING).toInstant();

  private final MockProcessorContext<String, WaterOutput> context = new MockProcessorContext<>();
  private CityWaterProcessor processor;

  @BeforeEach
  void start() {
    context.setCurrentSystemTimeMs(NOW.toEpochMilli());
    store(CityWaterProcessor.SECTIONS_STORE, AvroSerde.of(WaterSectionState.class));
    store(CityWaterProcessor.SECTION_MONTHS_STORE, AvroSerde.of(SectionMonthState.class));
    store(CityWaterProcessor.CITY_YEARS_STORE, AvroSerde.of(CityWaterYearState.class));
    store(CityWaterProcessor.CITY_PROVINCE_STORE, Serdes.String());
    processor = started();
    processor.process(new Record<>("binzhou", CityWaterInput.section(station("S1")), 0L));
  }

  private static Station station(String stationId) {
    return Station.newBuilder()
        .setStationId(stationId)
        .setName(stationId)
        .setKind(StationKind.WATER)
        .setCityId("binzhou")
        .setCityName("滨州")
        .setWaterBody(WaterBodyType.RIVER)
        .build();
  }

  private <V> void store(String name, Serde<V> values) {
    MockContextStores.add(context, name, values);
  }

  /** A processor on the context's stores, as a task starts after a restart or a rebalance. */
  private CityWaterProcessor started() {
    CityWaterProcessor started =
        new CityWaterProcessor(
            PipelineSettings.defaults(),
            new PipelineMetrics(new SimpleMeterRegistry()),
            EcostreamTopics.withDefaultPrefix().waterReadings().valueSerde().serializer());
    started.init(context);
    return started;
  }

  private void sample(CityWaterProcessor processor, LocalDateTime at, double ammoniaNitrogen) {
    sample(processor, "S1", at, ammoniaNitrogen);
  }

  private void sample(
      CityWaterProcessor processor, String stationId, LocalDateTime at, double ammoniaNitrogen) {
    WaterSample sample =
        WaterSample.newBuilder()
            .setStationId(stationId)
            .setCityId("binzhou")
            .setSampledAt(at.atZone(BEIJING).toInstant())
            .setMethod(SamplingMethod.AUTOMATIC)
            .setAmmoniaNitrogen(ammoniaNitrogen)
            .build();
    processor.process(
        new Record<>(
            "binzhou", CityWaterInput.sample(sample), sample.getSampledAt().toEpochMilli()));
  }

  /** The last punctuation scheduled (the one of the newest processor), a second later. */
  private void punctuate() {
    context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + 1_000L);
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    punctuators
        .get(punctuators.size() - 1)
        .getPunctuator()
        .punctuate(context.currentSystemTimeMs());
  }

  /** The sample classes published since the last call, by station. */
  private List<String> classedStations() {
    List<String> stations =
        context.forwarded().stream()
            .filter(forward -> forward.record().value().kind() == WaterOutput.Kind.SAMPLE_CLASS)
            .map(forward -> forward.record().value().as(WaterSampleClass.class).getStationId())
            .toList();
    context.resetForwards();
    return stations;
  }

  /** The section-month figures published since the last call. */
  private List<SectionMonth> publishedMonths() {
    List<SectionMonth> months =
        context.forwarded().stream()
            .filter(forward -> forward.record().value().kind() == WaterOutput.Kind.SECTION_MONTH)
            .map(forward -> forward.record().value().as(SectionMonth.class))
            .toList();
    context.resetForwards();
    return months;
  }

  @Test
  void shouldPublishTheNewestMonthOncePerCommitIntervalAndASettledMonthAtOnce() {
    sample(processor, LocalDateTime.of(2024, 1, 5, 8, 0), 0.4);
    sample(processor, LocalDateTime.of(2024, 1, 5, 12, 0), 0.6);
    assertThat(publishedMonths()).as("the newest month waits for the punctuation").isEmpty();

    punctuate();
    assertThat(publishedMonths())
        .extracting(SectionMonth::getMonth, SectionMonth::getSamples, SectionMonth::getRevision)
        .containsExactly(tuple("2024-01", 2, 2L));

    sample(processor, LocalDateTime.of(2024, 1, 31, 20, 0), 0.5);
    sample(processor, LocalDateTime.of(2024, 2, 1, 0, 0), 0.5);
    assertThat(publishedMonths())
        .as("February's first sample settles January")
        .extracting(SectionMonth::getMonth, SectionMonth::getSamples, SectionMonth::getRevision)
        .containsExactly(tuple("2024-01", 3, 3L));

    sample(processor, LocalDateTime.of(2024, 1, 20, 8, 0), 0.9);
    assertThat(publishedMonths())
        .as("a late sample republishes its settled month at once")
        .extracting(SectionMonth::getMonth, SectionMonth::getSamples, SectionMonth::getRevision)
        .containsExactly(tuple("2024-01", 4, 4L));

    punctuate();
    assertThat(publishedMonths())
        .extracting(SectionMonth::getMonth, SectionMonth::getSamples)
        .containsExactly(tuple("2024-02", 1));
    punctuate();
    assertThat(publishedMonths()).as("nothing changed since").isEmpty();
  }

  @Test
  void shouldPublishEachSectionsNewestMonthAgainAfterARestart() {
    sample(processor, LocalDateTime.of(2024, 1, 5, 8, 0), 0.4);
    context.resetForwards();

    CityWaterProcessor restarted = started();
    punctuate();

    assertThat(publishedMonths())
        .extracting(SectionMonth::getStationId, SectionMonth::getMonth, SectionMonth::getRevision)
        .containsExactly(tuple("S1", "2024-01", 1L));
    sample(restarted, LocalDateTime.of(2024, 1, 5, 12, 0), 0.6);
    punctuate();
    assertThat(publishedMonths()).extracting(SectionMonth::getRevision).containsExactly(2L);
  }

  @Test
  void shouldHoldASectionsFirstSamplesForItsStationRecordThenAssessThemWithoutIt() {
    sample(processor, "S9", LocalDateTime.of(2024, 1, 5, 8, 0), 0.4);
    sample(processor, "S9", LocalDateTime.of(2024, 1, 5, 12, 0), 0.6);
    long waitSeconds = CityWaterProcessor.STATION_WAIT.toSeconds();
    for (long second = 1; second < waitSeconds; second++) {
      punctuate();
    }
    assertThat(classedStations()).as("still held").isEmpty();

    punctuate();
    assertThat(classedStations()).containsExactly("S9", "S9");
    sample(processor, "S9", LocalDateTime.of(2024, 1, 5, 16, 0), 0.5);
    assertThat(classedStations()).as("no longer held").containsExactly("S9");
  }

  @Test
  void shouldKeepTheNewestYearAndTheOneBeforeOfACity() {
    sample(processor, LocalDateTime.of(2022, 5, 5, 8, 0), 0.4);
    sample(processor, LocalDateTime.of(2023, 5, 5, 8, 0), 0.5);
    punctuate();
    assertThat(monthKeys()).containsExactly("S1@2022-05", "S1@2023-05");
    assertThat(yearKeys()).containsExactly("binzhou@2022", "binzhou@2023");

    sample(processor, LocalDateTime.of(2024, 1, 5, 8, 0), 0.6);

    assertThat(monthKeys())
        .as("2022 is two years before the newest")
        .containsExactly("S1@2023-05", "S1@2024-01");
    assertThat(yearKeys()).containsExactly("binzhou@2023", "binzhou@2024");
  }

  @Test
  void shouldSetAsideASampleOfAYearTheCityNoLongerKeeps() {
    sample(processor, LocalDateTime.of(2024, 1, 5, 8, 0), 0.4);
    context.resetForwards();

    sample(processor, LocalDateTime.of(2022, 12, 31, 8, 0), 0.4);
    assertThat(deadLetters()).extracting(DeadLetter::getReason).containsExactly("late");
    assertThat(monthKeys()).containsExactly("S1@2024-01");

    sample(processor, LocalDateTime.of(2023, 1, 1, 8, 0), 0.4);
    assertThat(classedStations()).as("the year before the newest is kept").containsExactly("S1");
  }

  @Test
  void shouldSetAsideASampleStampedAheadOfTheWallClockWithoutOpeningItsYear() {
    sample(processor, LocalDateTime.of(2024, 12, 31, 12, 0), 0.4);
    context.resetForwards();

    sample(processor, LocalDateTime.of(2025, 1, 1, 8, 0), 0.4);
    assertThat(deadLetters()).extracting(DeadLetter::getReason).containsExactly("future");

    sample(processor, LocalDateTime.of(2023, 6, 1, 8, 0), 0.4);
    assertThat(classedStations())
        .as("2024 is still the newest year: 2023 is kept")
        .containsExactly("S1");
    assertThat(yearKeys()).containsExactly("binzhou@2023", "binzhou@2024");
  }

  /** The dead letters sent since the last call. */
  private List<DeadLetter> deadLetters() {
    List<DeadLetter> letters =
        context.forwarded().stream()
            .filter(forward -> forward.record().value().kind() == WaterOutput.Kind.DEAD_LETTER)
            .map(forward -> forward.record().value().as(DeadLetter.class))
            .toList();
    context.resetForwards();
    return letters;
  }

  private List<String> monthKeys() {
    return keys(CityWaterProcessor.SECTION_MONTHS_STORE);
  }

  private List<String> yearKeys() {
    return keys(CityWaterProcessor.CITY_YEARS_STORE);
  }

  private List<String> keys(String storeName) {
    KeyValueStore<String, ?> store = context.getStateStore(storeName);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ?> all = store.all()) {
      all.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }
}
