package io.ecostream.cli.report;

import io.ecostream.topics.ClusterCheck;
import io.ecostream.topics.TopicOffsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the streams application has processed everything: its consumer group has committed,
 * on every partition of the input topics and of its own repartition topics, the end offset, and
 * that stays so across two checks (a repartition topic may receive records while the input is being
 * finished). The checks are further apart than the app's commit interval.
 */
public final class PipelineDrain {

  /** Longer than the app's commit interval (1 s), so that a stable check is a settled one. */
  private static final Duration POLL = Duration.ofMillis(1500);

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private PipelineDrain() {}

  /** A call to the cluster got no answer in time: the broker is lost, not slow. */
  public static final class ClusterSilentException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    ClusterSilentException(String message) {
      super(message);
    }
  }

  /**
   * @param groupId the streams application id
   * @param inputTopics the input topics the application reads
   * @throws TimeoutException when the application has not caught up within {@code timeout}
   */
  public static void await(
      Admin admin, String groupId, Collection<String> inputTopics, Duration timeout)
      throws TimeoutException, InterruptedException {
    await(admin, groupId, inputTopics, timeout, CALL_TIMEOUT, progress -> {});
  }

  /** How far the application got: the input offsets it committed, of those the input holds. */
  public record Progress(long inputProcessed, long inputTotal) {

    public double fraction() {
      return inputTotal == 0 ? 1 : (double) inputProcessed / inputTotal;
    }
  }

  /**
   * @param callTimeout how long one call to the cluster may take: a cluster silent for that long is
   *     lost, not slow
   * @param progress told after every check
   * @throws TimeoutException when the application has not caught up within {@code timeout}, or the
   *     cluster did not answer a call within {@code callTimeout}
   */
  public static void await(
      Admin admin,
      String groupId,
      Collection<String> inputTopics,
      Duration timeout,
      Duration callTimeout,
      Consumer<Progress> progress)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int caughtUpChecks = 0;
    while (caughtUpChecks < 2) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "the streams application '"
                + groupId
                + "' had not processed everything after "
                + timeout.toSeconds()
                + " s");
      }
      Check check = check(admin, groupId, inputTopics, callTimeout);
      caughtUpChecks = check.caughtUp() ? caughtUpChecks + 1 : 0;
      progress.accept(check.progress());
      Thread.sleep(POLL.toMillis());
    }
  }

  private record Check(boolean caughtUp, Progress progress) {}

  private static Check check(
      Admin admin, String groupId, Collection<String> inputTopics, Duration callTimeout)
      throws InterruptedException, TimeoutException {
    long timeoutMs = callTimeout.toMillis();
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(timeoutMs, TimeUnit.MILLISECONDS);
      Set<String> topics =
          committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
      topics.addAll(inputTopics);
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          TopicOffsets.of(
              admin, topics, OffsetSpec.latest(), new ListOffsetsOptions(), callTimeout);
      boolean caughtUp = true;
      long inputProcessed = 0;
      long inputTotal = 0;
      for (var end : ends.entrySet()) {
        OffsetAndMetadata position = committed.get(end.getKey());
        long endOffset = end.getValue().offset();
        if (inputTopics.contains(end.getKey().topic())) {
          inputTotal += endOffset;
          inputProcessed += position == null ? 0 : Math.min(position.offset(), endOffset);
        }
        // Under exactly-once, internal topics are written in transactions: the last commit marker
        // takes an offset that the application never reads as a record, nor commits past while
        // idle. Under at-least-once a record there would be processed and committed within the
        // commit interval, so a stable end − 1 is a marker either way.
        long required = inputTopics.contains(end.getKey().topic()) ? endOffset : endOffset - 1;
        if (endOffset > 0 && (position == null || position.offset() < required)) {
          caughtUp = false;
        }
      }
      return new Check(caughtUp, new Progress(inputProcessed, inputTotal));
    } catch (TimeoutException e) {
      throw silent(callTimeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw silent(callTimeout);
      }
      return new Check(false, new Progress(0, 0));
    }
  }

  private static ClusterSilentException silent(Duration callTimeout) {
    return new ClusterSilentException(
        "the cluster did not answer within " + ClusterCheck.seconds(callTimeout));
  }
}
