package io.ecostream.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Compose application as {@code docker compose -f A -f B config} sees it: the files read as YAML
 * and merged with the rules of Compose that these files use (mappings merged key by key, {@code
 * volumes} of a service merged by target path, {@code ports} added up, other values replaced).
 */
record ComposeStack(String name, Path directory, JsonNode model) {

  private static final YAMLMapper YAML = new YAMLMapper();

  static ComposeStack load(Path directory, String... files) {
    JsonNode model = JsonNodeFactory.instance.objectNode();
    for (String file : files) {
      model = merge(model, read(directory.resolve(file)), "");
    }
    return new ComposeStack(String.join(" + ", files), directory, model);
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode merge(JsonNode base, JsonNode override, String key) {
    if (base.isObject() && override.isObject()) {
      ObjectNode merged = ((ObjectNode) base).deepCopy();
      for (Map.Entry<String, JsonNode> field : override.properties()) {
        JsonNode old = merged.get(field.getKey());
        merged.set(
            field.getKey(),
            old == null
                ? field.getValue().deepCopy()
                : merge(old, field.getValue(), field.getKey()));
      }
      return merged;
    }
    if (base.isArray() && override.isArray() && key.equals("volumes")) {
      Map<String, JsonNode> byTarget = new LinkedHashMap<>();
      base.forEach(volume -> byTarget.put(Mount.of(volume).target(), volume));
      override.forEach(volume -> byTarget.put(Mount.of(volume).target(), volume));
      return JsonNodeFactory.instance.arrayNode().addAll(byTarget.values());
    }
    if (base.isArray() && override.isArray() && key.equals("ports")) {
      Set<JsonNode> ports = new LinkedHashSet<>();
      base.forEach(ports::add);
      override.forEach(ports::add);
      return JsonNodeFactory.instance.arrayNode().addAll(ports);
    }
    return override.deepCopy();
  }

  @Override
  public String toString() {
    return name;
  }

  List<String> services() {
    List<String> names = new ArrayList<>();
    model.path("services").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The images of the monitoring services, each followed by its pinned tag. */
  static final List<String> MONITORING_IMAGES = List.of("prom/prometheus:", "grafana/grafana:");

  JsonNode service(String service) {
    return model.path("services").path(service);
  }

  boolean defines(String service) {
    return model.path("services").has(service);
  }

  /** The service of the official Kafka image. */
  String broker() {
    return services().stream()
        .filter(service -> service(service).path("image").asText().startsWith("apache/kafka:"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no service runs apache/kafka"));
  }

  /** The services with a {@code build} section. */
  List<String> built() {
    return services().stream().filter(service -> service(service).has("build")).toList();
  }

  /**
   * The services that run the image built here: every service but the broker and the monitoring.
   */
  List<String> ecostreamServices() {
    return services().stream()
        .filter(service -> !service.equals(broker()) && !monitoringServices().contains(service))
        .toList();
  }

  /** The services of the monitoring images: Prometheus and Grafana. */
  List<String> monitoringServices() {
    return services().stream()
        .filter(
            service ->
                MONITORING_IMAGES.stream()
                    .anyMatch(service(service).path("image").asText()::startsWith))
        .toList();
  }

  Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode node = service(service).path("environment");
    if (node.isObject()) {
      node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
    } else {
      node.forEach(
          entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair.length == 2 ? pair[1] : "");
          });
    }
    return environment;
  }

  List<String> strings(String service, String key) {
    JsonNode node = service(service).path(key);
    List<String> strings = new ArrayList<>();
    node.forEach(element -> strings.add(element.asText()));
    return strings;
  }

  List<Mount> mounts(String service) {
    List<Mount> mounts = new ArrayList<>();
    service(service).path("volumes").forEach(volume -> mounts.add(Mount.of(volume)));
    return mounts;
  }

  /** The file of the repository mounted at {@code target} in the service, if one is. */
  Optional<Path> mountedFile(String service, String target) {
    for (Mount mount : mounts(service)) {
      if (mount.named()) {
        continue;
      }
      if (mount.target().equals(target)) {
        return Optional.of(directory.resolve(mount.source()).normalize());
      }
      if (target.startsWith(mount.target() + "/")) {
        String rest = target.substring(mount.target().length() + 1);
        return Optional.of(directory.resolve(mount.source()).resolve(rest).normalize());
      }
    }
    return Optional.empty();
  }

  Set<String> declaredVolumes() {
    Set<String> names = new LinkedHashSet<>();
    model.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The listeners of {@code KAFKA_LISTENERS} or {@code KAFKA_ADVERTISED_LISTENERS}, by name. */
  Map<String, Listener> listeners(String variable) {
    Map<String, String> environment = environment(broker());
    Map<String, String> protocols = new LinkedHashMap<>();
    for (String entry : environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
      String[] pair = entry.split(":", 2);
      protocols.put(pair[0], pair[1]);
    }
    Map<String, Listener> listeners = new LinkedHashMap<>();
    for (String entry : environment.get(variable).split(",")) {
      String[] nameAndAddress = entry.split("://", 2);
      int colon = nameAndAddress[1].lastIndexOf(':');
      String listenerName = nameAndAddress[0];
      listeners.put(
          listenerName,
          new Listener(
              listenerName,
              nameAndAddress[1].substring(0, colon),
              Integer.parseInt(nameAndAddress[1].substring(colon + 1)),
              protocols.get(listenerName)));
    }
    return listeners;
  }

  /**
   * One entry of a service's {@code volumes}, short ({@code source:target[:mode]}) or long syntax.
   */
  record Mount(String source, String target) {

    static Mount of(JsonNode volume) {
      if (volume.isObject()) {
        return new Mount(volume.path("source").asText(), volume.path("target").asText());
      }
      String[] parts = volume.asText().split(":");
      return parts.length == 1 ? new Mount("", parts[0]) : new Mount(parts[0], parts[1]);
    }

    /** A named volume, as opposed to a path of the host (bind mount) or an anonymous volume. */
    boolean named() {
      return !source.isEmpty()
          && !source.startsWith(".")
          && !source.startsWith("/")
          && !source.startsWith("~");
    }
  }

  /** A broker listener: {@code NAME://host:port} and its security protocol. */
  record Listener(String name, String host, int port, String protocol) {

    String address() {
      return host + ":" + port;
    }
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
