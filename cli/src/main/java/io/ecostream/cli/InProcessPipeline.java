package io.ecostream.cli;

import io.ecostream.streams.EcostreamTopology;
import io.ecostream.streams.StreamsLifecycle;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.config.StreamsAppConfig;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicCreator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The production topology with the production settings, in this JVM, on the cluster of the given
 * client settings: what {@code replay} without a cluster, {@code scenario} and the replay tests run
 * instead of a separate {@code run}. Its topics are created first. A stream thread's failure stops
 * it and is kept for {@link #failure()} ({@link StreamsLifecycle}).
 */
public final class InProcessPipeline implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final StreamsLifecycle app;

  private InProcessPipeline(StreamsLifecycle app) {
    this.app = app;
  }

  /**
   * @param client bootstrap servers and, for a secured cluster, its security settings
   * @param stateDir the state directory of the application
   */
  public static InProcessPipeline start(
      Properties client, EcostreamTopics topics, String applicationId, Path stateDir) {
    try (Admin admin = Admin.create(client)) {
      TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
    }
    Properties properties = StreamsAppConfig.defaults();
    properties.putAll(client);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new InProcessPipeline(
        StreamsLifecycle.of(
                EcostreamTopology.build(
                    topics,
                    PipelineSettings.defaults(),
                    new PipelineMetrics(new SimpleMeterRegistry())),
                properties)
            .start());
  }

  /** The error that stopped a stream thread, if one did. */
  public Optional<Throwable> failure() {
    return app.failure();
  }

  /** After {@link #close()}: deletes the application's local state. */
  public void wipeLocalState() {
    app.wipeLocalState();
  }

  @Override
  public void close() {
    app.close(CLOSE_TIMEOUT);
  }
}
