package io.ecostream.streams.water;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.DeadLetter;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.avro.WaterSampleClass;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.avro.internal.SectionSample;
import io.ecostream.avro.internal.WaterSectionState;
import io.ecostream.domain.water.RiverGradingRules;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.intake.DeadLetters;
import io.ecostream.streams.intake.Rejection;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.streams.state.QuietCommits;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Everything the water pipeline knows of the cities of one input partition, in one task: its
 * sections' Station data, each sample's real-time class and alerts, each section's months, each
 * city's month and year to date, and the figures its province's ranking needs. Input keyed by city
 * id, so a city's samples are processed in the order of their partition.
 *
 * <p><b>What is published when.</b> A sample's class and its alerts: at once. A section's month: at
 * once when it settles (a sample of a later month of the section arrives) or when a late sample
 * changes a settled month; the section's newest month, still moving, at most once per commit
 * interval (a wall-clock punctuation), so that a month of 4-hourly samples replayed at full speed
 * is not published and re-assessed for the city at every sample. The city's month and year to date
 * go with each published section-month that changes them, and on to the province's ranking once the
 * city's province is known.
 *
 * <p><b>Station records.</b> A sample takes its section's Station data as the task holds it when
 * the sample is assessed. Producers send a section's Station record before its samples, but the
 * record comes to this task through one more hop (re-keyed by city), visible only once the
 * stations' task commits, while the samples come straight from their topic: so a section's first
 * samples wait for its Station record, up to {@link #STATION_WAIT}, and are assessed when it
 * arrives. A section whose record has not come by then is a river without a target, as it always
 * was without one. A Station record that arrives later re-assesses nothing already published: the
 * section's later samples take it, and its month, as before, takes the water body and target of its
 * latest sample. Its province, new or changed, sends every figure the city has published to that
 * province's rankings.
 */
final class CityWaterProcessor implements Processor<String, CityWaterInput, String, WaterOutput> {

  static final String SECTIONS_STORE = "water-sections-store";
  static final String SECTION_MONTHS_STORE = "water-section-months-store";
  static final String CITY_YEARS_STORE = "water-city-years-store";
  static final String CITY_PROVINCE_STORE = "water-city-province-store";

  private static final StringSerializer KEYS = new StringSerializer();
  private static final long MIN_PUBLISH_INTERVAL_MS = 100L;
  private static final long MAX_PUBLISH_INTERVAL_MS = 1_000L;

  /**
   * How long a section's first samples wait for its Station record. The record's hop takes up to a
   * commit interval (1 s by default) when all is well, and took more than 2 s on a loaded machine
   * during a replay at full speed; the wait delays only the first samples of a section that has no
   * record at all.
   */
  static final Duration STATION_WAIT = Duration.ofSeconds(30);

  /** A section's month whose figure waits for the next publication. */
  private record SectionMonthKey(YearMonth month, String stationId) {}

  private final PipelineSettings settings;
  private final PipelineMetrics metrics;
  private final Serializer<WaterSample> sampleSerializer;
  private final SectionSamples samples;
  private final SectionMonthAggregation months;
  private final CityWaterPeriods periods;
  private final WaterAlerts alerts;
  private final QuietCommits quietCommits = new QuietCommits();

  /**
   * The sections' newest months changed since their last publication, published in month order: a
   * month of last year before the same month of this year, whose year-on-year figures compare them.
   */
  private final SortedSet<SectionMonthKey> unpublished =
      new TreeSet<>(
          Comparator.comparing(SectionMonthKey::month).thenComparing(SectionMonthKey::stationId));

  /**
   * The sections whose first samples wait for their Station record, with the time they began to.
   */
  private final Map<String, Long> holds = new HashMap<>();

  private ProcessorContext<String, WaterOutput> context;
  private KeyValueStore<String, WaterSectionState> sections;
  private KeyValueStore<String, SectionMonthState> sectionMonths;
  private KeyValueStore<String, CityWaterYearState> years;
  private KeyValueStore<String, String> provinces;
  private CityWaterYears cityYears;

  CityWaterProcessor(
      PipelineSettings settings,
      PipelineMetrics metrics,
      Serializer<WaterSample> sampleSerializer) {
    this.settings = settings;
    this.metrics = metrics;
    this.sampleSerializer = sampleSerializer;
    SectionAssessor assessor = new SectionAssessor(settings.water().sea());
    this.samples = new SectionSamples(settings.zone(), assessor);
    this.months = new SectionMonthAggregation(samples, assessor);
    this.periods =
        new CityWaterPeriods(assessor, settings.water().cwqi(), RiverGradingRules.defaults());
    this.alerts = new WaterAlerts(settings.zone());
  }

  @Override
  public void init(ProcessorContext<String, WaterOutput> context) {
    this.context = context;
    this.sections = context.getStateStore(SECTIONS_STORE);
    this.sectionMonths = context.getStateStore(SECTION_MONTHS_STORE);
    this.years = context.getStateStore(CITY_YEARS_STORE);
    this.provinces = context.getStateStore(CITY_PROVINCE_STORE);
    this.cityYears = new CityWaterYears(sectionMonths, years, settings.airQuality().futureMargin());
    // A newest month may have changed after its last publication before a restart: publish every
    // section's newest month again at the first punctuation (the same values, harmlessly). Held
    // samples wait again from the start.
    unpublished.clear();
    holds.clear();
    try (KeyValueIterator<String, WaterSectionState> all = sections.all()) {
      while (all.hasNext()) {
        KeyValue<String, WaterSectionState> section = all.next();
        if (section.value.getNewestMonth() != null) {
          unpublished.add(
              new SectionMonthKey(YearMonth.parse(section.value.getNewestMonth()), section.key));
        }
        if (!section.value.getHeldSamples().isEmpty()) {
          holds.put(section.key, context.currentSystemTimeMs());
        }
      }
    }
    quietCommits.schedule(context);
    context.schedule(
        publishInterval(context),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          endHolds(now);
          publishNewest();
        });
  }

  @Override
  public void process(Record<String, CityWaterInput> record) {
    quietCommits.processed();
    if (record.value() instanceof CityWaterInput.Sample input) {
      sample(record, input.sample());
    } else if (record.value() instanceof CityWaterInput.Section input) {
      section(record, input.station());
    }
  }

  private void sample(Record<String, CityWaterInput> record, WaterSample sample) {
    YearMonth month = samples.month(sample.getSampledAt());
    Optional<Rejection> rejection = cityYears.check(sample, month, context.currentSystemTimeMs());
    if (rejection.isPresent()) {
      deadLetter(record, sample, rejection.get());
      return;
    }
    cityYears.accept(sample.getCityId(), month.getYear());
    String stationId = sample.getStationId();
    WaterSectionState section = sections.get(stationId);
    if (awaitsStation(section)) {
      WaterSectionState holding =
          section != null ? section : WaterSectionState.newBuilder().build();
      holding.getHeldSamples().add(sample);
      sections.put(stationId, holding);
      holds.putIfAbsent(stationId, context.currentSystemTimeMs());
      return;
    }
    assess(record.headers(), sample, section, record.timestamp());
  }

  /** Without the input's headers, as the intake's dead letters: they may be of any size. */
  private void deadLetter(
      Record<String, CityWaterInput> record, WaterSample sample, Rejection rejection) {
    metrics.deadLetter(rejection.reason().code());
    byte[] bytes = sampleSerializer.serialize(DeadLetters.sourceTopic(context), sample);
    DeadLetter letter = DeadLetters.of(context, record, bytes, rejection);
    context.forward(
        new Record<>(
            DeadLetters.key(context),
            new WaterOutput(WaterOutput.Kind.DEAD_LETTER, letter),
            record.timestamp()));
  }

  /** Until its Station record arrives or its first samples are assessed without one. */
  private static boolean awaitsStation(WaterSectionState section) {
    return section == null || (!section.getStationReceived() && section.getNewestMonth() == null);
  }

  /**
   * The sample's class, alerts and month, with its section's Station data as {@code section} holds
   * it.
   */
  private void assess(
      Headers headers, WaterSample input, WaterSectionState section, long timestamp) {
    String stationId = input.getStationId();
    SectionSample sample = SectionSamples.of(input, section);
    WaterSampleClass sampleClass = samples.sampleClass(sample);
    forward(
        headers,
        WaterOutput.Kind.SAMPLE_CLASS,
        stationId + "@" + sample.getSampledAt(),
        sampleClass,
        timestamp);

    YearMonth month = samples.month(sample.getSampledAt());
    String key = SectionSamples.monthKey(stationId, month);
    SectionMonthState stored = sectionMonths.get(key);
    SectionMonthState state =
        months.add(sample, stored != null ? stored : SectionMonthAggregation.initial());
    for (Alert alert : alerts.raise(sampleClass, state)) {
      forward(headers, WaterOutput.Kind.ALERT, alert.getAlertId(), alert, timestamp);
    }
    sectionMonths.put(key, state);
    schedule(headers, stationId, section, month);
  }

  /**
   * Assesses the section's held samples, in their order, with the Station data it has now; stamped
   * with their sampling time, without the headers their records had.
   */
  private void release(String stationId, WaterSectionState section) {
    List<WaterSample> held = List.copyOf(section.getHeldSamples());
    section.getHeldSamples().clear();
    Headers none = new RecordHeaders();
    for (WaterSample sample : held) {
      assess(none, sample, section, sample.getSampledAt().toEpochMilli());
    }
    sections.put(stationId, section);
  }

  /** Assesses the held samples of the sections whose Station record has not come in time. */
  private void endHolds(long now) {
    for (Iterator<Map.Entry<String, Long>> it = holds.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> hold = it.next();
      if (now - hold.getValue() >= STATION_WAIT.toMillis()) {
        it.remove();
        release(hold.getKey(), sections.get(hold.getKey()));
      }
    }
  }

  /**
   * Publishes the section's month now if the sample changed a settled one, and the section's
   * previous newest month if the sample settled it; else the month waits for the next punctuation.
   */
  private void schedule(
      Headers headers, String stationId, WaterSectionState section, YearMonth month) {
    YearMonth newest =
        section.getNewestMonth() == null ? null : YearMonth.parse(section.getNewestMonth());
    if (newest != null && month.isBefore(newest)) {
      publish(headers, stationId, month);
      return;
    }
    if (newest == null || month.isAfter(newest)) {
      if (newest != null && unpublished.remove(new SectionMonthKey(newest, stationId))) {
        publish(headers, stationId, newest);
      }
      section.setNewestMonth(month.toString());
      sections.put(stationId, section);
    }
    unpublished.add(new SectionMonthKey(month, stationId));
  }

  private void publishNewest() {
    Headers none = new RecordHeaders();
    for (SectionMonthKey month : unpublished) {
      publish(none, month.stationId(), month.month());
    }
    unpublished.clear();
  }

  /** The section-month's figure, and the city's figures when it changed them. */
  private void publish(Headers headers, String stationId, YearMonth month) {
    String key = SectionSamples.monthKey(stationId, month);
    SectionMonthState state = sectionMonths.get(key);
    // Only after a crash under at-least-once, whose changelogs need not hold the same writes.
    if (state == null) {
      return;
    }
    SectionMonth figure = months.figure(state);
    long timestamp = newestSample(state);
    forward(headers, WaterOutput.Kind.SECTION_MONTH, key, figure, timestamp);
    cityPeriods(headers, figure, month, timestamp);
  }

  /**
   * Puts the section's month into its city's year and, when that changed it, publishes the city's
   * month and year to date, each with its next revision.
   */
  private void cityPeriods(Headers headers, SectionMonth figure, YearMonth month, long timestamp) {
    String cityId = figure.getCityId();
    String key = CityWaterPeriods.yearKey(cityId, month.getYear());
    CityWaterYearState stored = years.get(key);
    CityWaterYearState year =
        stored != null ? stored : CityWaterPeriods.emptyYear(cityId, month.getYear());
    if (!CityWaterPeriods.put(year, figure)) {
      return;
    }
    CityWaterYearState previousYear =
        years.get(CityWaterPeriods.yearKey(cityId, month.getYear() - 1));
    String province = provinces.get(cityId);
    for (CityWaterPeriod period : periods.figures(year, previousYear, month.getMonthValue())) {
      CityWaterPeriod last = year.getPublished().get(period.getPeriod());
      period.setRevision(last == null ? 1 : last.getRevision() + 1);
      year.getPublished().put(period.getPeriod(), period);
      forward(
          headers,
          WaterOutput.Kind.CITY_PERIOD,
          cityId + "@" + period.getPeriod(),
          period,
          timestamp);
      if (province != null) {
        forward(
            headers,
            WaterOutput.Kind.RANKING_INPUT,
            ByProvince.key(province, period.getPeriod()),
            period,
            timestamp);
      }
    }
    years.put(key, year);
  }

  /**
   * A water Station record: the section's data for its samples, held ones first and, when it brings
   * a new province for the city, every period figure the city has published to that province's
   * rankings, so that the order in which Station records and samples arrive does not matter there.
   */
  private void section(Record<String, CityWaterInput> record, Station station) {
    province(record, station.getCityId(), station.getProvince());
    String stationId = station.getStationId();
    WaterSectionState section = sections.get(stationId);
    WaterSectionState updated =
        WaterSectionState.newBuilder()
            .setStationReceived(true)
            .setWaterBody(station.getWaterBody())
            .setDrinkingSource(station.getDrinkingSource())
            .setWaterBodyName(station.getWaterBodyName())
            .setTargetClass(station.getTargetClass())
            .setHeldSamples(section == null ? new ArrayList<>() : section.getHeldSamples())
            .setNewestMonth(section == null ? null : section.getNewestMonth())
            .build();
    if (!updated.getHeldSamples().isEmpty()) {
      holds.remove(stationId);
      release(stationId, updated);
    } else if (!updated.equals(section)) {
      sections.put(stationId, updated);
    }
  }

  private void province(Record<String, CityWaterInput> record, String cityId, String province) {
    if (province == null || province.equals(provinces.get(cityId))) {
      return;
    }
    provinces.put(cityId, province);
    try (KeyValueIterator<String, CityWaterYearState> cityYears =
        years.prefixScan(cityId + "@", KEYS)) {
      while (cityYears.hasNext()) {
        for (CityWaterPeriod figure :
            new TreeMap<>(cityYears.next().value.getPublished()).values()) {
          forward(
              record.headers(),
              WaterOutput.Kind.RANKING_INPUT,
              ByProvince.key(province, figure.getPeriod()),
              figure,
              record.timestamp());
        }
      }
    }
  }

  /** The newest sample time of the month: a section-month's record timestamp, as an aggregate's. */
  private static long newestSample(SectionMonthState state) {
    long newest = Long.MIN_VALUE;
    for (String sampledAt : state.getSamples().keySet()) {
      newest = Math.max(newest, Long.parseLong(sampledAt));
    }
    return newest;
  }

  /** With the input record's headers, or none outside a record (a punctuation). */
  private void forward(
      Headers headers, WaterOutput.Kind kind, String key, SpecificRecord value, long timestamp) {
    if (value instanceof Alert alert) {
      metrics.alert(alert.getType(), alert.getStatus().name());
    }
    context.forward(new Record<>(key, new WaterOutput(kind, value), timestamp, headers));
  }

  /**
   * The commit interval, kept within 0.1-1 s: under exactly-once a figure becomes visible at the
   * commit after its punctuation, so a longer interval would only delay it; under at-least-once
   * (whose default commit interval is 30 s) outputs are visible as they are sent.
   */
  private static Duration publishInterval(ProcessorContext<?, ?> context) {
    Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    long millis =
        configured == null ? MAX_PUBLISH_INTERVAL_MS : Long.parseLong(configured.toString());
    return Duration.ofMillis(
        Math.min(MAX_PUBLISH_INTERVAL_MS, Math.max(MIN_PUBLISH_INTERVAL_MS, millis)));
  }
}
