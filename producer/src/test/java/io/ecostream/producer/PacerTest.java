package io.ecostream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.fixtures.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final Instant WALL = Instant.parse("2025-06-01T08:00:00Z");

  private final FakeClock wall = new FakeClock(WALL);

  @Test
  void shouldWaitInShortSlicesUntilSimulatedTimeIsDue() throws InterruptedException {
    Pacer pacer = new Pacer(Pacing.speed(3600), wall, wall.sleeper(), Optional.empty());
    pacer.start();

    Optional<StopReason> stopped = pacer.awaitSimulated(Duration.ofMinutes(90), () -> false);

    assertThat(stopped).isEmpty();
    assertThat(wall.instant()).isEqualTo(WALL.plusMillis(1500));
    assertThat(wall.sleeps()).isEqualTo(8);
  }

  @Test
  void shouldNotWaitForWhatIsAlreadyDueOrWhenUnpaced() throws InterruptedException {
    Pacer paced = new Pacer(Pacing.speed(3600), wall, wall.sleeper(), Optional.empty());
    paced.start();
    Pacer unpaced = new Pacer(Pacing.asFastAsPossible(), wall, wall.sleeper(), Optional.empty());
    unpaced.start();

    assertThat(paced.awaitSimulated(Duration.ofHours(-1), () -> false)).isEmpty();
    assertThat(unpaced.awaitSimulated(Duration.ofDays(365), () -> false)).isEmpty();
    assertThat(wall.sleeps()).isZero();
  }

  @Test
  void shouldStopWaitingWhenAskedOrAtTheWallClockLimit() throws InterruptedException {
    Pacer limited =
        new Pacer(Pacing.speed(3600), wall, wall.sleeper(), Optional.of(Duration.ofSeconds(2)));
    limited.start();

    assertThat(limited.awaitSimulated(Duration.ofHours(1), () -> true))
        .contains(StopReason.STOPPED);
    assertThat(limited.awaitSimulated(Duration.ofHours(3), () -> false))
        .contains(StopReason.DURATION);
    assertThat(wall.instant()).isEqualTo(WALL.plusSeconds(2));
  }

  @Test
  void shouldTurnAnyStretchOfSimulatedTimeIntoWallTime() {
    assertThat(Pacing.speed(3600).wallTimeFor(Duration.ofMinutes(30)))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(Pacing.speed(3600).wallTimeFor(Duration.ofHours(5)))
        .isEqualTo(Pacing.speed(3600).wallTimeFor(5));
    assertThat(Pacing.asFastAsPossible().wallTimeFor(Duration.ofHours(5))).isZero();
  }
}
