package io.ecostream.topics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static Properties load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read client properties file " + file);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read client properties file " + file + ": " + e.getMessage(), e);
    }
    return properties;
  }
}
