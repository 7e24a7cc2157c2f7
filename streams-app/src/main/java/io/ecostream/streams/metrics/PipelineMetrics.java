package io.ecostream.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's own counters, next to the Kafka Streams metrics: records read per input topic
 * ({@code ecostream.records.in}) and records sent to the dead-letter topic per reason ({@code
 * ecostream.dead.letters}), and valid readings that give no new real-time figure per reason ({@code
 * ecostream.realtime.skipped}: a duplicate, or an hour older than the real-time window; both still
 * count in the daily figures), hourly values that quality control excluded per reason and pollutant
 * ({@code ecostream.quality.flagged}), station-silent alerts raised ({@code
 * ecostream.stations.silent}), and records skipped on an error of their own per reason ({@code
 * ecostream.records.skipped}: an output too large or not serializable, a processing error; see
 * {@link io.ecostream.streams.errors.RecordSkips}), alerts published per type and status ({@code
 * ecostream.alerts}), each city's data freshness ({@code ecostream.city.data.age}) and the
 * end-to-end latency from a reading's send to its station-hour and city-hour figures ({@code
 * ecostream.latency}, a histogram per figure).
 */
public final class PipelineMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> recordsIn = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> realTimeSkipped = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> qualityFlagged = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> silentRaised = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> recordsSkipped = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> alerts = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> cityNewestHour = new ConcurrentHashMap<>();

  private final Timer stationHourlyLatency;
  private final Timer cityHourlyLatency;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.stationHourlyLatency = latency("station-hourly");
    this.cityHourlyLatency = latency("city-hourly");
  }

  /**
   * Registered at start, so that the histograms are on /metrics (empty) before the first reading.
   * Buckets from 1 ms to 5 min: a live pipeline answers in milliseconds to a second or two (the
   * commit interval); a replay's backlog falls in the last bucket and still counts in sum and max.
   */
  private Timer latency(String figure) {
    return Timer.builder("ecostream.latency")
        .description(
            "Wall-clock time from a reading's send (its ecostream-sent-at header) to its figure")
        .tag("figure", figure)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(5))
        .register(registry);
  }

  /**
   * A reading sent at {@code sentAtMillis} had its station-hour figure forwarded at {@code
   * nowMillis}. A negative difference (the producer's clock ahead of this one) is not recorded.
   */
  public void stationHourlyLatency(long sentAtMillis, long nowMillis) {
    recordLatency(stationHourlyLatency, sentAtMillis, nowMillis);
  }

  /**
   * A reading sent at {@code sentAtMillis} is in the city-hour figure forwarded at {@code
   * nowMillis}.
   */
  public void cityHourlyLatency(long sentAtMillis, long nowMillis) {
    recordLatency(cityHourlyLatency, sentAtMillis, nowMillis);
  }

  private static void recordLatency(Timer timer, long sentAtMillis, long nowMillis) {
    long latency = nowMillis - sentAtMillis;
    if (latency >= 0) {
      timer.record(latency, TimeUnit.MILLISECONDS);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void recordIn(String topic) {
    recordsIn
        .computeIfAbsent(
            topic,
            t ->
                Counter.builder("ecostream.records.in")
                    .description("Records read from an input topic")
                    .tag("topic", t)
                    .register(registry))
        .increment();
  }

  public void deadLetter(String reason) {
    deadLetters
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("ecostream.dead.letters")
                    .description("Records sent to the dead-letter topic")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public void realTimeSkipped(String reason) {
    realTimeSkipped
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("ecostream.realtime.skipped")
                    .description("Valid readings that changed no real-time (hourly) figure")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public double realTimeSkippedCount(String reason) {
    Counter counter = realTimeSkipped.get(reason);
    return counter == null ? 0 : counter.count();
  }

  public double deadLetterCount(String reason) {
    Counter counter = deadLetters.get(reason);
    return counter == null ? 0 : counter.count();
  }

  /** Counts {@code count} values of the pollutant that quality control flagged for the reason. */
  public void qualityFlagged(String reason, String pollutant, int count) {
    qualityFlagged
        .computeIfAbsent(
            reason + "/" + pollutant,
            key ->
                Counter.builder("ecostream.quality.flagged")
                    .description("Hourly values excluded from the statistics by quality control")
                    .tag("reason", reason)
                    .tag("pollutant", pollutant)
                    .register(registry))
        .increment(count);
  }

  public double qualityFlaggedCount(String reason, String pollutant) {
    Counter counter = qualityFlagged.get(reason + "/" + pollutant);
    return counter == null ? 0 : counter.count();
  }

  /** Counts a record skipped, instead of stopping the pipeline, on an error of its own. */
  public void recordSkipped(String reason) {
    recordsSkipped
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("ecostream.records.skipped")
                    .description(
                        "Records skipped on an error of their own (too large to send, not serializable, a processing error)")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public double recordsSkippedCount(String reason) {
    Counter counter = recordsSkipped.get(reason);
    return counter == null ? 0 : counter.count();
  }

  /** Counts an alert published, by its type and status (RAISED, PROVISIONAL, CONFIRMED, …). */
  public void alert(String type, String status) {
    alerts
        .computeIfAbsent(
            type + "/" + status,
            key ->
                Counter.builder("ecostream.alerts")
                    .description("Alerts published, by type and status")
                    .tag("type", type)
                    .tag("status", status)
                    .register(registry))
        .increment();
  }

  public double alertCount(String type, String status) {
    Counter counter = alerts.get(type + "/" + status);
    return counter == null ? 0 : counter.count();
  }

  /**
   * The city's newest hour of data moved on: the gauge {@code ecostream.city.data.age} (seconds,
   * per city) is the wall clock minus the start of that hour when it is read, so a city whose
   * stations stop reporting shows its age growing.
   */
  public void cityNewestHour(String cityId, long hourStartMillis) {
    cityNewestHour
        .computeIfAbsent(
            cityId,
            city -> {
              AtomicLong newest = new AtomicLong(hourStartMillis);
              Gauge.builder(
                      "ecostream.city.data.age",
                      newest,
                      n -> (System.currentTimeMillis() - n.get()) / 1000.0)
                  .description("Wall-clock age of the city's newest hour of air data")
                  .baseUnit("seconds")
                  .tag("city", city)
                  .register(registry);
              return newest;
            })
        .set(hourStartMillis);
  }

  /** Counts a station-silent alert raised; {@code scope} is {@code station} or a pollutant. */
  public void stationSilent(String scope) {
    silentRaised
        .computeIfAbsent(
            scope,
            key ->
                Counter.builder("ecostream.stations.silent")
                    .description(
                        "Station-silent alerts raised (a station or one of its pollutants)")
                    .tag("scope", key)
                    .register(registry))
        .increment();
  }
}
