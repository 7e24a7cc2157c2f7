package io.ecostream.streams.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * The Streams producer, but a record larger than {@code max.request.size} is refused here, before
 * the producer sees it: its callback gets the {@link RecordTooLargeException} the producer would
 * give, and the {@link SkipRecordProductionHandler} skips the record.
 *
 * <p>Why not let the producer refuse it: under exactly-once, the producer that refuses a record
 * also marks its transaction failed, so the next send or commit fails, the stream thread dies, and
 * the record is met again after the restart; the handler's "continue" would not help. A record
 * refused here never touches the transaction.
 */
final class SizeCheckedProducer implements Producer<byte[], byte[]> {

  /**
   * The most a one-record batch adds to its key, value and headers: the batch header (61 bytes),
   * the record's length, attributes, timestamp and offset deltas, key and value lengths and header
   * count as varints (at most 21 bytes together), rounded up.
   */
  static final int BATCH_OVERHEAD = 61 + 21 + 8;

  /** Per header: the lengths of its key and value, as varints. */
  static final int HEADER_OVERHEAD = 10;

  private final Producer<byte[], byte[]> producer;
  private final int maxRequestSize;

  SizeCheckedProducer(Producer<byte[], byte[]> producer, int maxRequestSize) {
    this.producer = producer;
    this.maxRequestSize = maxRequestSize;
  }

  /** At least the size the producer gives the record when it checks {@code max.request.size}. */
  static long sizeUpperBound(ProducerRecord<byte[], byte[]> record) {
    long size = BATCH_OVERHEAD;
    size += record.key() == null ? 0 : record.key().length;
    size += record.value() == null ? 0 : record.value().length;
    for (Header header : record.headers()) {
      size +=
          HEADER_OVERHEAD
              + header.key().length() * 3L
              + (header.value() == null ? 0 : header.value().length);
    }
    return size;
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
    return send(record, null);
  }

  @Override
  public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    long size = sizeUpperBound(record);
    if (size <= maxRequestSize) {
      return producer.send(record, callback);
    }
    RecordTooLargeException tooLarge =
        new RecordTooLargeException(
            "The record to "
                + record.topic()
                + " is up to "
                + size
                + " bytes, more than max.request.size ("
                + maxRequestSize
                + "): not sent");
    if (callback != null) {
      int partition =
          record.partition() == null ? RecordMetadata.UNKNOWN_PARTITION : record.partition();
      callback.onCompletion(
          new RecordMetadata(new TopicPartition(record.topic(), partition), -1L, -1, -1L, -1, -1),
          tooLarge);
    }
    return CompletableFuture.failedFuture(tooLarge);
  }

  @Override
  public void initTransactions() {
    producer.initTransactions();
  }

  @Override
  public void beginTransaction() throws ProducerFencedException {
    producer.beginTransaction();
  }

  @Override
  public void sendOffsetsToTransaction(
      Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata)
      throws ProducerFencedException {
    producer.sendOffsetsToTransaction(offsets, groupMetadata);
  }

  @Override
  public void commitTransaction() throws ProducerFencedException {
    producer.commitTransaction();
  }

  @Override
  public void abortTransaction() throws ProducerFencedException {
    producer.abortTransaction();
  }

  @Override
  public void registerMetricForSubscription(KafkaMetric metric) {
    producer.registerMetricForSubscription(metric);
  }

  @Override
  public void unregisterMetricFromSubscription(KafkaMetric metric) {
    producer.unregisterMetricFromSubscription(metric);
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return producer.partitionsFor(topic);
  }

  @Override
  public Map<MetricName, ? extends Metric> metrics() {
    return producer.metrics();
  }

  @Override
  public Uuid clientInstanceId(Duration timeout) {
    return producer.clientInstanceId(timeout);
  }

  @Override
  public void close() {
    producer.close();
  }

  @Override
  public void close(Duration timeout) {
    producer.close(timeout);
  }
}
