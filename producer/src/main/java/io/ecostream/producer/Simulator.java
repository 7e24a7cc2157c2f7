package io.ecostream.producer;

import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.model.AirModel;
import io.ecostream.producer.model.AirTuning;
import io.ecostream.producer.model.SimHour;
import io.ecostream.producer.model.WaterModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the station simulation: sends every station's metadata, then walks the simulated hours in
 * order and emits, for each hour, the readings of all air stations and the water samples taken
 * during it. Everything depends only on the seed and the settings: the same seed and settings give
 * the same records in the same order.
 *
 * <p>The batch of hour k (the hour starting k hours after the start) is emitted once the hour is
 * over in simulated time, i.e. no earlier than (k + 1) hours / speed of wall time after the run
 * began: an hourly mean is known only when its hour has ended. The {@link Pacer} waits in short
 * slices so that {@link #stop()} and the wall-clock limit take effect promptly. Kept {@linkplain
 * Builder#behindTheClock() behind the clock}, an hour is emitted no earlier than its end on the
 * clock either: a run that reaches the present goes on in real time.
 *
 * <p>Single use: build one per run.
 */
public final class Simulator {

  private static final ZoneId ZONE = StationCatalog.TIME_ZONE;

  private final StationCatalog catalog;
  private final Instant start;
  private final Optional<Instant> end;
  private final Pacing pacing;
  private final Optional<Duration> wallClockLimit;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ProgressListener progress;
  private final boolean behindTheClock;
  private final ReadingSink sink;
  private final AirModel air;
  private final WaterModel water;
  private volatile boolean stopRequested;

  private Simulator(Builder b, ReadingSink sink) {
    this.catalog = b.cities.isEmpty() ? b.catalog : b.catalog.only(b.cities);
    this.start = b.from.atStartOfDay(ZONE).toInstant();
    this.end = b.end;
    this.pacing = b.pacing;
    this.wallClockLimit = b.wallClockLimit;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.progress = b.progress;
    this.behindTheClock = b.behindTheClock;
    this.sink = Objects.requireNonNull(sink, "sink");
    if (end.isPresent() && !end.get().isAfter(start)) {
      throw new IllegalArgumentException("end " + end.get() + " is not after the start " + start);
    }
    this.air = new AirModel(catalog, b.seed, b.airTuning);
    this.water = b.water ? new WaterModel(catalog, b.seed) : null;
  }

  /**
   * @param seed makes the run reproducible
   * @param from first simulated day; the run starts at its local midnight (Asia/Shanghai)
   */
  public static Builder builder(long seed, LocalDate from) {
    return new Builder(seed, from);
  }

  /** The simulated network (after restricting it to the chosen cities). */
  public StationCatalog catalog() {
    return catalog;
  }

  /** Start of the first simulated hour. */
  public Instant start() {
    return start;
  }

  /** Asks a running simulation to stop after the current hour; safe from any thread. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Runs until the end of the simulated period, the wall-clock limit or a stop request, then
   * flushes the sink. Exceptions of the sink propagate.
   */
  public SimulationResult run() {
    for (var station : catalog.airStations()) {
      sink.station(station.toAvro());
    }
    if (water != null) {
      for (var section : catalog.waterSections()) {
        sink.station(section.toAvro());
      }
    }
    sink.flush();

    Pacer pacer = new Pacer(pacing, clock, sleeper, wallClockLimit);
    if (behindTheClock) {
      pacer.behindTheClock(start, progress::caughtUpWithClock);
    }
    pacer.start();
    boolean interrupted = false;
    long hours = 0;
    StopReason reason;
    try {
      while (true) {
        Instant hourStart = start.plusSeconds(3600 * hours);
        if (end.isPresent() && !hourStart.isBefore(end.get())) {
          reason = StopReason.END;
          break;
        }
        Optional<StopReason> stopped =
            pacer.awaitSimulated(Duration.ofHours(hours + 1), () -> stopRequested);
        if (stopped.isPresent()) {
          reason = stopped.get();
          break;
        }
        SimHour hour = SimHour.of(hourStart, ZONE);
        air.hour(hour, sink::air);
        if (water != null) {
          water.hour(hour, sink::water);
        }
        hours++;
        progress.hourDone(hourStart.plusSeconds(3600), hours);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      reason = StopReason.STOPPED;
    }
    try {
      sink.flush();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return new SimulationResult(start, start.plusSeconds(3600 * hours), hours, reason);
  }

  /** Settings of a run; the seed and the first day are required, everything else has a default. */
  public static final class Builder {
    private final long seed;
    private final LocalDate from;
    private Optional<Instant> end = Optional.empty();
    private Pacing pacing = Pacing.speed(3600);
    private Optional<Duration> wallClockLimit = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private StationCatalog catalog = StationCatalog.shandong();
    private List<String> cities = List.of();
    private boolean water = true;
    private Map<String, AirTuning> airTuning = Map.of();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean behindTheClock;

    private Builder(long seed, LocalDate from) {
      this.seed = seed;
      this.from = Objects.requireNonNull(from, "from");
    }

    /** Simulate up to this instant, exclusive (default: no end). */
    public Builder endExclusive(Instant end) {
      this.end = Optional.of(end);
      return this;
    }

    /** Simulate up to the local midnight that starts this day, exclusive. */
    public Builder endExclusive(LocalDate to) {
      return endExclusive(to.atStartOfDay(ZONE).toInstant());
    }

    /** Default: 3600, one simulated hour per second. */
    public Builder pacing(Pacing pacing) {
      this.pacing = Objects.requireNonNull(pacing, "pacing");
      return this;
    }

    /** Stop after this much wall-clock time (default: no limit). */
    public Builder wallClockLimit(Duration limit) {
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("wall-clock limit must be positive, got " + limit);
      }
      this.wallClockLimit = Optional.of(limit);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder catalog(StationCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Only these city ids (default: all cities of the catalogue). */
    public Builder cities(Collection<String> cityIds) {
      this.cities = List.copyOf(cityIds);
      return this;
    }

    /** Whether to simulate water samples and send water stations' metadata (default: true). */
    public Builder water(boolean water) {
      this.water = water;
      return this;
    }

    /**
     * Knobs of the air model by city id (default: none, the model as calibrated); cities without an
     * entry are simulated as calibrated.
     */
    public Builder airTuning(Map<String, AirTuning> byCity) {
      this.airTuning = Map.copyOf(byCity);
      return this;
    }

    /**
     * Never emit an hour before it has ended on the clock: as fast as the pacing allows while in
     * the past, then in real time (default: off, for simulations that do not go to Kafka).
     */
    public Builder behindTheClock() {
      this.behindTheClock = true;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * @throws IllegalArgumentException for an unknown city or an end not after the start
     */
    public Simulator build(ReadingSink sink) {
      return new Simulator(this, sink);
    }
  }
}
