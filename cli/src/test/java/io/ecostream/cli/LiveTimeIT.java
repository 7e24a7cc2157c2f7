package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.AirReading;
import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.producer.Pacing;
import io.ecostream.producer.ProgressListener;
import io.ecostream.producer.SimulationResult;
import io.ecostream.producer.SimulationResult.StopReason;
import io.ecostream.producer.Simulator;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.kafka.KafkaReadingSink;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import io.ecostream.topics.TopicCreator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Simulated time meets the clock: a Kafka 4 broker refuses record timestamps more than an hour
 * ahead of its own clock, so a simulation that reaches the present must go on in real time instead
 * of running ahead, and stay alive.
 */
class LiveTimeIT {

  @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();

  private static final ZoneId BEIJING = StationCatalog.TIME_ZONE;

  @Test
  void shouldCatchUpFromYesterdayThenWaitForTheClockInsteadOfRunningAhead() {
    EcostreamTopics topics = topicsFor("live-simulate");
    Instant started = Instant.now();
    LocalDate yesterday = LocalDate.now(BEIJING).minusDays(1);

    // From yesterday's midnight in Beijing, 24-48 h, at 10 simulated hours a second: caught up in
    // under 5 s; before, the broker refused the readings an hour past the present within seconds.
    CliRun simulate =
        CliRun.of(
            "simulate",
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic-prefix",
            topics.prefix(),
            "--from",
            yesterday.toString(),
            "--speed",
            "36000",
            "--cities",
            "binzhou",
            "--duration",
            "15s");
    Instant ended = Instant.now();

    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    assertThat(simulate.out()).contains(", duration elapsed");
    assertThat(simulate.errLines())
        .as("said once that it goes on in real time")
        .filteredOn(line -> line.startsWith("caught up with the clock at "))
        .hasSize(1);
    List<ConsumerRecord<String, byte[]>> air = readAll(topics.airReadings());
    List<ConsumerRecord<String, byte[]>> water = readAll(topics.waterReadings());
    assertThat(air).isNotEmpty();
    assertThat(water).isNotEmpty();
    assertThat(air)
        .allSatisfy(r -> assertThat(r.timestamp()).isLessThanOrEqualTo(ended.toEpochMilli()));
    assertThat(water)
        .allSatisfy(r -> assertThat(r.timestamp()).isLessThanOrEqualTo(ended.toEpochMilli()));
    Instant lastHourEnd =
        air.stream()
            .map(r -> hourStart(topics, r))
            .max(Instant::compareTo)
            .orElseThrow()
            .plus(Duration.ofHours(1));
    assertThat(lastHourEnd)
        .as("every hour up to the present, none before it ended")
        .isAfterOrEqualTo(started.truncatedTo(ChronoUnit.HOURS))
        .isBeforeOrEqualTo(ended);
  }

  @Test
  void shouldGoOnProducingEveryHourWhenItEndsAfterCatchingUp() {
    EcostreamTopics topics = topicsFor("live-hours");
    // An hour every 5 s of the test, and three hours behind the wall clock: the broker's clock
    // stays ahead of it for the 10 s of the run, while the simulation lives through two hours of
    // it.
    Clock fast = new FastClockBehindTheWallClock(720, Duration.ofHours(3));
    List<Instant> emittedAt = new ArrayList<>();
    List<Instant> hourEnds = new ArrayList<>();
    List<Instant> caughtUp = new ArrayList<>();
    Map<String, Object> producer = new HashMap<>(KafkaReadingSink.DEFAULTS);
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    LocalDate from = LocalDate.ofInstant(fast.instant(), BEIJING);
    SimulationResult result;
    long failedSends;
    try (KafkaReadingSink sink =
        KafkaReadingSink.create(
            topics, producer, Optional.of(from.atStartOfDay(BEIJING).toInstant()))) {
      result =
          Simulator.builder(42, from)
              .cities(List.of("binzhou"))
              .pacing(Pacing.asFastAsPossible())
              .clock(fast)
              .sleeper(duration -> Thread.sleep(Math.max(1, duration.toMillis() / 720)))
              .behindTheClock()
              .wallClockLimit(Duration.ofHours(2))
              .progress(
                  new ProgressListener() {
                    @Override
                    public void hourDone(Instant simulatedUpTo, long hoursDone) {
                      emittedAt.add(fast.instant());
                      hourEnds.add(simulatedUpTo);
                    }

                    @Override
                    public void caughtUpWithClock(Instant nextHourEnd) {
                      caughtUp.add(fast.instant());
                    }
                  })
              .build(sink)
              .run();
      failedSends = sink.failedSends();
    }

    assertThat(result.reason()).as("alive until its time was up").isEqualTo(StopReason.DURATION);
    assertThat(failedSends).isZero();
    assertThat(caughtUp).hasSize(1);
    List<Instant> afterTheSwitch =
        emittedAt.stream().filter(t -> t.isAfter(caughtUp.get(0))).toList();
    assertThat(afterTheSwitch).as("hours produced in real time after catching up").isNotEmpty();
    for (int i = 0; i < hourEnds.size(); i++) {
      assertThat(emittedAt.get(i))
          .as("hour to %s emitted when it had ended", hourEnds.get(i))
          .isAfterOrEqualTo(hourEnds.get(i));
    }
    Instant now = Instant.now();
    assertThat(readAll(topics.airReadings()))
        .hasSize(4 * hourEnds.size())
        .allSatisfy(r -> assertThat(r.timestamp()).isLessThanOrEqualTo(now.toEpochMilli()));
  }

  /**
   * Runs {@code rate} times faster than the wall clock, starting {@code behind} behind it: it stays
   * behind the wall clock for {@code behind / (rate - 1)}.
   */
  private static final class FastClockBehindTheWallClock extends Clock {
    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final long rate;

    FastClockBehindTheWallClock(long rate, Duration behind) {
      this.start = Instant.now().minus(behind);
      this.rate = rate;
    }

    @Override
    public Instant instant() {
      return start.plusNanos((System.nanoTime() - startNanos) * rate);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed by the simulator");
    }
  }

  private static EcostreamTopics topicsFor(String name) {
    EcostreamTopics topics = EcostreamTopics.withPrefix(KafkaBrokerFixture.uniqueName(name));
    TopicCreator.ensureExist(kafka.admin(), topics.inputs(), Optional.empty());
    return topics;
  }

  private static Instant hourStart(EcostreamTopics topics, ConsumerRecord<String, byte[]> record) {
    AirReading reading =
        topics
            .airReadings()
            .valueSerde()
            .deserializer()
            .deserialize(record.topic(), record.value());
    return reading.getHourStart();
  }

  /** Every record of the topic, from the beginning to the end offsets of now. */
  private static List<ConsumerRecord<String, byte[]>> readAll(Topic<String, ?> topic) {
    Map<String, Object> config = kafka.consumerProps(KafkaBrokerFixture.uniqueName("read"));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("read %s within 30 s", topic.name()).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
