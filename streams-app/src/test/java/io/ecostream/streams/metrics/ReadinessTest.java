package io.ecostream.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.streams.metrics.Readiness.Sample;
import io.ecostream.streams.metrics.Readiness.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
  private static final Duration STALL = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(T0);
  private final Readiness readiness = new Readiness(STALL, clock);

  private static Sample running(long lag, long committed) {
    return Sample.reachable("RUNNING", true, lag, committed);
  }

  private static Sample brokerDown() {
    return Sample.unreachable("RUNNING", true, "no answer within 1500 ms");
  }

  @Test
  void shouldNotBeReadyBeforeTheFirstSample() {
    assertThat(readiness.verdict()).isEqualTo(new Verdict(false, "starting: not sampled yet"));
  }

  @Test
  void shouldBeReadyWhileRunningAndCommitting() {
    readiness.record(running(500, 100));
    clock.advance(Duration.ofSeconds(20));
    readiness.record(running(400, 200));
    clock.advance(Duration.ofSeconds(20));
    readiness.record(running(300, 300));

    assertThat(readiness.verdict())
        .isEqualTo(new Verdict(true, "processing, 300 input records waiting"));
  }

  @Test
  void shouldBeReadyWhenIdleWithNothingWaiting() {
    readiness.record(running(0, 1000));
    clock.advance(Duration.ofMinutes(10));
    readiness.record(running(0, 1000));

    assertThat(readiness.verdict()).isEqualTo(new Verdict(true, "up to date"));
  }

  @Test
  void shouldNotBeReadyWhileTheClusterCannotBeReached() {
    readiness.record(running(10, 100));
    readiness.record(brokerDown());

    assertThat(readiness.verdict())
        .isEqualTo(new Verdict(false, "cannot reach the Kafka cluster: no answer within 1500 ms"));
  }

  @Test
  void shouldNotBeReadyWhenStreamsIsNotRunning() {
    readiness.record(Sample.reachable("PENDING_ERROR", false, 10, 100));

    assertThat(readiness.verdict()).isEqualTo(new Verdict(false, "streams is PENDING_ERROR"));
  }

  @Test
  void shouldNotBeReadyWhenInputWaitsAndNothingIsCommittedForLongerThanTheStallTimeout() {
    readiness.record(running(50, 100));
    clock.advance(STALL);
    readiness.record(running(50, 100));
    assertThat(readiness.verdict().ready()).as("exactly at the stall timeout").isTrue();

    clock.advance(Duration.ofSeconds(1));
    readiness.record(running(80, 100));

    assertThat(readiness.verdict())
        .isEqualTo(
            new Verdict(
                false, "no progress for 31 s with 80 input records waiting (stall timeout 30 s)"));
  }

  @Test
  void shouldBeReadyAgainAtTheFirstCommitAfterAStall() {
    readiness.record(running(50, 100));
    clock.advance(Duration.ofSeconds(45));
    readiness.record(running(50, 100));
    clock.advance(Duration.ofSeconds(1));
    readiness.record(running(40, 110));

    assertThat(readiness.verdict())
        .isEqualTo(new Verdict(true, "processing, 40 input records waiting"));
  }

  @Test
  void shouldCountAStallFromWhenTheClusterAnswersAgain() {
    readiness.record(running(50, 100));
    for (int s = 0; s < 60; s++) {
      clock.advance(Duration.ofSeconds(1));
      readiness.record(brokerDown());
    }
    clock.advance(Duration.ofSeconds(1));
    readiness.record(running(50, 100));
    clock.advance(Duration.ofSeconds(10));
    readiness.record(running(50, 100));

    assertThat(readiness.verdict().ready())
        .as("10 s after the cluster came back: %s", readiness.verdict())
        .isTrue();
  }

  @Test
  void shouldRefuseANonPositiveStallTimeout() {
    assertThatThrownBy(() -> new Readiness(Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stall timeout must be positive");
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
