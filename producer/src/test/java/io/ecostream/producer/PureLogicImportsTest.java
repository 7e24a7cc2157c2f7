package io.ecostream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Models, catalogue and pacing are plain Java: only the sink and the command know Kafka. */
class PureLogicImportsTest {

  private static final Path SOURCES = Path.of("src/main/java/io/ecostream/producer");

  /**
   * Recordings are lines of topic records, so their reader needs the line format and the topic
   * names of the catalogue; it still knows no Kafka client.
   */
  private static final Path RECORDINGS = SOURCES.resolve("replay/NdjsonReader.java");

  @Test
  void shouldKeepKafkaAndPicocliOutOfTheSimulationLogic() throws IOException {
    List<Path> pure;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      pure =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f ->
                      !f.startsWith(SOURCES.resolve("kafka"))
                          && !f.startsWith(SOURCES.resolve("cli")))
              .toList();
    }

    assertThat(pure).hasSizeGreaterThan(10);
    for (Path file : pure) {
      String source = Files.readString(file);
      assertThat(source)
          .as(file.toString())
          .doesNotContain("import org.apache.kafka")
          .doesNotContain("import picocli");
      if (!file.equals(RECORDINGS)) {
        assertThat(source)
            .as(file.toString())
            .doesNotContain("import io.ecostream.serde")
            .doesNotContain("import io.ecostream.topics");
      }
    }
  }
}
