package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.serde.AvroSerde;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Heavy-pollution alerts (day and episode, see {@link HeavyPollutionTracker}) from the city-daily
 * updates. The updates are keyed {@code cityId@date}; they are re-keyed by city so that a city's
 * days meet in one state, whose store and repartition topic are named here, since a renamed store
 * silently loses its state.
 */
public final class HeavyPollutionAlerts {

  public static final String KEY_BY_CITY = "heavy-pollution-key-by-city";
  public static final String REPARTITION = "heavy-pollution-by-city";
  public static final String PROCESSOR = "heavy-pollution-alerts";
  public static final String STORE = "heavy-pollution-store";

  private HeavyPollutionAlerts() {}

  /**
   * @param cityDaily every revision of every city-day, keyed {@code cityId@yyyy-MM-dd}, with event
   *     time as record timestamp
   * @param cityDailySerde the serde of the updates in the repartition topic
   * @return the changed alerts, keyed by alert id
   */
  public static KStream<String, Alert> alerts(
      KStream<String, CityDaily> cityDaily,
      Serde<CityDaily> cityDailySerde,
      HeavyPollutionRules rules) {
    return cityDaily
        .selectKey(
            (cityDay, daily) -> daily == null ? cityDay : daily.getCityId(), Named.as(KEY_BY_CITY))
        .repartition(Repartitioned.with(Serdes.String(), cityDailySerde).withName(REPARTITION))
        .process(new Supplier(new HeavyPollutionTracker(rules)), Named.as(PROCESSOR));
  }

  /** The processor with its store, which the supplier connects itself. */
  private record Supplier(HeavyPollutionTracker tracker)
      implements ProcessorSupplier<String, CityDaily, String, Alert> {

    @Override
    public Processor<String, CityDaily, String, Alert> get() {
      return new HeavyPollutionProcessor(STORE, tracker);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      StoreBuilder<KeyValueStore<String, HeavyPollutionState>> store =
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(STORE),
              Serdes.String(),
              AvroSerde.of(HeavyPollutionState.class));
      return Set.of(store);
    }
  }
}
