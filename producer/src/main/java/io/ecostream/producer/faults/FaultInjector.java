package io.ecostream.producer.faults;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.ReadingSink;
import io.ecostream.producer.model.Seeds;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A sink that puts sensor and delivery faults into the air readings on their way to another sink;
 * station metadata and water samples pass untouched. Expects what the simulator sends: every air
 * station once per hour, in hour order.
 *
 * <p>Each fault of each station draws from its own random stream ({@code fault:<kind>:<station>}),
 * and draws the same way whether other faults are on or not: turning one fault on or changing its
 * rate leaves every other fault where it was, and with every rate at 0 the readings pass unchanged
 * and in order. The downstream sink sees air readings out of event-time order when delivery faults
 * are on: that is their point.
 *
 * <p>Delivery faults hold records back. A record delayed by d hours is sent after the readings of
 * the hour d hours after its own, at the start of the next hour; {@link #flush()} sends everything
 * still held, because the simulator flushes only before the first hour and after the last.
 */
public final class FaultInjector implements ReadingSink {

  private static final int POLLUTANTS = 6;
  private static final int CO = 4;

  private static final int STUCK_MIN_HOURS = 6;
  private static final int STUCK_MAX_HOURS = 48;
  private static final double SPIKE_MIN_FACTOR = 5;
  private static final double SPIKE_MAX_FACTOR = 20;
  private static final int NEGATIVE_MAX = 20;
  private static final double CO_NEGATIVE_MIN = 0.1;
  private static final double CO_NEGATIVE_MAX = 2.0;
  private static final double NO_DATA = -999;
  private static final double OVERFLOW = 9999;

  // Outages and late deliveries span hours to days with as many short ones as long ones per
  // factor of time, hence log-uniform. 5 days reaches past the pipeline's 72 h grace period.
  private static final int OUTAGE_MIN_HOURS = 2;
  private static final int OUTAGE_MAX_HOURS = 120;
  private static final int LATE_MIN_HOURS = 2;
  private static final int LATE_MAX_HOURS = 120;
  private static final int OUT_OF_ORDER_MAX_HOURS = 3;
  private static final int DUPLICATE_MAX_HOURS = 24;

  private final FaultSettings settings;
  private final boolean active;
  private final long seed;
  private final ReadingSink downstream;
  private final Map<String, StationFaults> stations = new HashMap<>();
  private final PriorityQueue<Held> held =
      new PriorityQueue<>(Comparator.comparingLong(Held::dueHour).thenComparingLong(Held::order));
  private final long[] counts = new long[FaultKind.values().length];
  private long holds;
  private long currentHour = Long.MIN_VALUE;

  /**
   * @param seed the simulation's seed; with the same seed and settings the same faults hit the same
   *     station-hours
   */
  public FaultInjector(FaultSettings settings, long seed, ReadingSink downstream) {
    this.settings = settings;
    this.active = settings.any();
    this.seed = seed;
    this.downstream = downstream;
  }

  @Override
  public void station(Station station) {
    downstream.station(station);
  }

  @Override
  public void water(WaterSample sample) {
    downstream.water(sample);
  }

  @Override
  public void air(AirReading reading) {
    long hour = epochHour(reading);
    if (hour > currentHour) {
      currentHour = hour;
      releaseDueBefore(hour);
    }
    if (!active) {
      downstream.air(reading);
      return;
    }
    stations
        .computeIfAbsent(reading.getStationId().toString(), StationFaults::new)
        .hour(reading, hour);
  }

  /** Sends every record still held back, then flushes the downstream sink. */
  @Override
  public void flush() {
    releaseDueBefore(Long.MAX_VALUE);
    downstream.flush();
  }

  /** How many readings each enabled fault has affected so far (see the README for the units). */
  public Map<FaultKind, Long> counts() {
    Map<FaultKind, Long> enabled = new EnumMap<>(FaultKind.class);
    for (FaultKind kind : settings.enabled()) {
      enabled.put(kind, counts[kind.ordinal()]);
    }
    return Collections.unmodifiableMap(enabled);
  }

  private void releaseDueBefore(long hour) {
    while (!held.isEmpty() && held.peek().dueHour() < hour) {
      downstream.air(held.poll().reading());
    }
  }

  private void deliver(AirReading reading, long dueHour) {
    if (dueHour <= currentHour) {
      downstream.air(reading);
    } else {
      held.add(new Held(dueHour, holds++, reading));
    }
  }

  private void count(FaultKind kind) {
    counts[kind.ordinal()]++;
  }

  private static long epochHour(AirReading reading) {
    return Math.floorDiv(reading.getHourStart().getEpochSecond(), 3600);
  }

  private record Held(long dueHour, long order, AirReading reading) {}

  /** The fault state and random streams of one station. */
  private final class StationFaults {
    private final SplittableRandom[] random = new SplittableRandom[FaultKind.values().length];
    private final boolean fastClock;
    private int stuckPollutant;
    private double stuckValue;
    private int stuckHoursLeft;
    private long silentUntilHour = Long.MIN_VALUE;

    StationFaults(String stationId) {
      for (FaultKind kind : FaultKind.values()) {
        random[kind.ordinal()] = Seeds.random(seed, "fault:" + kind.label() + ":" + stationId);
      }
      fastClock = hits(FaultKind.FAST_CLOCK);
    }

    void hour(AirReading reading, long hour) {
      Double[] values = values(reading);
      FaultKind[] faultOf = new FaultKind[POLLUTANTS];
      stuck(values, faultOf);
      spike(values, faultOf);
      negative(values, faultOf);
      sentinel(values, faultOf);
      boolean dropped = missing(values, faultOf);
      boolean silent = outage(hour);
      long late = lateHours();
      long shuffled = shuffledHours();
      long copyDelay = duplicateDelay();
      // Every stream has drawn for this hour; what follows only decides what shows.
      if (silent) {
        count(FaultKind.OUTAGE);
        return;
      }
      if (dropped) {
        count(FaultKind.MISSING);
        return;
      }
      boolean changed = false;
      for (FaultKind fault : faultOf) {
        if (fault != null) {
          count(fault);
          changed = true;
        }
      }
      AirReading sent = reading;
      if (changed || fastClock) {
        AirReading.Builder builder = AirReading.newBuilder(reading);
        set(builder, values);
        if (fastClock) {
          builder.setHourStart(
              reading.getHourStart().plus(Duration.ofHours(settings.fastClockHours())));
          count(FaultKind.FAST_CLOCK);
        }
        sent = builder.build();
      }
      long delay = 0;
      if (late > 0) {
        // A record held back for days has left any shuffling window behind.
        count(FaultKind.LATE);
        delay = late;
      } else if (shuffled > 0) {
        count(FaultKind.OUT_OF_ORDER);
        delay = shuffled;
      }
      deliver(sent, hour + delay);
      if (copyDelay >= 0) {
        count(FaultKind.DUPLICATE);
        deliver(sent, hour + delay + copyDelay);
      }
    }

    private void stuck(Double[] values, FaultKind[] faultOf) {
      if (stuckHoursLeft > 0) {
        stuckHoursLeft--;
        values[stuckPollutant] = stuckValue;
        faultOf[stuckPollutant] = FaultKind.STUCK;
      } else if (hits(FaultKind.STUCK)) {
        SplittableRandom r = random(FaultKind.STUCK);
        stuckPollutant = r.nextInt(POLLUTANTS);
        int hours = r.nextInt(STUCK_MIN_HOURS, STUCK_MAX_HOURS + 1);
        // The onset hour is a true value; the analyser repeats it for the rest of the run.
        if (values[stuckPollutant] != null) {
          stuckValue = values[stuckPollutant];
          stuckHoursLeft = hours - 1;
        }
      }
    }

    private void spike(Double[] values, FaultKind[] faultOf) {
      if (hits(FaultKind.SPIKE)) {
        SplittableRandom r = random(FaultKind.SPIKE);
        int p = r.nextInt(POLLUTANTS);
        double factor = r.nextDouble(SPIKE_MIN_FACTOR, SPIKE_MAX_FACTOR);
        if (values[p] != null) {
          values[p] = rounded(p, values[p] * factor);
          faultOf[p] = FaultKind.SPIKE;
        }
      }
    }

    private void negative(Double[] values, FaultKind[] faultOf) {
      if (hits(FaultKind.NEGATIVE)) {
        SplittableRandom r = random(FaultKind.NEGATIVE);
        int p = r.nextInt(POLLUTANTS);
        double value =
            p == CO
                ? -rounded(CO, r.nextDouble(CO_NEGATIVE_MIN, CO_NEGATIVE_MAX))
                : -(double) r.nextInt(1, NEGATIVE_MAX + 1);
        values[p] = value;
        faultOf[p] = FaultKind.NEGATIVE;
      }
    }

    private void sentinel(Double[] values, FaultKind[] faultOf) {
      if (hits(FaultKind.SENTINEL)) {
        SplittableRandom r = random(FaultKind.SENTINEL);
        int p = r.nextInt(POLLUTANTS);
        values[p] = r.nextBoolean() ? NO_DATA : OVERFLOW;
        faultOf[p] = FaultKind.SENTINEL;
      }
    }

    /** Returns true when the whole station-hour is not sent. */
    private boolean missing(Double[] values, FaultKind[] faultOf) {
      if (!hits(FaultKind.MISSING)) {
        return false;
      }
      SplittableRandom r = random(FaultKind.MISSING);
      if (r.nextBoolean()) {
        return true;
      }
      int p = r.nextInt(POLLUTANTS);
      values[p] = null;
      faultOf[p] = FaultKind.MISSING;
      return false;
    }

    private boolean outage(long hour) {
      if (hour < silentUntilHour) {
        return true;
      }
      if (hits(FaultKind.OUTAGE)) {
        silentUntilHour =
            hour + logUniformHours(random(FaultKind.OUTAGE), OUTAGE_MIN_HOURS, OUTAGE_MAX_HOURS);
        return true;
      }
      return false;
    }

    /** Hours a late record is held back, or 0. */
    private long lateHours() {
      return hits(FaultKind.LATE)
          ? logUniformHours(random(FaultKind.LATE), LATE_MIN_HOURS, LATE_MAX_HOURS)
          : 0;
    }

    /** Hours an out-of-order record is held back, or 0. */
    private long shuffledHours() {
      return hits(FaultKind.OUT_OF_ORDER)
          ? random(FaultKind.OUT_OF_ORDER).nextInt(1, OUT_OF_ORDER_MAX_HOURS + 1)
          : 0;
    }

    /** Hours after the original that the copy comes, or -1 for no copy. */
    private long duplicateDelay() {
      if (!hits(FaultKind.DUPLICATE)) {
        return -1;
      }
      // Half are a retry sent straight after the original, half a re-upload of the logger's
      // memory later on.
      SplittableRandom r = random(FaultKind.DUPLICATE);
      return r.nextBoolean() ? 0 : r.nextInt(1, DUPLICATE_MAX_HOURS + 1);
    }

    private boolean hits(FaultKind kind) {
      double rate = settings.rate(kind);
      return rate > 0 && random(kind).nextDouble() < rate;
    }

    private SplittableRandom random(FaultKind kind) {
      return random[kind.ordinal()];
    }
  }

  private static long logUniformHours(SplittableRandom r, int min, int max) {
    return Math.round(Math.exp(r.nextDouble(Math.log(min), Math.log(max))));
  }

  /** As the platform publishes: integers in µg/m³, CO to 0.1 mg/m³. */
  private static double rounded(int pollutant, double value) {
    return pollutant == CO ? Math.round(value * 10) / 10.0 : Math.round(value);
  }

  private static Double[] values(AirReading r) {
    return new Double[] {r.getPm25(), r.getPm10(), r.getSo2(), r.getNo2(), r.getCo(), r.getO3()};
  }

  private static void set(AirReading.Builder b, Double[] v) {
    b.setPm25(v[0]).setPm10(v[1]).setSo2(v[2]).setNo2(v[3]).setCo(v[4]).setO3(v[5]);
  }
}
