package io.ecostream.producer.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the lines the readers skipped, per reason, and keeps the first few of them so that a
 * summary can point at them. A malformed line cannot become a valid Avro record, so this is how it
 * is kept from being lost silently.
 */
public final class BadLines {

  /** How many bad lines are kept with their file and line number. */
  public static final int EXAMPLES_KEPT = 10;

  private final Map<BadLineReason, Long> counts = new EnumMap<>(BadLineReason.class);
  private final List<BadLine> examples = new ArrayList<>();
  private long total;

  void report(Path file, long line, BadLineReason reason, String detail) {
    counts.merge(reason, 1L, Long::sum);
    total++;
    if (examples.size() < EXAMPLES_KEPT) {
      examples.add(new BadLine(file, line, reason, detail));
    }
  }

  public long total() {
    return total;
  }

  /** Counts per reason, in the order of {@link BadLineReason}. */
  public Map<BadLineReason, Long> byReason() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  /** The first {@value #EXAMPLES_KEPT} bad lines, in the order they were read. */
  public List<BadLine> examples() {
    return List.copyOf(examples);
  }
}
