package io.ecostream.streams.ranking;

import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Places cities' period figures in their province, whichever arrives first: a figure whose city's
 * province is known goes on at once; a province that becomes known (or changes) sends on every
 * figure kept for that city. So a Station record that arrives after the readings, as on a live
 * network when a city is added, still places the city, and replay order does not matter. Input
 * keyed by city id; output keyed {@code province@period}.
 */
final class CityProvinceJoin<V> implements Processor<String, CityProvinceJoin.Input<V>, String, V> {

  /** A city's figure, or its province. */
  record Input<V>(V figure, String province) {
    static <V> Input<V> figure(V figure) {
      return new Input<>(figure, null);
    }

    static <V> Input<V> province(String province) {
      return new Input<>(null, province);
    }
  }

  private static final StringSerializer KEYS = new StringSerializer();

  private final String provinceStore;
  private final String figureStore;
  private final Function<V, String> period;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, String> provinces;
  private KeyValueStore<String, V> figures;

  CityProvinceJoin(String provinceStore, String figureStore, Function<V, String> period) {
    this.provinceStore = provinceStore;
    this.figureStore = figureStore;
    this.period = period;
  }

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    this.provinces = context.getStateStore(provinceStore);
    this.figures = context.getStateStore(figureStore);
  }

  @Override
  public void process(Record<String, Input<V>> record) {
    String city = record.key();
    Input<V> input = record.value();
    if (city == null || input == null) {
      return;
    }
    if (input.province() != null) {
      if (input.province().equals(provinces.get(city))) {
        return;
      }
      provinces.put(city, input.province());
      try (KeyValueIterator<String, V> kept = figures.prefixScan(city + "@", KEYS)) {
        while (kept.hasNext()) {
          KeyValue<String, V> figure = kept.next();
          forward(record, input.province(), figure.value);
        }
      }
      return;
    }
    figures.put(city + "@" + period.apply(input.figure()), input.figure());
    String province = provinces.get(city);
    if (province != null) {
      forward(record, province, input.figure());
    }
  }

  private void forward(Record<String, Input<V>> record, String province, V figure) {
    context.forward(
        record.withKey(ByProvince.key(province, period.apply(figure))).withValue(figure));
  }
}
