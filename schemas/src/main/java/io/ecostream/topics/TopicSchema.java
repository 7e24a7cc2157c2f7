package io.ecostream.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.serde.RecordSerde;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro schema of one topic's values, self-contained: the shared enums it names are written out
 * in it, so that any Avro library parses it alone, and its fingerprint is the one in the header of
 * every single-object-encoded value of the topic.
 *
 * @param topic the topic's name without the prefix, e.g. {@code air.city-daily}
 */
public record TopicSchema(String topic, Schema schema) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAVA_STRING_HINT = GenericData.STRING_PROP;

  /** Every topic of {@code topics}, in their order: inputs, outputs, alerts, dead letters. */
  public static List<TopicSchema> of(EcostreamTopics topics) {
    return topics.all().stream()
        .map(t -> new TopicSchema(topics.relativeName(t), schemaOf(t)))
        .toList();
  }

  /**
   * The schema named {@code name}: a topic with or without its prefix ({@code air.city-daily},
   * {@code ecostream.air.city-daily}) or a record with or without its namespace ({@code CityDaily},
   * {@code io.ecostream.avro.CityDaily}).
   */
  public static Optional<TopicSchema> find(List<TopicSchema> schemas, String name) {
    return schemas.stream()
        .filter(
            s ->
                s.topic().equals(name)
                    || name.endsWith("." + s.topic())
                    || s.schema().getName().equals(name)
                    || s.schema().getFullName().equals(name))
        .findFirst();
  }

  private static Schema schemaOf(Topic<String, ?> topic) {
    if (!(topic.valueSerde() instanceof RecordSerde<?> serde)) {
      throw new IllegalStateException(topic.name() + " has no Avro record values");
    }
    return SpecificData.getForClass(serde.type()).getSchema(serde.type());
  }

  public String recordName() {
    return schema.getName();
  }

  /** {@code CityDaily.avsc}. */
  public String fileName() {
    return schema.getName() + ".avsc";
  }

  /**
   * The schema as an {@code .avsc} file holds it, indented, without the {@code avro.java.string}
   * hints the Java code generator adds to every string: they are for Avro's Java classes alone and
   * change neither the parsing canonical form nor the fingerprint.
   */
  public String json() {
    try {
      JsonNode tree = withoutJavaHints(JSON.readTree(schema.toString()));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Avro wrote a schema Jackson cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonNode withoutJavaHints(JsonNode node) {
    if (node.isArray()) {
      ArrayNode array = JSON.createArrayNode();
      node.forEach(item -> array.add(withoutJavaHints(item)));
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = JSON.createObjectNode();
    node.fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals(JAVA_STRING_HINT)) {
                object.set(field.getKey(), withoutJavaHints(field.getValue()));
              }
            });
    // {"type": "string"} once its hint is gone: the primitive's plain name, as the .avsc files have
    // it
    return object.size() == 1 && object.has("type") && object.get("type").isTextual()
        ? object.get("type")
        : object;
  }

  /**
   * CRC-64-AVRO of the schema's parsing canonical form, as Avro's single-object encoding uses it.
   */
  public long fingerprint() {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /**
   * The first 10 bytes of every single-object-encoded value, in hex: the marker {@code c301}, then
   * the fingerprint, little-endian.
   */
  public String singleObjectHeader() {
    byte[] header = new byte[10];
    header[0] = (byte) 0xC3;
    header[1] = 0x01;
    long fingerprint = fingerprint();
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return HexFormat.of().formatHex(header);
  }
}
