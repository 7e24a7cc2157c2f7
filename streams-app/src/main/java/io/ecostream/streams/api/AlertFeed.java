package io.ecostream.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ecostream.avro.Alert;
import io.ecostream.serde.AvroJson;
import io.ecostream.serde.OutputFormat;
import io.ecostream.serde.OutputSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts topic as every instance sees it: a consumer of its own (read-committed, from the
 * beginning, no group) keeps the latest value of each alert in memory for {@code GET /api/alerts}
 * and pushes each new one to the browsers that listen on {@code GET /api/alerts/stream}
 * (server-sent events). Every instance reads the whole topic, so an alert is answered and pushed by
 * whichever instance a dashboard talks to, with no forwarding.
 *
 * <p>Memory is bounded: beyond {@code capacity} alerts, those of the oldest event time are
 * forgotten (the topic, compacted by alert id, still holds them). A value that cannot be read is
 * skipped and logged: the feed serves ops, it never stops for one record.
 */
public final class AlertFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Comparator<Alert> BY_EVENT_TIME =
      Comparator.comparing(Alert::getEventTime).thenComparing(Alert::getAlertId);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final int capacity;
  private final OutputSerde<Alert> serde = OutputSerde.of(Alert.class, OutputFormat.AVRO);
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Alert> byId = new HashMap<>();
  private final NavigableSet<Alert> byTime = new TreeSet<>(BY_EVENT_TIME);
  private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean caughtUp;
  private volatile boolean closed;
  private long lastHeartbeat = System.nanoTime();

  /**
   * @param clientConfig the cluster's client settings (bootstrap servers, security); the consumer's
   *     own settings are added here
   */
  public AlertFeed(Map<String, Object> clientConfig, String topic, int capacity) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.capacity = capacity;
    this.thread = new Thread(this::run, "ecostream-alert-feed");
    thread.setDaemon(true);
  }

  public AlertFeed start() {
    thread.start();
    return this;
  }

  /** Whether the feed has read the topic up to where it ended when the feed started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /**
   * The alerts whose event time is at or after {@code since}, oldest first, at most {@code limit}
   * of the newest.
   */
  public synchronized List<Alert> since(Instant since, int limit) {
    List<Alert> found = new ArrayList<>();
    for (Alert alert : byTime.descendingSet()) {
      if (alert.getEventTime().isBefore(since) || found.size() == limit) {
        break;
      }
      found.add(alert);
    }
    Collections.reverse(found);
    return found;
  }

  /**
   * {@code GET /api/alerts/stream}: each new alert as a server-sent event {@code alert}, its data
   * the alert's JSON.
   */
  public HttpHandler streamHandler() {
    return this::openStream;
  }

  private void openStream(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      exchange.sendResponseHeaders(405, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    // The browser reconnects after this many milliseconds when the connection drops.
    out.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    // Kept open past this handler: the feed's thread writes to it until the browser goes away.
    streams.add(out);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (!closed) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          read(record);
        }
        if (!caughtUp && reached(ends)) {
          caughtUp = true;
          LOG.info("alert feed: read {} alerts of {}", byId.size(), topic);
        }
        heartbeat();
      }
    } catch (WakeupException e) {
      // close()
    } catch (RuntimeException e) {
      LOG.error("alert feed stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
      streams.forEach(AlertFeed::closeQuietly);
    }
  }

  private List<TopicPartition> partitions() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic)) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    return partitions;
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void read(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    Alert alert;
    try {
      alert = serde.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      LOG.warn(
          "alert feed: skipped {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    keep(alert);
    if (caughtUp) {
      push(alert);
    }
  }

  private synchronized void keep(Alert alert) {
    Alert before = byId.put(alert.getAlertId(), alert);
    if (before != null) {
      byTime.remove(before);
    }
    byTime.add(alert);
    while (byTime.size() > capacity) {
      byId.remove(byTime.pollFirst().getAlertId());
    }
  }

  private void push(Alert alert) {
    byte[] event;
    try {
      event =
          ("event: alert\ndata: " + json.writeValueAsString(AvroJson.toTree(alert)) + "\n\n")
              .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("alert feed: cannot write {} as JSON: {}", alert.getAlertId(), e.toString());
      return;
    }
    send(event);
  }

  /** A comment line now and then, so that a browser gone away is noticed and its stream dropped. */
  private void heartbeat() {
    if (System.nanoTime() - lastHeartbeat >= HEARTBEAT.toNanos()) {
      lastHeartbeat = System.nanoTime();
      send(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void send(byte[] event) {
    for (OutputStream out : streams) {
      try {
        out.write(event);
        out.flush();
      } catch (IOException gone) {
        streams.remove(out);
        closeQuietly(out);
      }
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // The browser is gone already.
    }
  }

  @Override
  public void close() {
    closed = true;
    if (!thread.isAlive()) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
