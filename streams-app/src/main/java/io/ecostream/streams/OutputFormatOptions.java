package io.ecostream.streams;

import io.ecostream.serde.OutputFormat;
import io.ecostream.topics.EcostreamTopics;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --output-format avro|json}: how the streams application writes its figures and alerts. A
 * picocli mixin: {@code @Mixin OutputFormatOptions output;}.
 */
public final class OutputFormatOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--output-format",
      paramLabel = "avro|json",
      defaultValue = "avro",
      description =
          "Encoding of the figure and alert topics: avro = Avro single-object encoding, json = a plain JSON"
              + " object per value, for consumers without Avro (docs/consuming.md). Input, internal and"
              + " dead-letter topics stay Avro (default: ${DEFAULT-VALUE}).")
  String outputFormat = "avro";

  /**
   * The topics with their outputs in this format.
   *
   * @throws ParameterException if the format is neither avro nor json
   */
  public EcostreamTopics applyTo(EcostreamTopics topics) {
    return topics.withOutputFormat(format());
  }

  /**
   * This option as arguments of {@code ecostream run}, for a command that starts it as a child
   * process.
   */
  public List<String> runArguments() {
    return List.of("--output-format", format().optionValue());
  }

  private OutputFormat format() {
    try {
      return OutputFormat.parse(outputFormat);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "--output-format: " + e.getMessage());
    }
  }
}
