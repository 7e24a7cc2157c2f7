package io.ecostream.streams.metrics;

import io.ecostream.topics.TopicOffsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Feeds {@link Readiness} every {@link #INTERVAL} from the cluster (an Admin client: is it there,
 * the input end offsets, the application's committed offsets) and the Streams state, and tells a
 * {@link ClusterListener} whether the cluster answered.
 */
public final class ReadinessProbe implements AutoCloseable {

  /** Told after every sample whether the cluster answered it. */
  public interface ClusterListener {
    void sampled(boolean answered, long nanoTime);
  }

  static final Duration INTERVAL = Duration.ofSeconds(1);

  /** Shorter than the interval plus its own length, so a down cluster is noticed within ~2 s. */
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);

  private final Readiness readiness;
  private final Admin admin;
  private final String applicationId;
  private final Collection<String> inputTopics;
  private final KafkaStreams streams;
  private final ClusterListener listener;
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "ecostream-readiness");
            thread.setDaemon(true);
            return thread;
          });

  private ReadinessProbe(
      Readiness readiness,
      Admin admin,
      String applicationId,
      Collection<String> inputTopics,
      KafkaStreams streams,
      ClusterListener listener) {
    this.readiness = readiness;
    this.admin = admin;
    this.applicationId = applicationId;
    this.inputTopics = inputTopics;
    this.streams = streams;
    this.listener = listener;
  }

  /** Starts sampling; {@code adminConfig} is the application's admin client configuration. */
  public static ReadinessProbe start(
      Map<String, Object> adminConfig,
      String applicationId,
      Collection<String> inputTopics,
      KafkaStreams streams,
      Duration stallTimeout,
      ClusterListener listener) {
    Properties config = new Properties();
    config.putAll(adminConfig);
    config.put("client.id", applicationId + "-readiness");
    ReadinessProbe probe =
        new ReadinessProbe(
            new Readiness(stallTimeout, Clock.systemUTC()),
            Admin.create(config),
            applicationId,
            inputTopics,
            streams,
            listener);
    probe.sampler.scheduleWithFixedDelay(
        probe::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  public Readiness.Verdict verdict() {
    return readiness.verdict();
  }

  private void sample() {
    KafkaStreams.State state = streams.state();
    boolean running = state.isRunningOrRebalancing();
    boolean answered = false;
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) CALL_TIMEOUT.toMillis()))
          .nodes()
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      answered = true;
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(applicationId)
              .partitionsToOffsetAndMetadata()
              .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      var ends =
          TopicOffsets.of(
              admin,
              inputTopics,
              OffsetSpec.latest(),
              new ListOffsetsOptions(IsolationLevel.READ_COMMITTED),
              CALL_TIMEOUT);
      long lag = 0;
      long done = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        long position = offset == null ? 0 : offset.offset();
        done += position;
        lag += Math.max(0, end.getValue().offset() - position);
      }
      readiness.record(Readiness.Sample.reachable(state.name(), running, lag, done));
    } catch (ExecutionException e) {
      readiness.record(
          Readiness.Sample.unreachable(
              state.name(), running, String.valueOf(e.getCause().getMessage())));
    } catch (TimeoutException e) {
      readiness.record(
          Readiness.Sample.unreachable(
              state.name(), running, "no answer within " + CALL_TIMEOUT.toMillis() + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      readiness.record(
          Readiness.Sample.unreachable(state.name(), running, String.valueOf(e.getMessage())));
    }
    listener.sampled(answered, System.nanoTime());
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
