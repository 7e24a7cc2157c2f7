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
