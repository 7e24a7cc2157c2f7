package io.ecostream.streams.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import io.ecostream.streams.config.PipelineSettings;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the city water task publishes a section's month: settled at once, the newest per commit interval. */
class CityWaterProcessorTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final MockProcessorContext<String, WaterOutput> context = new MockProcessorContext<>();
  private CityWaterProcessor processor;

  @BeforeEach
  void start() {
    context.setCurrentSystemTimeMs(0L);
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
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  /** A processor on the context's stores, as a task starts after a restart or a rebalance. */
  private CityWaterProcessor started() {
    CityWaterProcessor started = new CityWaterProcessor(PipelineSettings.defaults());
    started.init(context);
    return started;
  }

  private void sample(CityWaterProcessor processor, LocalDateTime at, double ammoniaNitrogen) {
    sample(processor, "S1", at, ammoniaNitrogen);
  }

  private void sample(CityWaterProcessor processor, String stationId, LocalDateTime at, double ammoniaNitrogen) {
    WaterSample sample =
        WaterSample.newBuilder()
            .setStationId(stationId)
            .setCityId("binzhou")
            .setSampledAt(at.atZone(BEIJING).toInstant())
            .setMethod(SamplingMethod.AUTOMATIC)
            .setAmmoniaNitrogen(ammoniaNitrogen)
            .build();
    processor.process(
        new Record<>("binzhou", CityWaterInput.sample(sample), sample.getSampledAt().toEpochMilli()));
  }

  /** The last punctuation scheduled (the one of the newest processor), a second later. */
  private void punctuate() {
    context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + 1_000L);
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    punctuators.get(punctuators.size() - 1).getPunctuator().punctuate(context.currentSystemTimeMs());
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
}
