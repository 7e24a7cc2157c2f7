package io.ecostream.streams.ranking;

import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import java.util.Locale;
import java.util.function.Function;
import io.ecostream.serde.AvroSerde;
import io.ecostream.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The route of cities' period figures to their province's ranking: re-keyed by city, left-joined
 * with the city-to-province table, re-keyed {@code province@period}. A city whose province is not
 * known yet is skipped (left join, then dropped), not held back, and its next changed figure places
 * it. Every node and repartition topic is named from a prefix ("" for air, so its names stay as
 * they were deployed).
 */
public final class ByProvince {

  private ByProvince() {}

  /** {@code province@period}; a period (yyyy, yyyy-MM) never holds an '@', a province might. */
  public static String key(String province, String period) {
    return province + "@" + period;
  }

  /** The province part of {@link #key}. */
  public static String province(String key) {
    return key.substring(0, key.lastIndexOf('@'));
  }

  /**
   * cityId → province from the Station records (key stationId) of one kind of station. Repartition
   * {@code <repartition>-repartition}, store {@code store}.
   */
  public static KTable<String, String> cityProvinces(
      KStream<String, Station> stations, StationKind kind, String prefix, String repartition, String store) {
    return stations
        .filter(
            (stationId, station) ->
                station != null && station.getKind() == kind && station.getProvince() != null,
            Named.as(kind.name().toLowerCase(Locale.ROOT) + "-stations-with-province"))
        .map(
            (stationId, station) -> KeyValue.pair(station.getCityId(), station.getProvince()),
            Named.as(prefix + "key-province-by-city"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(repartition))
        .toTable(
            Named.as(prefix + "city-province"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.String()));
  }

  /**
   * The figures keyed {@code province@period}, through the repartitions {@code <prefix>ranking-period-by-city}
   * and {@code <prefix>ranking-by-province-period}.
   */
  public static <V> KStream<String, V> route(
      KStream<String, V> figures,
      Function<V, String> city,
      Function<V, String> period,
      Serde<V> serde,
      KTable<String, String> provinces,
      String prefix) {
    return figures
        .selectKey((key, figure) -> city.apply(figure), Named.as(prefix + "key-period-by-city"))
        .repartition(
            Repartitioned.with(Serdes.String(), serde).withName(prefix + "ranking-period-by-city"))
        .leftJoin(
            provinces,
            (figure, province) ->
                province == null ? null : KeyValue.pair(key(province, period.apply(figure)), figure),
            Joined.with(Serdes.String(), serde, Serdes.String())
                .withName(prefix + "ranking-city-province-join"))
        .filter((c, keyed) -> keyed != null, Named.as(prefix + "ranking-province-known"))
        .map((c, keyed) -> keyed, Named.as(prefix + "key-by-province-period"))
        .repartition(
            Repartitioned.with(Serdes.String(), serde).withName(prefix + "ranking-by-province-period"));
  }

  /**
   * Ranks the figures per province and period ({@link #route}, then a {@link RankingProcessor} with
   * the store {@code store}) and writes the rankings to {@code output}. Processor {@code
   * <prefix>province-ranking}, sink {@code <prefix>ranking-sink}.
   */
  public static <V, S extends SpecificRecord, R> void rank(
      StreamsBuilder builder,
      KStream<String, V> figures,
      Function<V, String> city,
      Function<V, String> period,
      Serde<V> serde,
      KTable<String, String> provinces,
      String prefix,
      String store,
      Class<S> stateType,
      RankingBook<V, S, R> rankings,
      Topic<String, R> output) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(store), Serdes.String(), AvroSerde.of(stateType)));
    route(figures, city, period, serde, provinces, prefix)
        .process(
            () -> new RankingProcessor<>(store, rankings), Named.as(prefix + "province-ranking"), store)
        .to(
            output.name(),
            Produced.with(output.keySerde(), output.valueSerde()).withName(prefix + "ranking-sink"));
  }
}
