package io.ecostream.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.domain.air.AqiCategory;
import io.ecostream.serde.AvroJson;
import io.ecostream.streams.air.AirQueries;
import io.ecostream.streams.air.ProvinceRankings;
import io.ecostream.streams.water.WaterQueries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The query API, {@code GET /api/...}: JSON answers from the state stores of the running
 * application (the paths and their fields are in {@code openapi.json} beside this class, served at
 * {@code /api/openapi.json}).
 *
 * <p><b>Several instances.</b> Each key lives in one task, on one instance. A request for a key
 * this instance does not hold is forwarded once to the instance that does (its {@code
 * application.server}) and its answer relayed; {@code /api/cities} asks every instance for its
 * share. A forwarded request that lands on an instance that no longer holds the key gets 503, not a
 * second hop: ownership is moving.
 *
 * <p><b>Never partial data.</b> While the application is not RUNNING (rebalancing, restoring after
 * a start or a crash) or a store is not ready, the answer is 503 with the reason; a dashboard
 * retries. Unknown ids give 404, malformed dates or periods 400, each with a JSON body {@code
 * {"status": …, "error": "…"}}.
 */
public final class QueryApi implements HttpHandler {

  /** Marks a request one instance forwarded to another, so that it is not forwarded again. */
  static final String FORWARDED_HEADER = "X-Ecostream-Forwarded";

  private static final Pattern CITIES = Pattern.compile("/api/cities/?");
  private static final Pattern CITY_DAYS = Pattern.compile("/api/cities/([^/]+)/daily");
  private static final Pattern CITY_PERIOD = Pattern.compile("/api/cities/([^/]+)/periods/([^/]+)");
  private static final Pattern CITY_NOW = Pattern.compile("/api/cities/([^/]+)/now");
  private static final Pattern STATION_HOURS = Pattern.compile("/api/stations/([^/]+)/hourly");
  private static final Pattern ALERTS = Pattern.compile("/api/alerts/?");
  private static final Pattern WATER_CITY_PERIOD =
      Pattern.compile("/api/water/cities/([^/]+)/periods/([^/]+)");
  private static final Pattern SECTION_MONTH =
      Pattern.compile("/api/water/sections/([^/]+)/months/([^/]+)");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final int ALERT_LIMIT = 1000;

  /** Far enough for any reading, near enough to count in milliseconds. */
  private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

  private static final Pattern RANKING = Pattern.compile("/api/rankings/([^/]+)/([^/]+)");
  private static final Pattern OPENAPI = Pattern.compile("/api/openapi\\.json");
  private static final Pattern AQI_CATEGORIES = Pattern.compile("/api/aqi-categories/?");
  private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");
  private static final StringSerializer KEYS = new StringSerializer();
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final AirQueries air;
  private final WaterQueries water;
  private final AlertFeed alerts;
  private final ZoneId zone;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();
  private final byte[] openApi;
  private final byte[] aqiCategories;

  /**
   * @param self this instance's {@code application.server}, as the other instances reach it
   * @param air built on {@link #localStores(KafkaStreams)}
   * @param water built on the same
   * @param zone the pipeline's time zone, in which a date given for an instant is read
   */
  public QueryApi(
      KafkaStreams streams,
      HostInfo self,
      AirQueries air,
      WaterQueries water,
      AlertFeed alerts,
      ZoneId zone) {
    this.streams = streams;
    this.self = self;
    this.air = air;
    this.water = water;
    this.alerts = alerts;
    this.zone = zone;
    this.aqiCategories = aqiCategories();
    try (InputStream in = QueryApi.class.getResourceAsStream("openapi.json")) {
      this.openApi =
          Objects.requireNonNull(in, "openapi.json is missing from the jar").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stores of this instance, for {@link AirQueries}; a store not ready gives 503. */
  public static AirQueries.LocalStores localStores(KafkaStreams streams) {
    return new AirQueries.LocalStores() {
      @Override
      public <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query =
            StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        try {
          return streams.store(partition == null ? query : query.withPartition(partition));
        } catch (InvalidStateStoreException e) {
          throw new ApiException(503, "state not ready: " + e.getMessage());
        }
      }
    };
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    int status = 200;
    byte[] body;
    try {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        throw new ApiException(405, "only GET is served");
      }
      body = route(exchange);
    } catch (ApiException e) {
      status = e.status();
      body = error(status, e.getMessage());
    } catch (InvalidStateStoreException e) {
      status = 503;
      body = error(status, "state not ready: " + e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      body = error(status, e.toString());
    }
    try (exchange) {
      respond(exchange, status, body);
    }
  }

  private byte[] route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI());
    Request request =
        new Request(exchange, exchange.getRequestHeaders().containsKey(FORWARDED_HEADER));
    Matcher match;
    if (OPENAPI.matcher(path).matches()) {
      return openApi;
    } else if (AQI_CATEGORIES.matcher(path).matches()) {
      return aqiCategories;
    } else if (CITIES.matcher(path).matches()) {
      return json(cities(request.forwarded() || "local".equals(query.get("scope"))));
    } else if ((match = CITY_DAYS.matcher(path)).matches()) {
      String city = match.group(1);
      LocalDate from = date(query, "from", LocalDate.of(0, 1, 1));
      LocalDate to = date(query, "to", LocalDate.of(9999, 12, 31));
      if (from.isAfter(to)) {
        throw new ApiException(400, "from " + from + " is after to " + to);
      }
      return forCity(
          city,
          request,
          partition -> {
            ObjectNode answer = json.createObjectNode().put("cityId", city);
            ArrayNode days = answer.putArray("days");
            for (CityDayEntry day : air.days(city, from, to, partition)) {
              ObjectNode node = (ObjectNode) AvroJson.toTree(day);
              // A day without a valid daily AQI has none: -1 on the store, no category.
              node.put("category", day.getAqi() < 0 ? null : AqiCategory.of(day.getAqi()).name());
              days.add(node);
            }
            return json(answer);
          });
    } else if ((match = CITY_PERIOD.matcher(path)).matches()) {
      String city = match.group(1);
      String period = period(match.group(2));
      return forCity(
          city,
          request,
          partition ->
              tree(
                  air.period(city, period, partition),
                  "city " + city + " has no day in " + period));
    } else if ((match = CITY_NOW.matcher(path)).matches()) {
      String city = match.group(1);
      return forCity(
          city,
          request,
          partition -> tree(air.now(city, partition), "city " + city + " has no hour yet"));
    } else if ((match = STATION_HOURS.matcher(path)).matches()) {
      return stationHours(match.group(1), request, query);
    } else if (ALERTS.matcher(path).matches()) {
      return alerts(query);
    } else if ((match = WATER_CITY_PERIOD.matcher(path)).matches()) {
      String city = match.group(1);
      String period = period(match.group(2));
      return forKey(
          WaterQueries.CITY_STORE,
          city,
          request,
          partition -> {
            if (!water.knowsCity(city, partition)) {
              throw new ApiException(404, "no water city " + city);
            }
            return tree(
                water.cityPeriod(city, period, partition),
                "water city " + city + " has no figure for " + period);
          });
    } else if ((match = SECTION_MONTH.matcher(path)).matches()) {
      String section = match.group(1);
      String month = match.group(2);
      if (!MONTH.matcher(month).matches()) {
        throw new ApiException(400, "month must be yyyy-MM, got " + month);
      }
      requireRunning();
      var found = water.sectionMonth(section, YearMonth.parse(month), null);
      if (found.isPresent()) {
        return json(AvroJson.toTree(found.get()));
      }
      return askTheOthers(request, "no month " + month + " of water section " + section);
    } else if ((match = RANKING.matcher(path)).matches()) {
      String province = match.group(1);
      String period = period(match.group(2));
      return forKey(
          AirQueries.RANKING_STORE,
          ProvinceRankings.key(province, period),
          request,
          partition ->
              tree(
                  air.ranking(province, period, partition),
                  "no ranking of " + province + " for " + period));
    }
    throw new ApiException(404, "no such path: " + path + " (see /api/openapi.json)");
  }

  /** HJ 633's categories, from the domain's table: what a page needs to name and colour an AQI. */
  private byte[] aqiCategories() {
    ArrayNode categories = json.createArrayNode();
    for (AqiCategory category : AqiCategory.values()) {
      categories
          .addObject()
          .put("category", category.name())
          .put("level", category.level())
          .put("englishName", category.englishName())
          .put("chineseName", category.chineseName())
          .put("minAqi", category.minAqi())
          .put("maxAqi", category.maxAqi())
          .put("colour", category.hexColour());
    }
    try {
      return json(categories);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request being answered, and whether another instance forwarded it here. */
  private record Request(HttpExchange exchange, boolean forwarded) {
    String pathAndQuery() {
      URI uri = exchange.getRequestURI();
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
  }

  /** The answer from the partition that holds a key. */
  @FunctionalInterface
  private interface KeyAnswer {
    byte[] from(int partition) throws IOException;
  }

  /** Answered here when this instance holds the key, else by the instance that does. */
  private byte[] forKey(String store, String key, Request request, KeyAnswer answer)
      throws IOException {
    Location at = locate(store, key);
    if (!at.local()) {
      return forward(at, request);
    }
    return answer.from(at.partition());
  }

  /** {@link #forKey} for an air city: 404 when its partition does not know it. */
  private byte[] forCity(String city, Request request, KeyAnswer answer) throws IOException {
    return forKey(
        AirQueries.CITY_STORE,
        city,
        request,
        partition -> {
          requireCity(city, partition);
          return answer.from(partition);
        });
  }

  /** The record as JSON, or 404 with {@code missing}. */
  private byte[] tree(Optional<? extends SpecificRecord> record, String missing)
      throws IOException {
    return json(AvroJson.toTree(record.orElseThrow(() -> new ApiException(404, missing))));
  }

  /**
   * A station's hours. Its partition is its city's, unknown here: this instance's partitions are
   * asked first, then every other instance (a request another instance forwarded is answered from
   * the local ones only).
   */
  private byte[] stationHours(String station, Request request, Map<String, String> query)
      throws IOException {
    Instant from = instant(query, "from", Instant.EPOCH, false);
    Instant to = instant(query, "to", LAST_INSTANT, true);
    if (from.isAfter(to)) {
      throw new ApiException(400, "from " + from + " is after to " + to);
    }
    requireRunning();
    var found = air.stationHours(station, from, to, null);
    if (found.isPresent()) {
      ObjectNode answer =
          json.createObjectNode().put("stationId", station).put("cityId", found.get().cityId());
      ArrayNode hours = answer.putArray("hours");
      found.get().hours().forEach(hour -> hours.add(AvroJson.toTree(hour)));
      return json(answer);
    }
    return askTheOthers(request, "no station " + station);
  }

  /**
   * The first answer of another instance to a request for a key this one does not hold and cannot
   * locate (a station's or section's partition is its city's); 404 when none has it.
   */
  private byte[] askTheOthers(Request request, String notFound) throws IOException {
    if (!request.forwarded()) {
      String pathAndQuery = request.pathAndQuery();
      for (StreamsMetadata instance : streams.streamsMetadataForStore(AirQueries.CITY_STORE)) {
        if (!instance.hostInfo().equals(self)) {
          try {
            return get(instance.hostInfo(), pathAndQuery);
          } catch (ApiException e) {
            if (e.status() != 404) {
              throw e;
            }
          }
        }
      }
    }
    throw new ApiException(404, notFound);
  }

  private byte[] alerts(Map<String, String> query) throws IOException {
    if (!alerts.caughtUp()) {
      throw new ApiException(
          503, "the alert feed is still reading the alerts topic, try again shortly");
    }
    Instant since = instant(query, "since", Instant.EPOCH, false);
    int limit = ALERT_LIMIT;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > ALERT_LIMIT) {
        throw new ApiException(
            400, "limit must be 1-" + ALERT_LIMIT + ", got " + query.get("limit"));
      }
    }
    ArrayNode answer = json.createArrayNode();
    alerts.since(since, limit).forEach(alert -> answer.add(AvroJson.toTree(alert)));
    return json(answer);
  }

  /**
   * An ISO instant ({@code 2026-03-01T08:00:00Z}) or a date, the start of that day in the
   * pipeline's zone ({@code end}: its last instant).
   */
  private Instant instant(Map<String, String> query, String name, Instant absent, boolean end) {
    String value = query.get(name);
    if (value == null) {
      return absent;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      try {
        LocalDate day = LocalDate.parse(value);
        return end
            ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
            : day.atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new ApiException(
            400, name + " must be an instant (2026-03-01T08:00:00Z) or a date, got " + value);
      }
    }
  }

  /** Every city, from every instance unless {@code localOnly}. */
  private ArrayNode cities(boolean localOnly) throws IOException {
    requireRunning();
    ArrayNode cities = json.createArrayNode();
    for (AirQueries.City city : air.cities(null)) {
      cities.add(json.valueToTree(city));
    }
    if (!localOnly) {
      for (StreamsMetadata instance : streams.streamsMetadataForStore(AirQueries.CITY_STORE)) {
        if (!instance.hostInfo().equals(self)) {
          byte[] theirs = get(instance.hostInfo(), "/api/cities?scope=local");
          json.readTree(theirs).forEach(cities::add);
        }
      }
    }
    return cities;
  }

  private void requireCity(String city, int partition) {
    if (!air.knows(city, partition)) {
      throw new ApiException(404, "no city " + city);
    }
  }

  private void requireRunning() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new ApiException(503, "the application is " + state + ", try again shortly");
    }
  }

  private record Location(HostInfo host, int partition, boolean local) {}

  private Location locate(String store, String key) {
    requireRunning();
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, KEYS);
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new ApiException(503, "the application is rebalancing, try again shortly");
    }
    return new Location(
        metadata.activeHost(), metadata.partition(), metadata.activeHost().equals(self));
  }

  private byte[] forward(Location at, Request request) throws IOException {
    if (request.forwarded()) {
      throw new ApiException(503, "the key is moving between instances, try again shortly");
    }
    return get(at.host(), request.pathAndQuery());
  }

  /** The answer of another instance; its errors are passed on as they are. */
  private byte[] get(HostInfo host, String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
            .header(FORWARDED_HEADER, self.host() + ":" + self.port())
            .timeout(FORWARD_TIMEOUT)
            .build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        JsonNode body = json.readTree(response.body());
        throw new ApiException(
            response.statusCode(), body.path("error").asText("instance " + host + " failed"));
      }
      return response.body();
    } catch (IOException e) {
      throw new ApiException(
          503, "instance " + host.host() + ":" + host.port() + " does not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted");
    }
  }

  private static String period(String period) {
    if (!PERIOD.matcher(period).matches()) {
      throw new ApiException(400, "period must be yyyy or yyyy-MM, got " + period);
    }
    return period;
  }

  private static LocalDate date(Map<String, String> query, String name, LocalDate absent) {
    String value = query.get(name);
    if (value == null) {
      return absent;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiException(400, name + " must be a date yyyy-MM-dd, got " + value);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          parameters.put(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private byte[] json(JsonNode node) throws IOException {
    return json.writeValueAsBytes(node);
  }

  private byte[] error(int status, String message) {
    try {
      return json.writeValueAsBytes(Map.of("status", status, "error", message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** An answer other than 200, with its reason. */
  static final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
