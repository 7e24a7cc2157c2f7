package io.ecostream.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.serde.AvroJson;
import io.ecostream.serde.RecordSerde;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One Kafka record of an ecostream topic as one line of JSON, the line {@code record} writes,
 * {@code replay --format ndjson} reads and {@code tail} prints (without {@code topic}):
 *
 * <pre>{"topic":"air.readings","partition":0,"offset":12,"timestamp":"2024-01-01T00:00:00Z",
 * "key":"1001A","value":{…}}</pre>
 *
 * <p>The topic is named without its prefix, so that a recording replays into any prefix. The value
 * is {@link AvroJson}'s JSON of the Avro record, {@code null} for a tombstone. A value that does
 * not decode is kept rather than lost: {@code "value":null,"undecodable":true,"rawValue":"<Base64
 * of the bytes>","error":"…"}.
 *
 * @param partition -1 if the line does not say (a hand-written line)
 * @param offset -1 if the line does not say
 * @param key null for a record without a key
 * @param value the JSON of the value; a {@link NullNode} for a tombstone or an undecodable value
 */
public record RecordLine(
    String topic,
    int partition,
    long offset,
    Optional<Instant> timestamp,
    String key,
    JsonNode value,
    Optional<Undecodable> undecodable) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A value the topic's serde could not decode: its bytes and why. */
  public record Undecodable(byte[] bytes, String error) {}

  public RecordLine {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(timestamp, "timestamp");
    value = value == null ? NullNode.getInstance() : value;
    Objects.requireNonNull(undecodable, "undecodable");
  }

  /**
   * The line of a consumed record, its value decoded with the topic's serde.
   *
   * @param topics names the topic without the prefix
   */
  public static RecordLine of(
      EcostreamTopics topics,
      Topic<String, ?> topic,
      int partition,
      long offset,
      long timestamp,
      String key,
      byte[] value) {
    JsonNode json = NullNode.getInstance();
    Optional<Undecodable> undecodable = Optional.empty();
    if (value != null) {
      try {
        Object decoded = topic.valueSerde().deserializer().deserialize(topic.name(), value);
        json = AvroJson.toTree((IndexedRecord) decoded);
      } catch (SerializationException e) {
        undecodable = Optional.of(new Undecodable(value, e.getMessage()));
      }
    }
    return new RecordLine(
        topics.relativeName(topic),
        partition,
        offset,
        timestamp < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timestamp)),
        key,
        json,
        undecodable);
  }

  /**
   * Reads a line written by {@link #toJson()}. Only {@code topic} and {@code value} are required.
   *
   * @throws IllegalArgumentException with a short reason if the line is not such a line
   */
  public static RecordLine parse(String line) {
    JsonNode tree;
    try {
      tree = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode topic = tree.get("topic");
    if (topic == null || !topic.isTextual() || topic.asText().isEmpty()) {
      throw new IllegalArgumentException("no \"topic\"");
    }
    if (!tree.has("value")) {
      throw new IllegalArgumentException("no \"value\"");
    }
    Optional<Undecodable> undecodable = Optional.empty();
    if (tree.path("undecodable").asBoolean(false)) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(tree.path("rawValue").asText(""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"rawValue\" is not Base64");
      }
      undecodable = Optional.of(new Undecodable(bytes, tree.path("error").asText("")));
    }
    return new RecordLine(
        topic.asText(),
        (int) Math.max(-1, Math.min(Integer.MAX_VALUE, integer(tree, "partition"))),
        integer(tree, "offset"),
        timestamp(tree),
        tree.hasNonNull("key") ? text(tree, "key") : null,
        tree.get("value"),
        undecodable);
  }

  /** True for a record without a value: a tombstone, not an undecodable value. */
  public boolean isTombstone() {
    return value.isNull() && undecodable.isEmpty();
  }

  /**
   * The value as a record of {@code type}; empty for a tombstone or an undecodable value.
   *
   * @throws IllegalArgumentException naming the field if the value does not fit the schema
   */
  public <T extends SpecificRecord> Optional<T> valueAs(Class<T> type) {
    return value.isNull() ? Optional.empty() : Optional.of(AvroJson.fromTree(value, type));
  }

  /** The value as a record of the topic's type, for topics of {@link RecordSerde}s. */
  public Optional<? extends SpecificRecord> valueOf(Topic<String, ?> topic) {
    if (!(topic.valueSerde() instanceof RecordSerde<?> serde)) {
      throw new IllegalArgumentException(topic.name() + " has no Avro values");
    }
    return valueAs(serde.type());
  }

  /** The line, fields in the order of the class comment. */
  public ObjectNode toJson() {
    ObjectNode line = JSON.createObjectNode();
    line.put("topic", topic);
    return fields(line);
  }

  /** The line without {@code topic}, for output of one topic (tail). */
  public ObjectNode toJsonWithoutTopic() {
    return fields(JSON.createObjectNode());
  }

  private ObjectNode fields(ObjectNode line) {
    line.put("partition", partition);
    line.put("offset", offset);
    timestamp.ifPresentOrElse(
        t -> line.put("timestamp", t.toString()), () -> line.putNull("timestamp"));
    line.put("key", key);
    line.set("value", value);
    undecodable.ifPresent(
        u -> {
          line.put("undecodable", true);
          line.put("rawValue", Base64.getEncoder().encodeToString(u.bytes()));
          line.put("error", u.error());
        });
    return line;
  }

  private static long integer(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      return -1;
    }
    if (!node.isIntegralNumber()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a whole number: " + node);
    }
    return node.longValue();
  }

  private static String text(JsonNode tree, String field) {
    JsonNode node = tree.get(field);
    if (!node.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a string: " + node);
    }
    return node.asText();
  }

  private static Optional<Instant> timestamp(JsonNode tree) {
    if (!tree.hasNonNull("timestamp")) {
      return Optional.empty();
    }
    String text = text(tree, "timestamp");
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"timestamp\" is not an ISO-8601 instant: " + text);
    }
  }
}
