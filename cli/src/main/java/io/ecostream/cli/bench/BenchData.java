package io.ecostream.cli.bench;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.ReadingSink;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.InputKeys;
import io.ecostream.topics.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The benchmark's input, serialised once before any clock starts: the metadata record of every
 * station of the network, then the simulator's air readings of the network, hour after hour in
 * event-time order (all stations of an hour before the next), keyed as production input is ({@link
 * InputKeys}: a reading by its city id) with the hour's start as record timestamp, exactly as
 * {@code simulate} sends them.
 */
public final class BenchData {

  /** First simulated day; any day works, the figures do not depend on it. */
  public static final LocalDate FROM = LocalDate.of(2025, 1, 1);

  private final List<Reading> stations;
  private final List<Reading> readings;

  private BenchData(List<Reading> stations, List<Reading> readings) {
    this.stations = List.copyOf(stations);
    this.readings = List.copyOf(readings);
  }

  /** One pre-serialised input record. */
  public record Reading(byte[] key, byte[] value, long timestamp) {}

  /** The first {@code count} readings of the network simulated with this seed, and its stations. */
  public static BenchData simulate(
      EcostreamTopics topics, StationNetwork network, long seed, int count) {
    long hours = (count + network.stations() - 1) / network.stations();
    Collector collector = new Collector(topics.airReadings(), count);
    Instant start = FROM.atStartOfDay(StationCatalog.TIME_ZONE).toInstant();
    Simulator.builder(seed, FROM)
        .catalog(network.catalog())
        .endExclusive(start.plusSeconds(3600 * hours))
        .pacing(Pacing.asFastAsPossible())
        .water(false)
        .build(collector)
        .run();
    // The network's own records, not the simulator's: those would all say Shandong.
    Topic<String, Station> stationTopic = topics.stations();
    Serializer<String> keys = stationTopic.keySerde().serializer();
    Serializer<Station> values = stationTopic.valueSerde().serializer();
    List<Reading> stations =
        network.stationRecords().stream()
            .map(
                station ->
                    new Reading(
                        keys.serialize(stationTopic.name(), InputKeys.of(station)),
                        values.serialize(stationTopic.name(), station),
                        start.toEpochMilli()))
            .toList();
    return new BenchData(stations, collector.readings);
  }

  /** The station metadata records, one per station, to send before the readings. */
  public List<Reading> stations() {
    return stations;
  }

  public List<Reading> readings() {
    return readings;
  }

  /** The first {@code count} readings (all of them when there are fewer). */
  public List<Reading> first(int count) {
    return readings.subList(0, Math.min(count, readings.size()));
  }

  public int size() {
    return readings.size();
  }

  /** Key and value bytes of all readings: what the benchmark itself holds on the heap. */
  public long bytes() {
    return readings.stream().mapToLong(r -> r.key().length + r.value().length).sum();
  }

  private static final class Collector implements ReadingSink {
    private final Topic<String, AirReading> topic;
    private final Serializer<String> keys;
    private final Serializer<AirReading> values;
    private final int limit;
    private final List<Reading> readings;

    Collector(Topic<String, AirReading> topic, int limit) {
      this.topic = topic;
      this.keys = topic.keySerde().serializer();
      this.values = topic.valueSerde().serializer();
      this.limit = limit;
      this.readings = new ArrayList<>(limit);
    }

    @Override
    public void station(Station station) {}

    @Override
    public void air(AirReading reading) {
      if (readings.size() < limit) {
        readings.add(
            new Reading(
                keys.serialize(topic.name(), InputKeys.of(reading)),
                values.serialize(topic.name(), reading),
                reading.getHourStart().toEpochMilli()));
      }
    }

    @Override
    public void water(WaterSample sample) {}

    @Override
    public void flush() {}
  }
}
