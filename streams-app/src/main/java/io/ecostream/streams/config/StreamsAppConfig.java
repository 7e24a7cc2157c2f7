package io.ecostream.streams.config;

import io.ecostream.streams.errors.SizeCheckedClientSupplier;
import io.ecostream.streams.errors.SkipRecordDeserializationHandler;
import io.ecostream.streams.errors.SkipRecordProcessingHandler;
import io.ecostream.streams.errors.SkipRecordProductionHandler;
import io.ecostream.streams.state.MemtableSize;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the run command before the file, environment and flags. */
public final class StreamsAppConfig {

  public static final String DEFAULT_APPLICATION_ID = "ecostream-streams";
  public static final Path DEFAULT_STATE_DIR = Path.of(".ecostream", "state");

  private StreamsAppConfig() {}

  public static Properties defaults() {
    Properties defaults = new Properties();
    defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    defaults.put(StreamsConfig.STATE_DIR_CONFIG, DEFAULT_STATE_DIR.toString());
    // Exactly-once: the stores (the event-time watermark among them) and the outputs move with
    // the committed offsets, so a reading processed again after a crash meets the state it met the
    // first time, is never taken for late, and no alert is decided twice.
    defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // Transactional stores (KIP-892) keep a commit's writes apart until its transaction committed
    // and hold their changelog offsets themselves: a crash then costs what the stores had not yet
    // written to disk (bounded by the memtable size, MemtableSize), not every store of every task
    // it had, which
    // exactly-once otherwise wipes and rebuilds from the whole changelogs.
    defaults.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, "true");
    defaults.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, MemtableSize.class.getName());
    // Output latency and the cost of commits (a transaction and a state-store flush each under
    // exactly-once): at the 100 ms exactly-once default a replay of 0.28 M readings ran at ~360
    // readings/s, at 1 s it took ~20 s. Hourly data need no sub-second latency.
    defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    // A city task reads the readings and two small repartition topics (re-keyed readings, the
    // cities' provinces) whose records need no ordering against each other: never idle waiting for
    // an empty one to fill. (Waiting also costs Kafka Streams 4.3 a formatted log string per loop.)
    defaults.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
    // A store renamed by accident loses its state silently; refuse auto-generated names.
    defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    // The default of Kafka 5.0; opting in now keeps behaviour stable across the upgrade.
    defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    // One record never stops the pipeline: a record that fails on an error of its own (too large
    // to send, not serializable, an exception of our code) is skipped and counted, as the intake
    // dead-letters what it can tell is bad; any other error still fails (RecordSkips). The client
    // supplier refuses an output over max.request.size before the producer does, which under
    // exactly-once would also fail its transaction (SizeCheckedProducer).
    defaults.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        SkipRecordProductionHandler.class.getName());
    defaults.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        SkipRecordProcessingHandler.class.getName());
    defaults.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        SkipRecordDeserializationHandler.class.getName());
    defaults.put(
        StreamsConfig.DEFAULT_CLIENT_SUPPLIER_CONFIG, SizeCheckedClientSupplier.class.getName());
    // Kafka Streams waits this long between its checks that the internal topics it created are
    // ready (Kafka's 100 ms made a start with 16 internal topics take 3.3 s instead of 1.8 s). It
    // reads the value from the main consumer's settings, so the consumer has it too (its retries
    // back off exponentially from it up to retry.backoff.max.ms, 1 s); the admin client keeps
    // Kafka's 100 ms.
    defaults.put(StreamsConfig.RETRY_BACKOFF_MS_CONFIG, "20");
    // A commit sends the task's offsets into the transaction right after the previous transaction
    // committed; the coordinator refuses them while it still completes that one
    // (CONCURRENT_TRANSACTIONS), and the producer retries after this backoff. At Kafka's 100 ms
    // every commit held the stream thread about 100 ms (JFR: 47 waits of 106 ms on average in 20 s
    // of the bench's latency phase), at 10 ms it no longer shows. Other retries still back off
    // exponentially up to retry.backoff.max.ms (1 s).
    defaults.put(StreamsConfig.producerPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG), "10");
    defaults.put(
        StreamsConfig.adminClientPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG), "100");
    // Measured on 2-core machines: bigger batches lift Streams throughput (docs/performance.md).
    defaults.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    defaults.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "65536");
    return defaults;
  }
}
