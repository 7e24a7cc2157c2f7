package io.ecostream.cli;

import io.ecostream.localkafka.KafkaBrokerFixture;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The {@link InProcessPipeline} on the test broker, on topics and an application id of its own, for
 * the tests that replay files into it with the CLI.
 */
record PipelineOnBroker(String prefix, String applicationId, InProcessPipeline pipeline)
    implements AutoCloseable {

  /** {@code name} makes its topic prefix and application id. */
  static PipelineOnBroker start(KafkaBrokerFixture kafka, String name, Path stateDir) {
    String prefix = KafkaBrokerFixture.uniqueName(name);
    String applicationId = KafkaBrokerFixture.uniqueName(name + "-app");
    Properties client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return new PipelineOnBroker(
        prefix,
        applicationId,
        InProcessPipeline.start(
            client, EcostreamTopics.withPrefix(prefix), applicationId, stateDir));
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
