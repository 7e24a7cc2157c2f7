package io.ecostream.cli;

import io.ecostream.options.ExitCodes;
import io.ecostream.topics.EcostreamTopics;
import io.ecostream.topics.TopicSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecostream schemas}: the Avro schemas of the topics, for consumers written without
 * ecostream's code. No broker is needed: the schemas are those this build writes.
 */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = {
      "Lists, prints or exports the Avro schemas of ecostream's topics.",
      "Each schema is self-contained (the shared enums written out), so that any Avro library reads it alone.",
      "Without NAME: one line per topic, its record and the first 10 bytes (hex) of every value in"
          + " Avro's single-object encoding: the marker c301 and the schema's CRC-64-AVRO fingerprint,"
          + " little-endian.",
      "NAME is a topic (air.city-daily, with or without the prefix) or a record (CityDaily); its"
          + " schema is printed as .avsc JSON.",
      "With --export DIR, writes DIR/RECORD.avsc (CityDaily.avsc, ...) for every topic (or NAME's alone) and prints each"
          + " file's path.",
      "Reading the topics from Python, kcat or a Kafka UI: docs/consuming.md.",
      ""
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:listed, printed or exported",
      "1:the export directory cannot be written",
      "2:wrong arguments (an unknown NAME)"
    },
    footerHeading = "%nExamples:%n",
    footer = {"  ecostream schemas air.city-daily", "  ecostream schemas --export schemas/"})
public final class SchemasCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "Topic or record to print.")
  String name;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description = "Write the .avsc files to DIR (created if missing).")
  Path exportDir;

  @Override
  public Integer call() {
    List<TopicSchema> all = TopicSchema.of(EcostreamTopics.withDefaultPrefix());
    List<TopicSchema> chosen = name == null ? all : List.of(find(all));
    PrintWriter out = spec.commandLine().getOut();
    if (exportDir != null) {
      export(chosen, out);
    } else if (name != null) {
      out.println(chosen.get(0).json());
    } else {
      list(all, out);
    }
    out.flush();
    return 0;
  }

  private TopicSchema find(List<TopicSchema> all) {
    return TopicSchema.find(all, name)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "unknown schema '"
                        + name
                        + "'; names are topics ("
                        + all.stream().map(TopicSchema::topic).collect(Collectors.joining(", "))
                        + ") or their records (CityDaily)"));
  }

  private static void list(List<TopicSchema> schemas, PrintWriter out) {
    int topicWidth = width(schemas.stream().map(TopicSchema::topic).toList(), "topic");
    int recordWidth = width(schemas.stream().map(TopicSchema::recordName).toList(), "record");
    String format = "%-" + topicWidth + "s  %-" + recordWidth + "s  %s%n";
    out.printf(format, "topic", "record", "single-object header");
    for (TopicSchema schema : schemas) {
      out.printf(format, schema.topic(), schema.recordName(), schema.singleObjectHeader());
    }
  }

  private static int width(List<String> cells, String heading) {
    return cells.stream().mapToInt(String::length).reduce(heading.length(), Math::max);
  }

  private void export(List<TopicSchema> schemas, PrintWriter out) {
    if (Files.exists(exportDir) && !Files.isDirectory(exportDir)) {
      throw new IllegalStateException(
          "cannot write the schemas to " + exportDir + ": not a directory");
    }
    try {
      Files.createDirectories(exportDir);
      for (TopicSchema schema : schemas) {
        Path file = exportDir.resolve(schema.fileName());
        Files.writeString(file, schema.json() + "\n", StandardCharsets.UTF_8);
        out.println(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the schemas to " + exportDir + ": " + e.getMessage(), e);
    }
  }
}
