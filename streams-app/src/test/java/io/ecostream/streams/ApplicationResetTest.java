package io.ecostream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class ApplicationResetTest {

  private static final String APP = "ecostream-streams";

  private final Topology topology =
      EcostreamTopology.build(
          EcostreamTopics.withDefaultPrefix(),
          PipelineSettings.defaults(),
          new PipelineMetrics(new SimpleMeterRegistry()));

  @Test
  void shouldDeleteOnlyTheChangelogsAndRepartitionsOfThisTopology() {
    Set<String> existing =
        Set.of(
            "ecostream.air.readings",
            "ecostream.air.city-daily",
            APP + "-water-sections-store-changelog",
            APP + "-air-ranking-by-province-repartition",
            // another deployment whose application id extends this one: StreamsResetter alone would
            // delete it
            APP + "-staging-water-sections-store-changelog",
            "other-app-water-sections-store-changelog");

    assertThat(ApplicationReset.internalTopicsToDelete(APP, topology, existing))
        .containsExactly(
            APP + "-air-ranking-by-province-repartition", APP + "-water-sections-store-changelog");
  }

  @Test
  void shouldRefuseWhenOnlyAnotherApplicationsTopicsLookInternal() {
    Set<String> existing =
        Set.of("ecostream.air.readings", APP + "-staging-water-sections-store-changelog");

    assertThatThrownBy(() -> ApplicationReset.internalTopicsToDelete(APP, topology, existing))
        .isInstanceOf(ApplicationReset.ResetFailedException.class)
        .hasMessageContaining(APP + "-staging-water-sections-store-changelog")
        .hasMessageContaining("belong to no store or repartition of this topology");
  }

  @Test
  void shouldHaveNothingToDeleteBeforeTheFirstRun() {
    assertThat(
            ApplicationReset.internalTopicsToDelete(
                APP, topology, Set.of("ecostream.air.readings")))
        .isEmpty();
  }

  @Test
  void shouldSayWhatWasReset() {
    var outcome =
        new ApplicationReset.Outcome(
            APP,
            List.of("a.stations", "a.air.readings"),
            List.of(APP + "-air-ranking-by-province-repartition"));

    assertThat(outcome.summary())
        .isEqualTo(
            "reset application ecostream-streams: offsets of a.stations, a.air.readings back to the"
                + " earliest; deleted internal topics ecostream-streams-air-ranking-by-province-repartition");
    assertThat(new ApplicationReset.Outcome(APP, List.of("a.stations"), List.of()).summary())
        .endsWith("; no internal topics to delete");
  }
}
