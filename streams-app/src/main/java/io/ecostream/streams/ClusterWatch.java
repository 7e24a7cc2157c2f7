package io.ecostream.streams;

import io.ecostream.streams.metrics.ReadinessProbe;
import io.ecostream.topics.ClusterCheck;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Says in one line when the cluster has not answered for the Kafka timeout while the streams
 * application runs, and when it answers again. Kafka Streams waits for a lost broker and goes on
 * when it is back, which suits a service, but says nothing while it has nothing to write. Fed by
 * the readiness probe's samples ({@link ReadinessProbe}), so that {@code run} asks the cluster from
 * one client only.
 */
final class ClusterWatch implements ReadinessProbe.ClusterListener {

  private final String address;
  private final Duration timeout;
  private final PrintWriter err;

  /** Since when the cluster has not answered, in nanoseconds; -1 while it answers. */
  private long silentSince = -1;

  private boolean lostSaid;

  ClusterWatch(String address, Duration timeout, PrintWriter err) {
    this.address = address;
    this.timeout = timeout;
    this.err = err;
  }

  @Override
  public synchronized void sampled(boolean answered, long nanoTime) {
    if (answered) {
      if (lostSaid) {
        say("the Kafka broker at " + address + " answers again");
      }
      silentSince = -1;
      lostSaid = false;
      return;
    }
    if (silentSince < 0) {
      silentSince = nanoTime;
    }
    if (!lostSaid && nanoTime - silentSince >= timeout.toNanos()) {
      say(
          ClusterCheck.lostMessage(
              address, timeout, "the application waits for it and goes on when it is back"));
      lostSaid = true;
    }
  }

  private void say(String line) {
    err.println("ecostream run: " + line);
    err.flush();
  }
}
