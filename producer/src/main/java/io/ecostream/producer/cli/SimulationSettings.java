package io.ecostream.producer.cli;

import io.ecostream.producer.Pacing;
import io.ecostream.producer.faults.FaultSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated options of one {@code simulate} run.
 *
 * @param producerConfig Kafka client configuration: defaults < --command-config file < bootstrap
 *     servers from the environment < --bootstrap-servers
 * @param to first day not simulated (from --to, or --from plus --days)
 * @param cities city ids; all cities when empty
 * @param faults faults to inject into the air readings (the --faults preset, then the single
 *     --fault-* options)
 */
record SimulationSettings(
    Map<String, Object> producerConfig,
    String topicPrefix,
    long seed,
    LocalDate from,
    Optional<LocalDate> to,
    Pacing pacing,
    Optional<Duration> duration,
    List<String> cities,
    boolean water,
    FaultSettings faults) {

  SimulationSettings {
    producerConfig = Map.copyOf(producerConfig);
    cities = List.copyOf(cities);
  }
}
