package io.ecostream.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios bundled as resources: {@code scenarios/index.txt} lists the ids in order, and each
 * {@code scenarios/ID.json} holds one scenario:
 *
 * <pre>{@code
 * {"id": "weihai-2022", "title": "Weihai 2022", "source": "...", "cities": ["weihai"],
 *  "from": "2022-01-01", "to": "2022-12-31", "seed": 42,
 *  "targets": {"pm25": {"value": 21, "tolerance": "5%"}}, "faults": {}}
 * }</pre>
 *
 * A tolerance is a number in the figure's unit or a percentage of the target; {@code seed} and
 * {@code faults} may be left out.
 */
public final class ScenarioCatalog {

  private static final String FOLDER = "/io/ecostream/cli/scenarios/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Scenario> byId;

  private ScenarioCatalog(List<Scenario> scenarios) {
    Map<String, Scenario> map = new LinkedHashMap<>();
    scenarios.forEach(s -> map.put(s.id(), s));
    this.byId = map;
  }

  public static ScenarioCatalog of(List<Scenario> scenarios) {
    return new ScenarioCatalog(scenarios);
  }

  /** The scenarios shipped with ecostream. */
  public static ScenarioCatalog bundled() {
    List<Scenario> scenarios = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      String id = line.strip();
      if (!id.isEmpty() && !id.startsWith("#")) {
        Scenario scenario = parse(resource(id + ".json"));
        if (!scenario.id().equals(id)) {
          throw new IllegalStateException(
              "scenarios/" + id + ".json holds scenario " + scenario.id());
        }
        scenarios.add(scenario);
      }
    }
    return new ScenarioCatalog(scenarios);
  }

  public List<Scenario> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Scenario> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * @throws IllegalArgumentException with the scenario's id and the field at fault
   */
  public static Scenario parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a scenario: " + e.getOriginalMessage(), e);
    }
    String id = text(root, "id", "scenario");
    List<String> cities = new ArrayList<>();
    JsonNode cityList = required(root, "cities", id);
    if (!cityList.isArray()) {
      throw new IllegalArgumentException(id + ": 'cities' must be a list of city ids");
    }
    cityList.forEach(city -> cities.add(city.asText()));
    List<Target> targets = new ArrayList<>();
    JsonNode targetMap = required(root, "targets", id);
    targetMap
        .fields()
        .forEachRemaining(entry -> targets.add(target(id, entry.getKey(), entry.getValue())));
    Map<String, Double> faults = new LinkedHashMap<>();
    JsonNode faultMap = root.path("faults");
    faultMap
        .fields()
        .forEachRemaining(
            entry ->
                faults.put(
                    entry.getKey(), number(entry.getValue(), "faults." + entry.getKey(), id)));
    return new Scenario(
        id,
        root.path("title").asText(id),
        root.path("source").asText(""),
        cities,
        date(root, "from", id),
        date(root, "to", id),
        targets,
        faults,
        root.has("seed") ? root.get("seed").asLong() : Scenario.DEFAULT_SEED);
  }

  private static Target target(String id, String key, JsonNode node) {
    Figure figure =
        Figure.byKey(key)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        id
                            + ": unknown target '"
                            + key
                            + "'; known: pm25, goodRatio, compositeIndex, heavyDays"));
    double value = number(required(node, "value", id), "targets." + key + ".value", id);
    JsonNode tolerance = required(node, "tolerance", id);
    try {
      return new Target(figure, value, Tolerance.parse(tolerance.asText()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          id + ": targets." + key + ".tolerance: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field, String id) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(id + ": '" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field, String id) {
    String value = required(node, field, id).asText();
    if (value.isBlank()) {
      throw new IllegalArgumentException(id + ": '" + field + "' is empty");
    }
    return value;
  }

  private static double number(JsonNode node, String field, String id) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(id + ": '" + field + "' must be a number, got " + node);
    }
    return node.asDouble();
  }

  private static LocalDate date(JsonNode node, String field, String id) {
    String value = text(node, field, id);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          id + ": '" + field + "' must be a date yyyy-MM-dd, got '" + value + "'", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ScenarioCatalog.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
