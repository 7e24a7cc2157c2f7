package io.ecostream.producer.replay;

import io.ecostream.producer.Pacing;
import io.ecostream.producer.catalog.StationCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to replay and how fast.
 *
 * @param files the files, in the order given (directories already expanded, see {@link
 *     ReplayFiles}); the order only breaks ties between readings of the same station and hour
 * @param from first day replayed (Asia/Shanghai): readings before its midnight are left out
 * @param to first day not replayed (exclusive)
 * @param pacing replayed seconds per wall second, or as fast as possible
 */
public record ReplaySettings(
    ReplayFormat format,
    List<Path> files,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Pacing pacing) {

  /** The days of --from and --to are local days of this zone. */
  public static final ZoneId ZONE = StationCatalog.TIME_ZONE;

  public ReplaySettings {
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(pacing, "pacing");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no file to replay");
    }
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw new IllegalArgumentException(
          "to (" + to.get() + ") must be after from (" + from.get() + ")");
    }
  }

  /** All of the files, as fast as possible. */
  public static ReplaySettings of(ReplayFormat format, List<Path> files) {
    return new ReplaySettings(
        format, files, Optional.empty(), Optional.empty(), Pacing.asFastAsPossible());
  }

  public ReplaySettings withPeriod(Optional<LocalDate> from, Optional<LocalDate> to) {
    return new ReplaySettings(format, files, from, to, pacing);
  }

  public ReplaySettings withPacing(Pacing pacing) {
    return new ReplaySettings(format, files, from, to, pacing);
  }

  /** The earliest hourStart replayed, if limited. */
  public Optional<Instant> fromInstant() {
    return from.map(d -> d.atStartOfDay(ZONE).toInstant());
  }

  /** The first hourStart no longer replayed, if limited. */
  public Optional<Instant> toInstant() {
    return to.map(d -> d.atStartOfDay(ZONE).toInstant());
  }
}
