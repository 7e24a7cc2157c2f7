package io.ecostream.streams.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A persistent, logged key-value store for state that its processor keeps as live objects in
 * memory. A live object that changed marks itself ({@link #changed(LiveValue)}, once per commit,
 * without hashing anything); when Kafka Streams commits the task, the object writes what of it
 * changed, encoded once, to RocksDB and to the changelog, however often it changed in between. A
 * station that reports sixty times between two commits costs one encoding and one changelog record,
 * not sixty, and a reading encodes nothing.
 *
 * <p>Correct under exactly-once for the same reason Kafka Streams' own record cache is: the pending
 * writes go out as part of the commit, in the transaction that commits the offsets of the records
 * that made them (Kafka Streams flushes every {@link CachedStateStore} before it commits a task),
 * so a crash loses pending writes together with the offsets that would have needed them. A live
 * object therefore writes its state as of the commit, not a copy taken earlier.
 *
 * <p>Built by {@link #builder}; the processor reaches it with {@code context.getStateStore(name)}.
 * {@code CachedStateStore} is an internal interface of Kafka Streams, the one hook it gives a store
 * to write before the commit; the tests on the real broker ({@code FaultToleranceIT}) and with the
 * test driver hold that to account at every upgrade.
 */
public final class WriteAtCommitStore<V>
    implements StateStore, CachedStateStore<Bytes, byte[]>, ReadOnlyKeyValueStore<String, V> {

  /** What a live object writes at the commit. */
  public interface Writes<V> {
    void put(String key, V value);
  }

  /**
   * A live object whose changes are written at the commit. It marks itself with {@link
   * #changed(LiveValue)} after each change; the store calls {@link #write} once per commit.
   */
  public abstract static class LiveValue<V> {
    /** The commit the object is queued for, so that it is queued once per commit. */
    private long queuedFor = -1;

    /** Writes the changes since the last commit, and forgets them. */
    protected abstract void write(Writes<V> writes);
  }

  private final KeyValueStore<String, V> stored;

  /** Live objects changed since the last commit, in the order they first changed. */
  private final List<LiveValue<V>> changedValues = new ArrayList<>();

  /** Counts commits (and discards), so that a queued mark from before one is stale. */
  private long commits;

  private final Writes<V> writes =
      new Writes<>() {
        @Override
        public void put(String key, V value) {
          stored.put(key, value);
        }
      };

  private WriteAtCommitStore(KeyValueStore<String, V> stored) {
    this.stored = stored;
  }

  /** A store named {@code name} with a changelog, string keys and values in {@code valueSerde}. */
  public static <V> StoreBuilder<WriteAtCommitStore<V>> builder(String name, Serde<V> valueSerde) {
    return builder(Stores.persistentKeyValueStore(name), valueSerde);
  }

  /** A store of the given kind (tests use in-memory ones), with a changelog unless disabled. */
  public static <V> StoreBuilder<WriteAtCommitStore<V>> builder(
      KeyValueBytesStoreSupplier kind, Serde<V> valueSerde) {
    return new Builder<>(
        Stores.keyValueStoreBuilder(kind, Serdes.String(), valueSerde).withCachingDisabled());
  }

  /**
   * The value as of the last commit: what a processor reads once, to make the live object that
   * holds the key from then on, and what an interactive query sees.
   */
  @Override
  public V get(String key) {
    return stored.get(key);
  }

  /** The object changed: it writes its changes at the next commit. */
  public void changed(LiveValue<V> value) {
    if (value.queuedFor != commits) {
      value.queuedFor = commits;
      changedValues.add(value);
    }
  }

  // The reads below give the state as of the last commit, without the pending writes: they may
  // come from interactive queries on other threads, which must not write, and a processor reads
  // the store only when it is initialised, when nothing is pending.

  @Override
  public KeyValueIterator<String, V> all() {
    return stored.all();
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    return stored.range(from, to);
  }

  @Override
  public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
      P prefix, PS prefixKeySerializer) {
    return stored.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return stored.approximateNumEntries();
  }

  @Override
  public void flushCache() {
    writePending();
  }

  @Override
  public void clearCache() {
    discardPending();
  }

  private void discardPending() {
    changedValues.clear();
    commits++;
  }

  @Override
  public boolean setFlushListener(
      CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
    return false;
  }

  private void writePending() {
    for (LiveValue<V> value : changedValues) {
      value.write(writes);
    }
    changedValues.clear();
    commits++;
  }

  @Override
  public String name() {
    return stored.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    discardPending();
    stored.init(context, root);
  }

  @Override
  @SuppressWarnings("deprecation")
  public void flush() {
    writePending();
    stored.flush();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    writePending();
    stored.commit(changelogOffsets);
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return stored.committedOffset(partition);
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean managesOffsets() {
    return stored.managesOffsets();
  }

  @Override
  public long approximateNumUncommittedBytes() {
    return stored.approximateNumUncommittedBytes();
  }

  @Override
  public void close() {
    discardPending();
    stored.close();
  }

  @Override
  public boolean persistent() {
    return stored.persistent();
  }

  @Override
  public boolean isOpen() {
    return stored.isOpen();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
    return stored.query(query, positionBound, config);
  }

  @Override
  public Position getPosition() {
    return stored.getPosition();
  }

  private static final class Builder<V> implements StoreBuilder<WriteAtCommitStore<V>> {
    private final StoreBuilder<KeyValueStore<String, V>> stored;

    Builder(StoreBuilder<KeyValueStore<String, V>> stored) {
      this.stored = stored;
    }

    /** The store is its own cache. */
    @Override
    public StoreBuilder<WriteAtCommitStore<V>> withCachingEnabled() {
      return this;
    }

    @Override
    public StoreBuilder<WriteAtCommitStore<V>> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<WriteAtCommitStore<V>> withLoggingEnabled(Map<String, String> config) {
      stored.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<WriteAtCommitStore<V>> withLoggingDisabled() {
      stored.withLoggingDisabled();
      return this;
    }

    @Override
    public WriteAtCommitStore<V> build() {
      return new WriteAtCommitStore<>(stored.build());
    }

    @Override
    public Map<String, String> logConfig() {
      return stored.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return stored.loggingEnabled();
    }

    @Override
    public String name() {
      return stored.name();
    }
  }
}
