package io.ecostream.streams.config;

import io.ecostream.domain.quality.QualityRules;
import io.ecostream.domain.stats.RecentHours;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the air pipeline treats readings that arrive late, stamped in the future, or suspicious.
 *
 * @param lateGrace a reading whose hour is further behind its partition's newest accepted hour than
 *     this goes to the dead letters as {@code late}: the figures it belongs to have closed. Within
 *     it, a late reading revises the figures (with a higher revision).
 * @param futureMargin a reading stamped further ahead of the wall clock than this (a station whose
 *     clock runs fast) goes to the dead letters as {@code future} and does not move event time on;
 *     empty to accept any time (simulations run ahead of the clock on purpose)
 * @param silentAfter a station, or one pollutant of it, with no reading for this long (event time)
 *     raises a station-silent alert, cleared when data returns
 * @param rules the hourly quality control
 */
public record AirQualitySettings(
    Duration lateGrace, Optional<Duration> futureMargin, Duration silentAfter, QualityRules rules) {

  public AirQualitySettings {
    Objects.requireNonNull(lateGrace, "lateGrace");
    Objects.requireNonNull(futureMargin, "futureMargin");
    Objects.requireNonNull(silentAfter, "silentAfter");
    Objects.requireNonNull(rules, "rules");
    long maxGrace = RecentHours.maxGraceHours(rules.stuckHours());
    if (lateGrace.isNegative()
        || lateGrace.toHours() > maxGrace
        || lateGrace.toMinutes() % 60 != 0) {
      throw new IllegalArgumentException(
          "late grace must be whole hours from 0 to "
              + maxGrace
              + " h with stuck runs of "
              + rules.stuckHours()
              + " h, got "
              + lateGrace);
    }
    if (futureMargin.isPresent() && futureMargin.get().isNegative()) {
      throw new IllegalArgumentException(
          "future margin must not be negative, got " + futureMargin.get());
    }
    if (silentAfter.toHours() < 1 || silentAfter.toMinutes() % 60 != 0) {
      throw new IllegalArgumentException(
          "silent-after must be whole hours, at least 1, got " + silentAfter);
    }
  }

  /**
   * Two days of grace (what the real-time ring can judge with its full context), one hour of clock
   * drift, six silent hours (a quarter of a day: the 24-hour means start to lose validity).
   */
  public static AirQualitySettings defaults() {
    return new AirQualitySettings(
        Duration.ofHours(48),
        Optional.of(Duration.ofHours(1)),
        Duration.ofHours(6),
        QualityRules.defaults());
  }

  public long lateGraceHours() {
    return lateGrace.toHours();
  }

  public long silentHours() {
    return silentAfter.toHours();
  }

  public AirQualitySettings withLateGrace(Duration grace) {
    return new AirQualitySettings(grace, futureMargin, silentAfter, rules);
  }

  public AirQualitySettings withFutureMargin(Optional<Duration> margin) {
    return new AirQualitySettings(lateGrace, margin, silentAfter, rules);
  }

  public AirQualitySettings withSilentAfter(Duration silent) {
    return new AirQualitySettings(lateGrace, futureMargin, silent, rules);
  }

  public AirQualitySettings withRules(QualityRules quality) {
    return new AirQualitySettings(lateGrace, futureMargin, silentAfter, quality);
  }
}
