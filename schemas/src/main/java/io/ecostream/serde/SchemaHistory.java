package io.ecostream.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The earlier versions of ecostream's schemas, so that records written by an older producer stay
 * readable. When a schema in {@code src/main/avro} changes incompatibly with its fingerprint (any
 * change does), copy the previous version to {@code src/main/resources/avro-history/} and list the
 * file in {@code avro-history/index.txt}.
 */
public final class SchemaHistory {

  private static final String INDEX = "avro-history/index.txt";

  private static final SchemaHistory BUNDLED = load(SchemaHistory.class.getClassLoader());

  private final Map<String, List<Schema>> olderVersionsByFullName;

  private SchemaHistory(List<Schema> schemas) {
    this.olderVersionsByFullName =
        schemas.stream().collect(Collectors.groupingBy(Schema::getFullName, Collectors.toList()));
  }

  /** The history shipped in this jar. */
  public static SchemaHistory bundled() {
    return BUNDLED;
  }

  public static SchemaHistory of(List<Schema> olderVersions) {
    return new SchemaHistory(List.copyOf(olderVersions));
  }

  public List<Schema> olderVersionsOf(Schema current) {
    return olderVersionsByFullName.getOrDefault(current.getFullName(), List.of());
  }

  private static SchemaHistory load(ClassLoader loader) {
    List<Schema> schemas = new ArrayList<>();
    try (InputStream index = loader.getResourceAsStream(INDEX)) {
      if (index == null) {
        return new SchemaHistory(schemas);
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String file = line.strip();
        if (file.isEmpty() || file.startsWith("#")) {
          continue;
        }
        try (InputStream schema = loader.getResourceAsStream("avro-history/" + file)) {
          if (schema == null) {
            throw new IllegalStateException(INDEX + " lists a missing file: " + file);
          }
          schemas.add(new Schema.Parser().parse(schema));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
    return new SchemaHistory(schemas);
  }
}
