package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code run} says of the cluster, from the readiness probe's samples (one a second). */
class ClusterWatchTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final String ADDRESS = "localhost:9092";

  private final StringWriter err = new StringWriter();
  private final ClusterWatch watch =
      new ClusterWatch(ADDRESS, Duration.ofSeconds(15), new PrintWriter(err, true));

  @Test
  void shouldSayOnceThatTheBrokerStoppedAnsweringAfterTheTimeoutAndThatItAnswersAgain() {
    watch.sampled(true, 0);
    for (int second = 1; second <= 15; second++) {
      watch.sampled(false, second * SECOND);
    }
    assertThat(err.toString()).as("silent for 14 s of a 15 s timeout").isEmpty();

    for (int second = 16; second <= 40; second++) {
      watch.sampled(false, second * SECOND);
    }
    watch.sampled(true, 41 * SECOND);
    watch.sampled(true, 42 * SECOND);

    assertThat(err.toString().lines())
        .containsExactly(
            "ecostream run: the Kafka broker at "
                + ADDRESS
                + " did not answer within 15 s (the application"
                + " waits for it and goes on when it is back); check that it runs, or raise --kafka-timeout",
            "ecostream run: the Kafka broker at " + ADDRESS + " answers again");
  }

  @Test
  void shouldSayNothingOfAnOutageShorterThanTheTimeout() {
    for (int second = 0; second < 10; second++) {
      watch.sampled(false, second * SECOND);
    }
    watch.sampled(true, 10 * SECOND);
    for (int second = 11; second < 25; second++) {
      watch.sampled(false, second * SECOND);
    }
    watch.sampled(true, 25 * SECOND);

    assertThat(err.toString()).isEmpty();
  }
}
