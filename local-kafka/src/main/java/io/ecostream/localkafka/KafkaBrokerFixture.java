package io.ecostream.localkafka;

import io.ecostream.topics.TopicCreator;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ephemeral {@link LocalKafkaBroker} per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBrokerFixture kafka = new KafkaBrokerFixture();
 * }</pre>
 *
 * The field must be static: JUnit calls class-level callbacks only on static extensions. Give each
 * test its own topics and application ids with {@link #uniqueName(String)}.
 */
public final class KafkaBrokerFixture implements BeforeAllCallback, AfterAllCallback {

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> brokerOverrides;
  private LocalKafkaBroker broker;
  private Admin admin;
  // @Nested classes inherit the extension and call beforeAll/afterAll again: count, start once.
  private int activeClasses;

  public KafkaBrokerFixture() {
    this(Map.of());
  }

  /** With broker properties that win over {@link LocalKafkaBroker.Settings#ephemeral()}'s. */
  public KafkaBrokerFixture(Map<String, String> brokerOverrides) {
    this.brokerOverrides = Map.copyOf(brokerOverrides);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (activeClasses++ > 0) {
      return;
    }
    LocalKafkaBroker.Settings settings = LocalKafkaBroker.Settings.ephemeral();
    for (Map.Entry<String, String> override : brokerOverrides.entrySet()) {
      settings = settings.withOverride(override.getKey(), override.getValue());
    }
    broker = LocalKafkaBroker.start(settings);
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--activeClasses > 0) {
      return;
    }
    try {
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    } finally {
      admin = null;
      if (broker != null) {
        broker.close();
        broker = null;
      }
    }
  }

  public synchronized String bootstrapServers() {
    if (broker == null) {
      throw new IllegalStateException(
          "No broker: register the fixture on a static field with @RegisterExtension");
    }
    return broker.bootstrapServers();
  }

  /** The settings a client needs ({@link LocalKafkaBroker#clientProperties()}). */
  public synchronized Properties clientProperties() {
    bootstrapServers(); // throws when no broker runs
    return broker.clientProperties();
  }

  /** Shared by the test class; the fixture closes it. */
  public synchronized Admin admin() {
    if (admin == null) {
      admin =
          Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
    return admin;
  }

  /** Creates topics with one partition each and waits until the controller has them. */
  public void createTopics(String... names) {
    create(Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) 1)).toList());
  }

  /** Creates a topic and waits until the controller has it. */
  public void createTopic(String name, int partitions) {
    create(List.of(new NewTopic(name, partitions, (short) 1)));
  }

  /** Only the bootstrap servers: add serializers and tuning in the test. */
  public Map<String, Object> producerProps() {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /**
   * Bootstrap servers, the group and earliest offsets, so a consumer sees what the test produced.
   */
  public Map<String, Object> consumerProps(String groupId) {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  /**
   * {@code prefix-} and 8 random hex digits, e.g. for a topic or Streams application id per test.
   */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Creates the topics and waits until the leader of each partition serves it ({@link
   * TopicCreator#awaitLeaders}): a test that produces at once would otherwise meet "unknown topic",
   * or an idempotent producer's first batch refused while the next ones are appended.
   */
  private void create(List<NewTopic> topics) {
    try {
      admin().createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      TopicCreator.awaitLeaders(admin(), topics, ADMIN_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics " + topics, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create topics " + topics, e);
    }
  }
}
