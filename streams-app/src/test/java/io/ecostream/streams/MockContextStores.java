package io.ecostream.streams;

import io.ecostream.streams.state.WriteAtCommitStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** In-memory stores without changelogs, registered with a processor test's mock context. */
public final class MockContextStores {

  private MockContextStores() {}

  /** A key-value store with string keys, in {@code context} under {@code name}. */
  public static <V> KeyValueStore<String, V> add(
      MockProcessorContext<?, ?> context, String name, Serde<V> values) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  /**
   * A {@link WriteAtCommitStore}, in {@code context} under {@code name}; its commits are the
   * test's.
   */
  public static <V> WriteAtCommitStore<V> addWrittenAtCommit(
      MockProcessorContext<?, ?> context, String name, Serde<V> values) {
    WriteAtCommitStore<V> store =
        WriteAtCommitStore.builder(Stores.inMemoryKeyValueStore(name), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }
}
