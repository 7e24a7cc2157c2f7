package io.ecostream.streams.air;

import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * A small sorted set of longs (hours or days counted from the epoch) in one array: the city task
 * adds to and drains its sets of changed hours and days for nearly every reading, where a {@code
 * TreeSet<Long>} costs a boxed key, a tree node and an iterator each time.
 */
final class SortedLongs {

  private long[] values = new long[8];
  private int size;

  /** Adds the value unless it is held already. */
  void add(long value) {
    int at = Arrays.binarySearch(values, 0, size, value);
    if (at >= 0) {
      return;
    }
    int insertion = -at - 1;
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(values, insertion, values, insertion + 1, size - insertion);
    values[insertion] = value;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Each value in ascending order. */
  void forEach(LongConsumer action) {
    for (int i = 0; i < size; i++) {
      action.accept(values[i]);
    }
  }

  /** Asks about each value in ascending order and removes those it says to. */
  void removeIf(LongPredicate remove) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      long value = values[i];
      if (!remove.test(value)) {
        values[kept++] = value;
      }
    }
    size = kept;
  }

  void clear() {
    size = 0;
  }
}
