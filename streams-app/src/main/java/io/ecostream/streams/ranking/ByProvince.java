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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The route of cities' period figures to their province's ranking: re-keyed by city, joined with
 * the provinces of the Station records whichever comes first ({@link CityProvinceJoin}), re-keyed
 * {@code province@period}. Every node and repartition topic is named from a prefix ("" for air, so its names stay as
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
   * The province updates of one kind of station: cityId → province from the Station records (key
   * stationId), through the repartition {@code <repartition>-repartition}; the join keeps them in
   * {@code store}.
   */
  public record CityProvinces(KStream<String, String> updates, String store) {}

  public static CityProvinces cityProvinces(
      KStream<String, Station> stations, StationKind kind, String prefix, String repartition, String store) {
    KStream<String, String> updates =
        stations
            .filter(
                (stationId, station) ->
                    station != null && station.getKind() == kind && station.getProvince() != null,
                Named.as(kind.name().toLowerCase(Locale.ROOT) + "-stations-with-province"))
            .map(
                (stationId, station) -> KeyValue.pair(station.getCityId(), station.getProvince()),
                Named.as(prefix + "key-province-by-city"))
            .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(repartition));
    return new CityProvinces(updates, store);
  }

  /**
   * The figures keyed {@code province@period}: re-keyed by city (repartition {@code
   * <prefix>ranking-period-by-city}), joined with the provinces in {@link CityProvinceJoin} (stores
   * {@code provinces.store()} and {@code <prefix>ranking-city-figures-store}), re-keyed (repartition
   * {@code <prefix>ranking-by-province-period}).
   */
  public static <V> KStream<String, V> route(
      StreamsBuilder builder,
      KStream<String, V> figures,
      Function<V, String> city,
      Function<V, String> period,
      Serde<V> serde,
      CityProvinces provinces,
      String prefix) {
    String figureStore = prefix + "ranking-city-figures-store";
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(provinces.store()), Serdes.String(), Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(figureStore), Serdes.String(), serde));
    KStream<String, CityProvinceJoin.Input<V>> byCity =
        figures
            .selectKey((key, figure) -> city.apply(figure), Named.as(prefix + "key-period-by-city"))
            .repartition(
                Repartitioned.with(Serdes.String(), serde).withName(prefix + "ranking-period-by-city"))
            .mapValues(CityProvinceJoin.Input::figure, Named.as(prefix + "ranking-figure"));
    return byCity
        .merge(
            provinces.updates().mapValues(CityProvinceJoin.Input::<V>province, Named.as(prefix + "ranking-province")),
            Named.as(prefix + "ranking-figures-and-provinces"))
        .process(
            () -> new CityProvinceJoin<>(provinces.store(), figureStore, period),
            Named.as(prefix + "ranking-city-province-join"),
            provinces.store(),
            figureStore)
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
      CityProvinces provinces,
      String prefix,
      String store,
      Class<S> stateType,
      RankingBook<V, S, R> rankings,
      Topic<String, R> output) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(store), Serdes.String(), AvroSerde.of(stateType)));
    route(builder, figures, city, period, serde, provinces, prefix)
        .process(
            () -> new RankingProcessor<>(store, rankings), Named.as(prefix + "province-ranking"), store)
        .to(
            output.name(),
            Produced.with(output.keySerde(), output.valueSerde()).withName(prefix + "ranking-sink"));
  }
}
