package io.ecostream.producer.replay;

import io.ecostream.producer.replay.CsvReadingReader.BadLineException;
import java.time.Instant;

/**
 * The hour whose rows a CNEMC reader is gathering into readings. Its files are sorted by date and
 * hour, one row per type (and in the long layout per city), so only the current hour is buffered: a
 * row of a later hour ends it, a row of an earlier one is out of order.
 */
final class GatheredHour {

  /** Emits the readings of the hour that just ended. */
  @FunctionalInterface
  interface Emitter {
    void emit(Instant hourStart);
  }

  /** The hour's label as written, so that the rows of one hour compare as text. */
  private String date;

  private String hour;
  private Instant start;

  /** Whether the row belongs to the hour being gathered. */
  boolean holds(String dateCell, String hourCell) {
    return dateCell.equals(date) && hourCell.equals(hour);
  }

  /**
   * Makes the row's hour the one being gathered; the hour before, if any, is over and emitted
   * first.
   *
   * @throws BadLineException if the row's hour is earlier than the one being gathered
   */
  void enter(String dateCell, String hourCell, Instant hourStart, Emitter emitter)
      throws BadLineException {
    if (start != null) {
      int order = hourStart.compareTo(start);
      if (order < 0) {
        throw new BadLineException(
            BadLineReason.OUT_OF_ORDER,
            dateCell + " hour " + hourCell + " after " + date + " hour " + hour);
      }
      if (order > 0) {
        emitter.emit(start);
      }
    }
    date = dateCell;
    hour = hourCell;
    start = hourStart;
  }

  /** The file ended: the last hour is over. */
  void end(Emitter emitter) {
    if (start != null) {
      emitter.emit(start);
    }
  }
}
