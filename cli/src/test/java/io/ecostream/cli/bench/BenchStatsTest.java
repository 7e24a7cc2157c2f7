package io.ecostream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenchStatsTest {

  private static final long[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void shouldTakeTheNearestRankPercentile() {
    // rank = ceil(p/100 * 10): p50 -> 5th value, p95 -> 10th, p99 -> 10th, p10 -> 1st, p11 -> 2nd
    assertThat(BenchStats.percentile(ONE_TO_TEN, 50)).isEqualTo(5);
    assertThat(BenchStats.percentile(ONE_TO_TEN, 95)).isEqualTo(10);
    assertThat(BenchStats.percentile(ONE_TO_TEN, 99)).isEqualTo(10);
    assertThat(BenchStats.percentile(ONE_TO_TEN, 10)).isEqualTo(1);
    assertThat(BenchStats.percentile(ONE_TO_TEN, 11)).isEqualTo(2);
    assertThat(BenchStats.percentile(ONE_TO_TEN, 100)).isEqualTo(10);
  }

  @Test
  void shouldSummariseUnsortedLatencies() {
    // 200 values 1..200 shuffled by a stride: p50 = 100th = 100, p95 = 190th = 190, p99 = 198th =
    // 198
    long[] latencies = new long[200];
    for (int i = 0; i < 200; i++) {
      latencies[i] = (i * 7L) % 200 + 1;
    }

    assertThat(BenchStats.latency(latencies))
        .isEqualTo(new BenchStats.Latency(200, 100, 190, 198, 200));
  }

  @Test
  void shouldGiveASingleValueForEveryPercentile() {
    assertThat(BenchStats.latency(new long[] {42}))
        .isEqualTo(new BenchStats.Latency(1, 42, 42, 42, 42));
  }

  @Test
  void shouldRejectNoValuesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> BenchStats.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchStats.percentile(ONE_TO_TEN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BenchStats.percentile(ONE_TO_TEN, 100.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDivideRecordsByElapsedSeconds() {
    // 300 000 records in 1.5 s = 200 000/s; 1 record in 4 ms = 250/s
    assertThat(BenchStats.recordsPerSecond(300_000, 1_500_000_000L))
        .isCloseTo(200_000.0, within(1e-6));
    assertThat(BenchStats.recordsPerSecond(1, 4_000_000L)).isCloseTo(250.0, within(1e-9));
    assertThat(BenchStats.recordsPerSecond(0, 1)).isZero();
  }

  @Test
  void shouldRejectANonPositiveElapsedTime() {
    assertThatThrownBy(() -> BenchStats.recordsPerSecond(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadKilobyteLinesOfProcStatus() {
    String status = "Name:\tjava\nVmHWM:\t  812340 kB\nVmRSS:\t  700000 kB\nThreads:\t42\n";

    assertThat(MemoryFigures.statusKilobytes(status, "VmRSS")).isEqualTo(700_000L * 1024);
    assertThat(MemoryFigures.statusKilobytes(status, "VmHWM")).isEqualTo(812_340L * 1024);
    assertThat(MemoryFigures.statusKilobytes(status, "VmSwap")).isNull();
  }
}
