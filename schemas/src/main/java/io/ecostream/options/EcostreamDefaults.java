package io.ecostream.options;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option values that the command line leaves out, from the environment or a properties file:
 * command line &gt; environment &gt; file &gt; the command's own default.
 *
 * <p>An option {@code --kafka-timeout} is read from {@code ECOSTREAM_KAFKA_TIMEOUT}, else from the
 * file's {@code run.kafka-timeout} (for {@code ecostream run} alone), else from its {@code
 * kafka-timeout}. The file is {@value #CONFIG_ENV} if set (empty: none), else {@value
 * #DEFAULT_FILE} in the home directory if it exists. Positional parameters, {@code --help} and
 * {@code --version} are never read from either.
 */
public final class EcostreamDefaults implements IDefaultValueProvider {

  /** Prefix of the environment variables: {@code ECOSTREAM_BOOTSTRAP_SERVERS}. */
  public static final String ENV_PREFIX = "ECOSTREAM_";

  /** The environment variable that names the properties file. */
  public static final String CONFIG_ENV = "ECOSTREAM_CONFIG";

  /** The properties file read when {@value #CONFIG_ENV} is not set, in the home directory. */
  public static final String DEFAULT_FILE = ".ecostream.properties";

  private final Map<String, String> environment;
  private final Properties file;

  /**
   * @param environment the process environment (injected for tests)
   * @param file the settings of the properties file; empty for none
   */
  public EcostreamDefaults(Map<String, String> environment, Properties file) {
    this.environment = Map.copyOf(environment);
    this.file = new Properties();
    this.file.putAll(file);
  }

  /**
   * The defaults of this process: its environment and the file it names, or the home directory's.
   *
   * @throws IllegalArgumentException if {@value #CONFIG_ENV} names a file that cannot be read
   */
  public static EcostreamDefaults ofProcess() {
    Map<String, String> environment = System.getenv();
    return new EcostreamDefaults(
        environment,
        configFile(environment, Path.of(System.getProperty("user.home")))
            .map(EcostreamDefaults::load)
            .orElseGet(Properties::new));
  }

  /**
   * {@value #CONFIG_ENV} if set and not empty, else {@value #DEFAULT_FILE} in {@code home} if it
   * exists.
   */
  static Optional<Path> configFile(Map<String, String> environment, Path home) {
    String named = environment.get(CONFIG_ENV);
    if (named != null) {
      return named.isBlank() ? Optional.empty() : Optional.of(Path.of(named.strip()));
    }
    Path inHome = home.resolve(DEFAULT_FILE);
    return Files.isRegularFile(inHome) ? Optional.of(inHome) : Optional.empty();
  }

  /**
   * @throws IllegalArgumentException naming the file, if it cannot be read
   */
  public static Properties load(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
      throw new IllegalArgumentException("cannot read the settings file " + path + ": " + why, e);
    }
    return properties;
  }

  /** {@code --kafka-timeout} → {@code ECOSTREAM_KAFKA_TIMEOUT}. */
  public static String environmentName(String optionName) {
    return ENV_PREFIX + key(optionName).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String key = key(option.longestName());
    String fromEnvironment = environment.get(environmentName(key));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return option.typeInfo().isBoolean()
          ? String.valueOf(flagOn(fromEnvironment))
          : fromEnvironment.strip();
    }
    String command = option.command() == null ? null : option.command().name();
    String fromFile = command == null ? null : file.getProperty(command + "." + key);
    if (fromFile == null) {
      fromFile = file.getProperty(key);
    }
    if (fromFile == null) {
      return null;
    }
    return option.typeInfo().isBoolean() ? booleanValue(fromFile.strip()) : fromFile.strip();
  }

  /**
   * Whether an environment variable turns a flag on: set to anything but 0, false, no or off, as
   * {@code ECOSTREAM_DEBUG=1} always has.
   */
  public static boolean flagOn(String environmentValue) {
    return environmentValue != null && !booleanValue(environmentValue.strip()).equals("false");
  }

  private static String key(String optionName) {
    return optionName.replaceFirst("^-+", "");
  }

  /** 1/yes/on and 0/no/off too; anything else is picocli's to reject. */
  private static String booleanValue(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "1", "yes", "on", "true" -> "true";
      case "0", "no", "off", "false" -> "false";
      default -> value;
    };
  }
}
