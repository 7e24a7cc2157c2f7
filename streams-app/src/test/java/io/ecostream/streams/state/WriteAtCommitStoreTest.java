package io.ecostream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the changelog: one record per key and commit, holding the live value as of the
 * commit. The test driver commits after every input record.
 */
class WriteAtCommitStoreTest {

  private static final String APP = "write-at-commit-test";
  private static final String STORE = "counters";

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> input;
  private TestOutputTopic<String, Long> changelog;

  /** A live counter: the value it has when the store commits it. */
  private static final class Counter extends WriteAtCommitStore.LiveValue<Long> {
    private final String key;
    private long value;

    Counter(String key, long value) {
      this.key = key;
      this.value = value;
    }

    @Override
    protected void write(WriteAtCommitStore.Writes<Long> writes) {
      writes.put(key, value);
    }
  }

  /** Value n adds one to the key's counter n times. */
  private static final class Counters implements Processor<String, String, Void, Void> {
    private final Map<String, Counter> live = new HashMap<>();
    private WriteAtCommitStore<Long> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      String key = record.key();
      Counter counter =
          live.computeIfAbsent(
              key,
              k -> {
                Long stored = store.get(k);
                return new Counter(k, stored == null ? 0 : stored);
              });
      for (int i = 0; i < Integer.parseInt(record.value()); i++) {
        counter.value++;
        store.changed(counter);
      }
    }
  }

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        WriteAtCommitStore.builder(Stores.inMemoryKeyValueStore(STORE), Serdes.Long()));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(Counters::new, Named.as("counters"), STORE);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props);
    input =
        driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    changelog =
        driver.createOutputTopic(
            APP + "-" + STORE + "-changelog",
            Serdes.String().deserializer(),
            Serdes.Long().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldLogOneRecordPerKeyAndCommitWithTheValueAsOfTheCommit() {
    input.pipeInput("a", "5");
    input.pipeInput("b", "2");
    input.pipeInput("a", "3");

    assertThat(changelog.readKeyValuesToList())
        .containsExactly(KeyValue.pair("a", 5L), KeyValue.pair("b", 2L), KeyValue.pair("a", 8L));
  }

  @Test
  void shouldHoldWhatWasCommittedInItsStore() {
    input.pipeInput("a", "7");

    @SuppressWarnings("unchecked")
    WriteAtCommitStore<Long> store =
        (WriteAtCommitStore<Long>) driver.getAllStateStores().get(STORE);
    List<KeyValue<String, Long>> all = new ArrayList<>();
    try (var entries = store.all()) {
      entries.forEachRemaining(all::add);
    }
    assertThat(all).containsExactly(KeyValue.pair("a", 7L));
  }
}
