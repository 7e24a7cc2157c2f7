package io.ecostream.streams;

import io.ecostream.topics.ClusterCheck;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Says in one line when the cluster stops answering while the streams application runs, and when
 * it answers again. Kafka Streams waits for a lost broker and goes on when it is back, which suits
 * a service, but says nothing while it has nothing to write.
 */
final class ClusterWatch implements AutoCloseable {

  private final Admin admin;
  private final String address;
  private final Duration timeout;
  private final PrintWriter err;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "ecostream-cluster-watch");
            thread.setDaemon(true);
            return thread;
          });
  private boolean lost;

  private ClusterWatch(Map<String, Object> adminConfig, String address, Duration timeout, PrintWriter err) {
    this.admin = Admin.create(adminConfig);
    this.address = address;
    this.timeout = timeout;
    this.err = err;
  }

  /** Asks the cluster once per {@code timeout}, each time waiting for the answer that long. */
  static ClusterWatch start(Map<String, Object> adminConfig, String address, Duration timeout, PrintWriter err) {
    ClusterWatch watch = new ClusterWatch(adminConfig, address, timeout, err);
    watch.timer.scheduleWithFixedDelay(watch::check, timeout.toMillis(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  private void check() {
    boolean answers;
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      answers = true;
    } catch (ExecutionException | TimeoutException e) {
      answers = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!answers && !lost) {
      say(ClusterCheck.lostMessage(address, timeout, "the application waits for it and goes on when it is back"));
    } else if (answers && lost) {
      say("the Kafka broker at " + address + " answers again");
    }
    lost = !answers;
  }

  private void say(String line) {
    err.println("ecostream run: " + line);
    err.flush();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(Duration.ZERO);
  }
}
