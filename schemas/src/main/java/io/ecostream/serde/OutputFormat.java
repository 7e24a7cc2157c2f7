package io.ecostream.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the streams application encodes the values of the topics other tools read: the figures and
 * the alerts. Input, internal and dead-letter topics are Avro whatever this says.
 */
public enum OutputFormat {
  /** Avro's single-object encoding: the marker C3 01, the schema's fingerprint, the binary body. */
  AVRO,
  /**
   * One JSON object per value, as {@link AvroJson} writes it: the schema's field names, unions as
   * their plain value, enums as their symbol, dates and timestamps as ISO-8601 text. Any consumer
   * reads it without Avro or a schema registry.
   */
  JSON;

  /** The name on the command line: {@code avro} or {@code json}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static OutputFormat parse(String text) {
    for (OutputFormat format : values()) {
      if (format.optionValue().equalsIgnoreCase(text)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown output format '"
            + text
            + "', expected one of "
            + Arrays.stream(values())
                .map(OutputFormat::optionValue)
                .collect(Collectors.joining(", ")));
  }
}
