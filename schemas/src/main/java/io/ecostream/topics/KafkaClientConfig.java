package io.ecostream.topics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Client settings of every ecostream command, layered: defaults in code, then an optional
 * properties file (security settings such as SASL/SSL for a real cluster), then the environment
 * variable {@value #BOOTSTRAP_ENV}, then the {@code --bootstrap-servers} flag.
 */
public final class KafkaClientConfig {

  public static final String BOOTSTRAP_ENV = "ECOSTREAM_BOOTSTRAP_SERVERS";
  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  private static final String BOOTSTRAP = "bootstrap.servers";
  private static final String REQUEST_TIMEOUT = "request.timeout.ms";
  private static final String DEFAULT_API_TIMEOUT = "default.api.timeout.ms";
  private static final String MAX_BLOCK = "max.block.ms";
  private static final String DELIVERY_TIMEOUT = "delivery.timeout.ms";
  private static final String LINGER = "linger.ms";

  private KafkaClientConfig() {}

  /**
   * @param defaults settings of the command, overridden by the file
   * @param file properties file, or null
   * @param environment the process environment (injected for tests)
   * @param flags settings given as command-line flags (only those actually given); they win
   */
  public static Properties layered(
      Properties defaults, Path file, Map<String, String> environment, Properties flags) {
    Properties merged = new Properties();
    merged.putAll(defaults);
    merged.putIfAbsent(BOOTSTRAP, DEFAULT_BOOTSTRAP);
    if (file != null) {
      merged.putAll(load(file));
    }
    String fromEnv = environment.get(BOOTSTRAP_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      merged.put(BOOTSTRAP, fromEnv.strip());
    }
    merged.putAll(flags);
    return merged;
  }

  /**
   * The settings with every blocking call of an Admin client or a consumer bounded by {@code
   * timeout} (request.timeout.ms, default.api.timeout.ms), unless they set their own: their
   * defaults (30 s, 60 s) would keep a command waiting long on a lost broker.
   */
  public static Properties withRequestTimeouts(Properties settings, Duration timeout) {
    Properties bounded = new Properties();
    bounded.putAll(settings);
    bounded.putIfAbsent(REQUEST_TIMEOUT, millis(timeout));
    // An Admin client refuses an API timeout below the request timeout.
    long request = millisOf(bounded, REQUEST_TIMEOUT);
    bounded.putIfAbsent(DEFAULT_API_TIMEOUT, Long.toString(Math.max(request, timeout.toMillis())));
    return bounded;
  }

  /**
   * The settings with a producer's blocking bounded by {@code timeout}, unless they set their own:
   * a send waits at most that long for metadata or buffer space (max.block.ms, 60 s by default), a
   * request as long (request.timeout.ms), and a record is given up after twice that
   * (delivery.timeout.ms, 120 s by default), so that a lost broker fails the sends soon.
   */
  public static Properties withProducerTimeouts(Properties settings, Duration timeout) {
    Properties bounded = new Properties();
    bounded.putAll(settings);
    bounded.putIfAbsent(MAX_BLOCK, millis(timeout));
    bounded.putIfAbsent(REQUEST_TIMEOUT, millis(timeout));
    long request = millisOf(bounded, REQUEST_TIMEOUT);
    long linger = bounded.containsKey(LINGER) ? millisOf(bounded, LINGER) : 5;
    // The producer refuses a delivery timeout below linger.ms + request.timeout.ms.
    bounded.putIfAbsent(
        DELIVERY_TIMEOUT, Long.toString(Math.max(2 * timeout.toMillis(), request + linger)));
    return bounded;
  }

  /**
   * A setting in milliseconds, given as a string (properties files) or a number (client configs).
   */
  private static long millisOf(Properties settings, String name) {
    return Long.parseLong(String.valueOf(settings.get(name)).strip());
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }

  private static Properties load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read client properties file " + file);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read client properties file " + file + ": " + e.getMessage(), e);
    }
    return properties;
  }
}
