package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedLongsTest {

  @Test
  void shouldHoldEachValueOnceInAscendingOrder() {
    SortedLongs set = new SortedLongs();
    for (long value : new long[] {5, -3, 5, 12, 0, -3, 7}) {
      set.add(value);
    }

    assertThat(values(set)).containsExactly(-3L, 0L, 5L, 7L, 12L);
  }

  @Test
  void shouldRemoveWhatThePredicateSaysAndKeepTheRestInOrder() {
    SortedLongs set = new SortedLongs();
    for (long value = 1; value <= 20; value++) {
      set.add(value);
    }
    List<Long> asked = new ArrayList<>();

    set.removeIf(
        value -> {
          asked.add(value);
          return value % 3 != 0;
        });

    assertThat(asked).hasSize(20).isSorted();
    assertThat(values(set)).containsExactly(3L, 6L, 9L, 12L, 15L, 18L);
  }

  @Test
  void shouldBehaveAsATreeSetOnRandomAddsAndRemovals() {
    Random random = new Random(7);
    SortedLongs set = new SortedLongs();
    TreeSet<Long> expected = new TreeSet<>();
    for (int i = 0; i < 5_000; i++) {
      long value = random.nextInt(200) - 100;
      set.add(value);
      expected.add(value);
      if (random.nextInt(20) == 0) {
        long threshold = random.nextInt(200) - 100;
        set.removeIf(v -> v < threshold);
        expected.removeIf(v -> v < threshold);
      }
      if (random.nextInt(500) == 0) {
        set.clear();
        expected.clear();
      }
      assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
    }
    assertThat(values(set)).containsExactlyElementsOf(expected);
  }

  private static List<Long> values(SortedLongs set) {
    List<Long> values = new ArrayList<>();
    set.forEach(values::add);
    return values;
  }
}
