package io.ecostream.streams.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The alert rules are plain Java: no Kafka, no wire format, so they are tested without either. */
class RulesPackagePurityTest {

  private static final Path SOURCES = Path.of("src/main/java/io/ecostream/streams/alerts/rules");

  @Test
  void shouldImportNeitherKafkaNorTheAvroRecords() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.list(SOURCES)) {
      imports =
          files
              .flatMap(RulesPackagePurityTest::lines)
              .filter(line -> line.startsWith("import "))
              .toList();
    }
    assertThat(imports)
        .isNotEmpty()
        .noneMatch(line -> line.contains("org.apache.kafka") || line.contains("io.ecostream.avro"));
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
