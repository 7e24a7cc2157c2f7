package io.ecostream.streams.ranking;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest figures of each city per province and period, and emits the period's ranking
 * whenever it changes. Input: city figures keyed {@code province@period}.
 */
public final class RankingProcessor<V, S, R> implements Processor<String, V, String, R> {

  private final String storeName;
  private final RankingBook<V, S, R> rankings;
  private ProcessorContext<String, R> context;
  private KeyValueStore<String, S> states;

  public RankingProcessor(String storeName, RankingBook<V, S, R> rankings) {
    this.storeName = storeName;
    this.rankings = rankings;
  }

  @Override
  public void init(ProcessorContext<String, R> context) {
    this.context = context;
    this.states = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.value() == null) {
      return;
    }
    S stored = states.get(record.key());
    S state = stored != null ? stored : rankings.initial(record.key(), record.value());
    Optional<R> ranking = rankings.update(state, record.value());
    if (ranking.isPresent()) {
      states.put(record.key(), state);
      context.forward(record.withValue(ranking.get()));
    }
  }
}
