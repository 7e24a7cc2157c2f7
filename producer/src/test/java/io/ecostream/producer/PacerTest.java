package io.ecostream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.fixtures.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  void shouldRunAtThePaceWhileInThePastThenInRealTime() throws InterruptedException {
    List<Instant> caughtUp = new ArrayList<>();
    Instant threeHoursAgo = WALL.minus(Duration.ofHours(3));
    Pacer pacer =
        new Pacer(Pacing.speed(3600), wall, wall.sleeper(), Optional.empty())
            .behindTheClock(threeHoursAgo, caughtUp::add);
    pacer.start();

    for (int hour = 1; hour <= 3; hour++) {
      pacer.awaitSimulated(Duration.ofHours(hour), () -> false);
    }
    assertThat(wall.instant())
        .as("three past hours at an hour per second")
        .isEqualTo(WALL.plusSeconds(3));
    assertThat(caughtUp).isEmpty();

    pacer.awaitSimulated(Duration.ofHours(4), () -> false);
    pacer.awaitSimulated(Duration.ofHours(5), () -> false);

    assertThat(wall.instant())
        .as("the next hours when they end")
        .isEqualTo(WALL.plus(Duration.ofHours(2)));
    assertThat(caughtUp)
        .as("told once, with the end of the first hour waited for")
        .containsExactly(WALL.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldCatchUpAsFastAsPossibleThenStopPromptlyWhileWaitingForTheClock()
      throws InterruptedException {
    Pacer pacer =
        new Pacer(Pacing.asFastAsPossible(), wall, wall.sleeper(), Optional.empty())
            .behindTheClock(WALL.minus(Duration.ofDays(2)), due -> {});
    pacer.start();

    assertThat(pacer.awaitSimulated(Duration.ofHours(48), () -> false)).isEmpty();
    assertThat(wall.sleeps()).isZero();
    assertThat(
            pacer.awaitSimulated(
                Duration.ofHours(49), () -> wall.instant().isAfter(WALL.plusSeconds(1))))
        .contains(StopReason.STOPPED);
    assertThat(wall.instant()).isBefore(WALL.plusSeconds(2));
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
