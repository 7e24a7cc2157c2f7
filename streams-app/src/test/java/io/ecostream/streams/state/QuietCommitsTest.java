package io.ecostream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class QuietCommitsTest {

  private final QuietCommits quiet = new QuietCommits();
  private int commits;

  @Test
  void aQuietPeriodWithRecordsAsksForACommit() {
    process(3);
    check();
    assertThat(commits).isEqualTo(1);
  }

  @Test
  void aPeriodWithoutRecordsAsksForNone() {
    check();
    process(1);
    check();
    check();
    assertThat(commits).isEqualTo(1);
  }

  @Test
  void aBusyPeriodLeavesTheCommitToTheInterval() {
    process(QuietCommits.QUIET_RECORDS);
    check();
    assertThat(commits).isZero();
  }

  @Test
  void theRecordsOfABusyPeriodAreCommittedOnceTheInputGoesQuiet() {
    process(QuietCommits.QUIET_RECORDS + 1);
    check();
    check();
    assertThat(commits).isEqualTo(1);
  }

  @Test
  void justBelowTheThresholdIsQuiet() {
    process(QuietCommits.QUIET_RECORDS - 1);
    check();
    assertThat(commits).isEqualTo(1);
  }

  /**
   * A replay at full speed: this task's partition went without records for a period while the
   * thread processed another task's; the thread is busy, so the commit waits for the interval.
   */
  @Test
  void aTaskThatPausedOnABusyThreadLeavesTheCommitToTheInterval() {
    QuietCommits other = new QuietCommits();
    process(QuietCommits.QUIET_RECORDS);
    check();
    for (int i = 0; i < QuietCommits.QUIET_RECORDS; i++) {
      other.processed();
    }
    check();
    assertThat(commits).isZero();
  }

  /** The records of tasks on other threads do not make this one's thread busy. */
  @Test
  void countsTheRecordsOfItsOwnThreadOnly() throws InterruptedException {
    QuietCommits elsewhere = new QuietCommits();
    process(10);
    Thread other =
        new Thread(
            () -> {
              for (int i = 0; i < QuietCommits.QUIET_RECORDS; i++) {
                elsewhere.processed();
              }
            });
    other.start();
    other.join();
    check();
    assertThat(commits).isEqualTo(1);
  }

  /**
   * The commit held the thread for part of the next period, which therefore counts few records
   * however fast they came: that period asks for none, the one after it judges the input again.
   */
  @Test
  void aPeriodThatHeldACommitIsNoSignOfAQuietInput() {
    process(10);
    check();
    process(10);
    check();
    assertThat(commits).isEqualTo(1);
    check();
    assertThat(commits).isEqualTo(2);
  }

  /** Another task's commit is the thread's too. */
  @Test
  void aCommitAskedForByAnotherTaskOfTheThreadCountsAsWell() {
    QuietCommits other = new QuietCommits();
    int[] otherCommits = {0};
    other.processed();
    process(10);
    other.check(() -> otherCommits[0]++);
    check();
    assertThat(otherCommits[0]).isEqualTo(1);
    assertThat(commits).isZero();
    check();
    assertThat(commits).isEqualTo(1);
  }

  @Test
  void checksOnTheWallClockEveryPeriodAndCommitsThroughTheContext() {
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    quiet.schedule(context);
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    assertThat(punctuators).hasSize(1);
    assertThat(punctuators.get(0).getInterval()).isEqualTo(QuietCommits.CHECK_PERIOD);
    assertThat(punctuators.get(0).getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);

    quiet.processed();
    punctuators.get(0).getPunctuator().punctuate(0L);
    assertThat(context.committed()).isTrue();
  }

  private void process(int records) {
    for (int i = 0; i < records; i++) {
      quiet.processed();
    }
  }

  private void check() {
    quiet.check(() -> commits++);
  }
}
