package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimestampMergeTest {

  /** A record of partition p at offset o with timestamp t. */
  private record Rec(String partition, long offset, long timestamp) {}

  private static final Comparator<Rec> ORDER =
      Comparator.comparingLong(Rec::timestamp)
          .thenComparing(Rec::partition)
          .thenComparingLong(Rec::offset);

  private final TimestampMerge<String, Rec> merge = new TimestampMerge<>(List.of("a", "b"), ORDER);

  @Test
  void shouldMergeByTimestampTiesByPartitionThenOffset() {
    merge.add("a", new Rec("a", 0, 10));
    merge.add("a", new Rec("a", 1, 30));
    merge.add("b", new Rec("b", 0, 10));
    merge.add("b", new Rec("b", 1, 20));
    merge.finish("a");
    merge.finish("b");

    assertThat(drain())
        .containsExactly(
            new Rec("a", 0, 10), new Rec("b", 0, 10), new Rec("b", 1, 20), new Rec("a", 1, 30));
    assertThat(merge.isDone()).isTrue();
  }

  @Test
  void shouldWaitForAnOpenPartitionWithNothingBuffered() {
    merge.add("a", new Rec("a", 0, 50));

    assertThat(merge.poll()).isEmpty();

    merge.add("b", new Rec("b", 0, 10));
    assertThat(merge.poll()).contains(new Rec("b", 0, 10));
    assertThat(merge.poll()).isEmpty();
    merge.finish("b");
    assertThat(merge.poll()).contains(new Rec("a", 0, 50));
    assertThat(merge.isDone()).isFalse();
  }

  @Test
  void shouldKeepAPartitionInOffsetOrderWhenItsTimestampsGoBack() {
    merge.add("a", new Rec("a", 0, 40));
    merge.add("a", new Rec("a", 1, 5));
    merge.add("b", new Rec("b", 0, 20));
    merge.finish("a");
    merge.finish("b");

    assertThat(drain())
        .containsExactly(new Rec("b", 0, 20), new Rec("a", 0, 40), new Rec("a", 1, 5));
  }

  private List<Rec> drain() {
    List<Rec> out = new ArrayList<>();
    Optional<Rec> next;
    while ((next = merge.poll()).isPresent()) {
      out.add(next.get());
    }
    return out;
  }
}
