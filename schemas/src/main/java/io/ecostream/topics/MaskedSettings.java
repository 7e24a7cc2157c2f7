package io.ecostream.topics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Client or broker settings as they may be printed: every secret replaced by {@value #HIDDEN}, the
 * marker Kafka's own config logging uses. Use it wherever ecostream prints settings (a debug dump,
 * a "connecting with" line); Kafka's clients mask their own INFO dump already.
 *
 * <p>A setting is secret when Kafka's clients declare it a password ({@code sasl.jaas.config},
 * {@code ssl.key.password}, {@code ssl.keystore.key}, ...), also under a prefix ({@code producer.},
 * {@code main.consumer.}, {@code listener.name.NAME.MECHANISM.}), or when its name says so ({@code
 * password}, {@code secret}, {@code passphrase}, {@code jaas}, {@code credential}): a setting of a
 * plugin that Kafka does not know is masked too.
 */
public final class MaskedSettings {

  public static final String HIDDEN = "[hidden]";

  private static final Set<String> KAFKA_PASSWORDS =
      Stream.of(
              ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef())
          .flatMap(def -> def.configKeys().values().stream())
          .filter(key -> key.type == ConfigDef.Type.PASSWORD)
          .map(key -> key.name)
          .collect(Collectors.toUnmodifiableSet());

  private static final String[] SECRET_WORDS = {
    "password", "secret", "passphrase", "jaas", "credential"
  };

  private MaskedSettings() {}

  /** Whether the value of this setting must never be printed. */
  public static boolean isSecret(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    if (Arrays.stream(SECRET_WORDS).anyMatch(name::contains)) {
      return true;
    }
    return KAFKA_PASSWORDS.stream()
        .anyMatch(password -> name.equals(password) || name.endsWith("." + password));
  }

  /** The settings sorted by name, each secret value replaced by {@value #HIDDEN}. */
  public static SortedMap<String, String> masked(Map<?, ?> settings) {
    SortedMap<String, String> masked = new TreeMap<>();
    settings.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          boolean secret = isSecret(name) || value instanceof Password;
          masked.put(name, secret ? HIDDEN : String.valueOf(value));
        });
    return masked;
  }

  /** One {@code key=value} line per setting, sorted, secrets masked. */
  public static String describe(Map<?, ?> settings) {
    return masked(settings).entrySet().stream()
        .map(setting -> setting.getKey() + "=" + setting.getValue())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
