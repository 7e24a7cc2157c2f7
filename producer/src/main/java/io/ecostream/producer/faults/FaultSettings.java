package io.ecostream.producer.faults;

import java.util.Arrays;
import java.util.List;

/**
 * How often each fault occurs. Every rate is a probability in [0, 1]; 0 turns the fault off.
 *
 * <ul>
 *   <li>{@code missing}, {@code spike}, {@code negative}, {@code sentinel}, {@code late}, {@code
 *       outOfOrder}, {@code duplicate}: per station-hour.
 *   <li>{@code outage}, {@code stuck}: per station-hour that an episode starts; no new episode
 *       starts while one lasts.
 *   <li>{@code fastClock}: per station, once for the whole run: the share of stations whose clock
 *       is {@code fastClockHours} ahead.
 * </ul>
 */
public record FaultSettings(
    double missing,
    double outage,
    double stuck,
    double spike,
    double negative,
    double sentinel,
    double late,
    double outOfOrder,
    double duplicate,
    double fastClock,
    int fastClockHours) {

  public static final int DEFAULT_FAST_CLOCK_HOURS = 3;

  /** A clock more than a year off is not a fault the pipeline should be tuned for. */
  public static final int MAX_FAST_CLOCK_HOURS = 8760;

  public static final FaultSettings NONE =
      new FaultSettings(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, DEFAULT_FAST_CLOCK_HOURS);

  /**
   * Plausible rates for a network of this size, judged from the CNEMC hourly data (about 1 % of
   * station-hours missing) and the usual failure modes of automatic stations; not measured per
   * fault. Per station and year they give about 88 missing hours, one outage (mean 29 h), two stuck
   * episodes, four spikes, nine negative and two sentinel values, 44 late, 88 out-of-order and 18
   * duplicate records; one station in fifty runs an hour fast (a logger that missed the switch from
   * summer time of its vendor's country, say).
   */
  public static final FaultSettings REALISTIC =
      new FaultSettings(0.01, 0.0001, 0.0002, 0.0005, 0.001, 0.0002, 0.005, 0.01, 0.002, 0.02, 1);

  public FaultSettings {
    check(FaultKind.MISSING, missing);
    check(FaultKind.OUTAGE, outage);
    check(FaultKind.STUCK, stuck);
    check(FaultKind.SPIKE, spike);
    check(FaultKind.NEGATIVE, negative);
    check(FaultKind.SENTINEL, sentinel);
    check(FaultKind.LATE, late);
    check(FaultKind.OUT_OF_ORDER, outOfOrder);
    check(FaultKind.DUPLICATE, duplicate);
    check(FaultKind.FAST_CLOCK, fastClock);
    if (fastClockHours < 1 || fastClockHours > MAX_FAST_CLOCK_HOURS) {
      throw new IllegalArgumentException(
          "a fast clock must be 1-" + MAX_FAST_CLOCK_HOURS + " hours ahead, got " + fastClockHours);
    }
  }

  public double rate(FaultKind kind) {
    return switch (kind) {
      case MISSING -> missing;
      case OUTAGE -> outage;
      case STUCK -> stuck;
      case SPIKE -> spike;
      case NEGATIVE -> negative;
      case SENTINEL -> sentinel;
      case LATE -> late;
      case OUT_OF_ORDER -> outOfOrder;
      case DUPLICATE -> duplicate;
      case FAST_CLOCK -> fastClock;
    };
  }

  /** These settings with one rate changed. */
  public FaultSettings withRate(FaultKind kind, double rate) {
    double[] rates = Arrays.stream(FaultKind.values()).mapToDouble(this::rate).toArray();
    rates[kind.ordinal()] = rate;
    return of(rates, fastClockHours);
  }

  public FaultSettings withFastClockHours(int hours) {
    return of(Arrays.stream(FaultKind.values()).mapToDouble(this::rate).toArray(), hours);
  }

  /** The kinds with a rate above 0, in {@link FaultKind} order. */
  public List<FaultKind> enabled() {
    return Arrays.stream(FaultKind.values()).filter(k -> rate(k) > 0).toList();
  }

  public boolean any() {
    return !enabled().isEmpty();
  }

  private static FaultSettings of(double[] r, int fastClockHours) {
    return new FaultSettings(
        r[FaultKind.MISSING.ordinal()],
        r[FaultKind.OUTAGE.ordinal()],
        r[FaultKind.STUCK.ordinal()],
        r[FaultKind.SPIKE.ordinal()],
        r[FaultKind.NEGATIVE.ordinal()],
        r[FaultKind.SENTINEL.ordinal()],
        r[FaultKind.LATE.ordinal()],
        r[FaultKind.OUT_OF_ORDER.ordinal()],
        r[FaultKind.DUPLICATE.ordinal()],
        r[FaultKind.FAST_CLOCK.ordinal()],
        fastClockHours);
  }

  private static void check(FaultKind kind, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "the " + kind.label() + " rate must be between 0 and 1, got " + rate);
    }
  }
}
