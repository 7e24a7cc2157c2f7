package io.ecostream.producer.replay;

import java.time.Instant;

/** Told each time the replay moves on to a new hour of event time; must be cheap. */
@FunctionalInterface
public interface ReplayListener {

  ReplayListener NONE = progress -> {};

  void progress(Progress progress);

  /** Where the replay is; read what you need, the values are computed when asked for. */
  interface Progress {

    /** End of the latest hour whose readings have all been handed to the sink. */
    Instant eventTimeReached();

    long readingsSent();

    /**
     * Share of the input read during the run, by bytes of the files (compressed bytes for gzip), 0
     * … 1; what opening the replay read already (up to --from) does not count.
     */
    double inputFraction();

    /** The earliest event time sent so far; null before the first reading. */
    default Instant firstEventTime() {
      return null;
    }

    /** Stations whose metadata has been sent so far (one per city in the CNEMC city formats). */
    default int stationsSent() {
      return 0;
    }
  }
}
