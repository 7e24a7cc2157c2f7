package io.ecostream.cli;

import io.ecostream.streams.EcostreamTopology;
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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The production topology with the production settings, in this JVM, on the cluster of the given
 * client settings: what {@code replay} without a cluster, {@code scenario} and the replay tests run
 * instead of a separate {@code run}. Its topics are created first. A stream thread's failure stops
 * it and is kept for {@link #failure()}.
 */
public final class InProcessPipeline implements AutoCloseable {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private InProcessPipeline(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * @param client bootstrap servers and, for a secured cluster, its security settings
   * @param stateDir the state directory of the application
   */
  public static InProcessPipeline start(Properties client, EcostreamTopics topics, String applicationId, Path stateDir) {
    try (Admin admin = Admin.create(client)) {
      TopicCreator.ensureExist(admin, topics.all(), Optional.empty());
    }
    Properties properties = StreamsAppConfig.defaults();
    properties.putAll(client);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    InProcessPipeline pipeline =
        new InProcessPipeline(
            new KafkaStreams(
                EcostreamTopology.build(topics, PipelineSettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())),
                properties));
    pipeline.streams.setUncaughtExceptionHandler(
        e -> {
          pipeline.failure.compareAndSet(null, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    pipeline.streams.start();
    return pipeline;
  }

  /** The error that stopped a stream thread, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** After {@link #close()}: deletes the application's local state. */
  public void wipeLocalState() {
    streams.cleanUp();
  }

  @Override
  public void close() {
    streams.close(CLOSE_TIMEOUT);
  }
}
