package io.ecostream.topics;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks the cluster, before a command starts its work, whether a broker answers and whether the
 * topics the command needs exist, within a bounded time. Without it a command on an unreachable
 * cluster waits on its clients' own timeouts (a minute or more) and then fails deep inside them.
 *
 * <p>Ctrl-C during the check ends it at once: the check registers a shutdown hook that interrupts
 * it, so that the command still prints its one line before the JVM exits.
 */
public final class ClusterCheck {

  /** Default of {@code --kafka-timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /** What to do when no broker answers, for every command that is pointed at a cluster. */
  public static final String START_A_BROKER =
      "start one with './ecostream broker' or pass --bootstrap-servers";

  /** How long a Ctrl-C waits for the interrupted check to give up. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private ClusterCheck() {}

  /**
   * @param clientSettings the command's client settings (address, security); the Admin client uses
   *     those it knows
   * @param timeout how long the cluster has to answer
   * @param topics names of the topics the command needs; empty for none
   * @param whatCreatesThem ends the message about a missing topic, e.g. "'./ecostream run' creates
   *     the pipeline's topics"
   * @throws KafkaClusterException one line naming the address and what to do
   */
  public static void require(
      Properties clientSettings,
      Duration timeout,
      Collection<String> topics,
      String whatCreatesThem) {
    String address =
        clientSettings.getProperty(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientConfig.DEFAULT_BOOTSTRAP);
    Thread caller = Thread.currentThread();
    CountDownLatch checked = new CountDownLatch(1);
    Thread onStop =
        new Thread(
            () -> {
              caller.interrupt();
              awaitQuietly(checked, STOP_WAIT);
            },
            "ecostream-cluster-check-stop");
    long started = System.nanoTime();
    try {
      Runtime.getRuntime().addShutdownHook(onStop);
    } catch (IllegalStateException shuttingDown) {
      throw stopped(address, Duration.ZERO);
    }
    try {
      check(adminSettings(clientSettings, timeout), address, timeout, topics, whatCreatesThem);
    } catch (InterruptedException e) {
      throw stopped(address, Duration.ofNanos(System.nanoTime() - started));
    } finally {
      checked.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onStop);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it interrupted the check and now lets the command end.
      }
    }
  }

  /** The message of a broker that stopped answering while a command ran. */
  public static String lostMessage(String address, Duration timeout, String what) {
    return "the Kafka broker at "
        + address
        + " did not answer within "
        + seconds(timeout)
        + " ("
        + what
        + "); check that it runs, or raise --kafka-timeout";
  }

  /** "15 s", "2.5 s". */
  public static String seconds(Duration duration) {
    double seconds = duration.toMillis() / 1000.0;
    return (seconds == Math.rint(seconds)
            ? String.format(Locale.ROOT, "%d", (long) seconds)
            : String.format(Locale.ROOT, "%.1f", seconds))
        + " s";
  }

  private static void check(
      Map<String, Object> settings,
      String address,
      Duration timeout,
      Collection<String> topics,
      String whatCreatesThem)
      throws InterruptedException {
    Admin admin;
    try {
      admin = Admin.create(settings);
    } catch (KafkaException e) {
      // An address that does not resolve fails here, before any request.
      throw new KafkaClusterException(
          "cannot use the Kafka address "
              + address
              + ": "
              + e.getMessage()
              + "; check --bootstrap-servers",
          e);
    }
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    // The futures fail by themselves at the timeout; the extra second only guards against a hang.
    long waitMs = timeout.toMillis() + 1000;
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
          .nodes()
          .get(waitMs, TimeUnit.MILLISECONDS);
      if (topics.isEmpty()) {
        return;
      }
      Set<String> existing =
          admin
              .listTopics(new ListTopicsOptions().timeoutMs(timeoutMs))
              .names()
              .get(waitMs, TimeUnit.MILLISECONDS);
      List<String> missing =
          new LinkedHashSet<>(topics).stream().filter(t -> !existing.contains(t)).toList();
      if (!missing.isEmpty()) {
        throw new KafkaClusterException(
            (missing.size() == 1
                    ? "topic " + missing.get(0) + " does not exist"
                    : "topics " + String.join(", ", missing) + " do not exist")
                + "; "
                + whatCreatesThem);
      }
    } catch (TimeoutException e) {
      throw noAnswer(address, timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw noAnswer(address, timeout, cause);
      }
      if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
        throw new KafkaClusterException(
            "the Kafka cluster at "
                + address
                + " refused the client: "
                + cause.getMessage()
                + "; check the security settings of --command-config",
            cause);
      }
      throw new KafkaClusterException(
          "the Kafka cluster at " + address + " failed a check: " + cause, cause);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** Only what an Admin client knows, so that it logs no warning about the rest. */
  private static Map<String, Object> adminSettings(Properties clientSettings, Duration timeout) {
    Properties bounded = KafkaClientConfig.withRequestTimeouts(clientSettings, timeout);
    Set<String> known = AdminClientConfig.configNames();
    Map<String, Object> settings = new java.util.HashMap<>();
    bounded.stringPropertyNames().stream()
        .filter(known::contains)
        .forEach(name -> settings.put(name, bounded.getProperty(name)));
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "ecostream-cluster-check");
    return settings;
  }

  private static KafkaClusterException noAnswer(String address, Duration timeout, Throwable cause) {
    return new KafkaClusterException(
        "no Kafka broker answers at "
            + address
            + " within "
            + seconds(timeout)
            + "; "
            + START_A_BROKER,
        cause);
  }

  private static KafkaClusterException stopped(String address, Duration after) {
    return new KafkaClusterException(
        "stopped after "
            + seconds(after)
            + " while waiting for a Kafka broker at "
            + address
            + " to answer");
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
