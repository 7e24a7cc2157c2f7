package io.ecostream.streams;

import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.streams.air.AirPipeline;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.intake.DeadLetters;
import io.ecostream.streams.intake.DecodeAndValidate;
import io.ecostream.streams.intake.Intake;
import io.ecostream.streams.intake.StationValidator;
import io.ecostream.streams.intake.Validator;
import io.ecostream.streams.intake.WaterSampleValidator;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.water.WaterPipeline;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.Topic;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole topology, as the list of its pipelines: the input topics are decoded and validated
 * (what cannot be read or is invalid goes to the dead letters, with the reason), then the air
 * pipeline ({@link AirPipeline}) and the water pipeline ({@link WaterPipeline}) take the valid
 * records. The air readings, most of the input, are decoded by the air pipeline's own first step,
 * which routes each one itself. Every processor, store and repartition topic is named, since a
 * renamed store silently loses its state.
 */
public final class EcostreamTopology {

  private EcostreamTopology() {}

  public static Topology build(
      EcostreamTopics topics, PipelineSettings settings, PipelineMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Station> stations = validStations(builder, topics, metrics);
    AirPipeline.build(
        builder,
        builder.stream(
            topics.airReadings().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("air-readings")),
        stations,
        topics,
        settings,
        metrics);
    WaterPipeline.build(
        builder, validWaterSamples(builder, topics, metrics), stations, topics, settings, metrics);
    return builder.build();
  }

  private static KStream<String, WaterSample> validWaterSamples(
      StreamsBuilder builder, EcostreamTopics topics, PipelineMetrics metrics) {
    return decodedAndValidated(
        builder.stream(
            topics.waterReadings().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("water-readings")),
        topics.waterReadings(),
        new WaterSampleValidator(),
        topics,
        metrics,
        "water-readings");
  }

  /**
   * Station records, decoded and validated like readings. A tombstone deletes a station from the
   * compacted topic; it is not bad input, and the cities' tasks simply keep what they know of it.
   */
  private static KStream<String, Station> validStations(
      StreamsBuilder builder, EcostreamTopics topics, PipelineMetrics metrics) {
    return decodedAndValidated(
        builder.stream(
                topics.stations().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("stations"))
            .filter((stationId, bytes) -> bytes != null, Named.as("stations-not-deleted")),
        topics.stations(),
        new StationValidator(),
        topics,
        metrics,
        "stations");
  }

  /** The decoded, valid values of an input topic's bytes; the rest go to the dead letters. */
  private static <V> KStream<String, V> decodedAndValidated(
      KStream<String, byte[]> raw,
      Topic<String, V> topic,
      Validator<V> validator,
      EcostreamTopics topics,
      PipelineMetrics metrics,
      String name) {
    return accepted(
        raw.processValues(
            () -> new DecodeAndValidate<>(topic.valueSerde().deserializer(), validator, metrics),
            Named.as(name + "-intake")),
        topics,
        name);
  }

  /** The accepted values of an intake step; the rejected go to the dead letters. */
  private static <V> KStream<String, V> accepted(
      KStream<String, Intake<V>> outcomes, EcostreamTopics topics, String name) {
    Map<String, KStream<String, Intake<V>>> intake =
        outcomes
            .split(Named.as(name + "-"))
            .branch((key, outcome) -> outcome.isAccepted(), Branched.as("accepted"))
            .defaultBranch(Branched.as("rejected"));

    intake
        .get(name + "-rejected")
        .map(
            (key, outcome) ->
                KeyValue.pair(DeadLetters.key(outcome.deadLetter()), outcome.deadLetter()),
            Named.as(name + "-dead-letter"))
        .to(
            topics.deadLetters().name(),
            Produced.with(topics.deadLetters().keySerde(), topics.deadLetters().valueSerde())
                .withName(name + "-dead-letters"));

    return intake.get(name + "-accepted").mapValues(Intake::value, Named.as(name + "-valid"));
  }
}
