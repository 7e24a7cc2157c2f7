package io.ecostream.streams.air;

import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.ProvinceRanking;
import io.ecostream.avro.internal.ProvinceRankingState;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest figures of each city per province and period, and emits the period's ranking
 * whenever it changes. Input: CityPeriod keyed {@code province@period}.
 */
public final class ProvinceRankingProcessor
    implements Processor<String, CityPeriod, String, ProvinceRanking> {

  private final String storeName;
  private final ProvinceRankings rankings;
  private ProcessorContext<String, ProvinceRanking> context;
  private KeyValueStore<String, ProvinceRankingState> states;

  public ProvinceRankingProcessor(String storeName, ProvinceRankings rankings) {
    this.storeName = storeName;
    this.rankings = rankings;
  }

  @Override
  public void init(ProcessorContext<String, ProvinceRanking> context) {
    this.context = context;
    this.states = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CityPeriod> record) {
    if (record.value() == null) {
      return;
    }
    ProvinceRankingState stored = states.get(record.key());
    ProvinceRankingState state =
        stored != null ? stored : ProvinceRankings.empty(record.key(), record.value());
    Optional<ProvinceRanking> ranking = rankings.update(state, record.value());
    if (ranking.isPresent()) {
      states.put(record.key(), state);
      context.forward(record.withValue(ranking.get()));
    }
  }
}
