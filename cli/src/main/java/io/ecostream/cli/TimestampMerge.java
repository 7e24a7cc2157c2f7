package io.ecostream.cli;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges streams of records, one per source (a topic partition), into one in the order of their
 * heads: a k-way merge that keeps each source in its own order. A record is handed out only once
 * every source that is not finished has one buffered, because the next record of an empty source
 * might come first. Each source is served in the order it was added, so a partition whose
 * timestamps go back in time stays in offset order.
 *
 * @param <S> the source
 * @param <R> the record
 */
final class TimestampMerge<S, R> {

  private final Comparator<R> order;
  private final Map<S, ArrayDeque<R>> buffers = new HashMap<>();
  private final Set<S> open = new HashSet<>();

  /**
   * @param order of records from different sources: timestamp first, then a tie breaker
   */
  TimestampMerge(Collection<S> sources, Comparator<R> order) {
    this.order = order;
    for (S source : sources) {
      buffers.put(source, new ArrayDeque<>());
      open.add(source);
    }
  }

  void add(S source, R record) {
    if (!open.contains(source)) {
      throw new IllegalStateException(source + " is finished");
    }
    buffers.get(source).add(record);
  }

  /** The source will add nothing more. */
  void finish(S source) {
    open.remove(source);
  }

  boolean isOpen(S source) {
    return open.contains(source);
  }

  int buffered(S source) {
    return buffers.get(source).size();
  }

  /** True once every source is finished and everything was handed out. */
  boolean isDone() {
    return open.isEmpty() && buffers.values().stream().allMatch(ArrayDeque::isEmpty);
  }

  /** The next record in order, or empty while an open source has nothing buffered. */
  Optional<R> poll() {
    ArrayDeque<R> first = null;
    for (Map.Entry<S, ArrayDeque<R>> entry : buffers.entrySet()) {
      ArrayDeque<R> buffer = entry.getValue();
      if (buffer.isEmpty()) {
        if (open.contains(entry.getKey())) {
          return Optional.empty();
        }
        continue;
      }
      if (first == null || order.compare(buffer.peek(), first.peek()) < 0) {
        first = buffer;
      }
    }
    return first == null ? Optional.empty() : Optional.of(first.poll());
  }
}
