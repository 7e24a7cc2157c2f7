package io.ecostream.cli;

import io.ecostream.localkafka.LocalKafkaBroker;
import io.ecostream.topics.EcostreamTopics;
import java.nio.file.Path;

/**
 * The whole pipeline in this JVM, for a replay that names no cluster: a local broker with its data
 * in {@code dir/kafka} and the {@link InProcessPipeline}, its state in {@code dir/state}. Closing
 * stops both; the folder is the caller's to keep or delete.
 */
final class EmbeddedPipeline implements AutoCloseable {

  private final LocalKafkaBroker broker;
  private final InProcessPipeline pipeline;

  private EmbeddedPipeline(LocalKafkaBroker broker, InProcessPipeline pipeline) {
    this.broker = broker;
    this.pipeline = pipeline;
  }

  static EmbeddedPipeline start(Path dir, EcostreamTopics topics, String applicationId) {
    LocalKafkaBroker broker = EmbeddedBroker.startOnFreePorts(dir, dir.resolve("logs/broker.log"));
    try {
      return new EmbeddedPipeline(
          broker,
          InProcessPipeline.start(
              broker.clientProperties(), topics, applicationId, dir.resolve("state")));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    pipeline.close();
    broker.close();
  }
}
