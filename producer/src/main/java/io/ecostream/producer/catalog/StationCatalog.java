package io.ecostream.producer.catalog;

import io.ecostream.avro.Station;
import io.ecostream.avro.WaterBodyType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated monitoring network: the 16 cities of Shandong, their air stations, water sections
 * and near-shore sea points, from the tables bundled under {@code catalog/}. Everything is listed
 * in catalogue order (cities as in {@code cities.csv}, then station id), the order the simulator
 * emits records in.
 */
public final class StationCatalog {

  public static final String PROVINCE = "Shandong";
  public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");

  private static final StationCatalog SHANDONG = load();

  private final List<City> cities;
  private final Map<String, City> citiesById;
  private final List<AirStation> airStations;
  private final List<WaterSection> waterSections;

  private StationCatalog(
      List<City> cities, List<AirStation> airStations, List<WaterSection> waterSections) {
    this.cities = List.copyOf(cities);
    this.citiesById = new LinkedHashMap<>();
    cities.forEach(c -> citiesById.put(c.id(), c));
    this.airStations = List.copyOf(airStations);
    this.waterSections = List.copyOf(waterSections);
  }

  /** The bundled Shandong network. */
  public static StationCatalog shandong() {
    return SHANDONG;
  }

  /**
   * A network of air stations only, for a network that is not the bundled one (the bench's
   * synthetic national network, or the first stations of this one). Cities and stations are kept in
   * the order given, which is the order the simulator emits them in.
   *
   * @throws IllegalArgumentException for a station whose city is not among {@code cities}
   */
  public static StationCatalog ofAir(List<City> cities, List<AirStation> airStations) {
    Set<City> known = new LinkedHashSet<>(cities);
    for (AirStation station : airStations) {
      if (!known.contains(station.city())) {
        throw new IllegalArgumentException(
            "station " + station.id() + " is in city " + station.city().id() + ", not in the list");
      }
    }
    return new StationCatalog(cities, airStations, List.of());
  }

  public List<City> cities() {
    return cities;
  }

  public Set<String> cityIds() {
    return citiesById.keySet();
  }

  public Optional<City> city(String cityId) {
    return Optional.ofNullable(citiesById.get(cityId));
  }

  /** The city of a Chinese name, with or without 市 (滨州 or 滨州市). */
  public Optional<City> cityNamed(String nameZh) {
    String name = nameZh.strip();
    String bare = name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
    return cities.stream().filter(c -> c.nameZh().equals(bare)).findFirst();
  }

  public List<AirStation> airStations() {
    return airStations;
  }

  public List<WaterSection> waterSections() {
    return waterSections;
  }

  /**
   * The same network restricted to some cities, still in catalogue order.
   *
   * @throws IllegalArgumentException naming the first unknown city id
   */
  public StationCatalog only(Collection<String> cityIds) {
    Set<String> wanted = new LinkedHashSet<>(cityIds);
    for (String id : wanted) {
      if (!citiesById.containsKey(id)) {
        throw new IllegalArgumentException(
            "unknown city '" + id + "' (known: " + String.join(", ", cityIds()) + ")");
      }
    }
    return new StationCatalog(
        cities.stream().filter(c -> wanted.contains(c.id())).toList(),
        airStations.stream().filter(s -> wanted.contains(s.city().id())).toList(),
        waterSections.stream().filter(s -> wanted.contains(s.city().id())).toList());
  }

  /** Metadata records of every air station, then of every water section and sea point. */
  public List<Station> stations() {
    List<Station> all = new ArrayList<>(airStations.size() + waterSections.size());
    airStations.forEach(s -> all.add(s.toAvro()));
    waterSections.forEach(s -> all.add(s.toAvro()));
    return all;
  }

  private static StationCatalog load() {
    List<City> cities =
        CsvResource.load(StationCatalog.class, "cities.csv").rows().stream()
            .map(
                r ->
                    new City(
                        r.text("cityId"),
                        r.text("code"),
                        r.text("nameZh"),
                        r.text("nameEn"),
                        r.number("latitude"),
                        r.number("longitude"),
                        r.flag("coastal"),
                        r.number("pm25Annual"),
                        r.number("hazeExposure")))
            .toList();
    Map<String, City> byId = cities.stream().collect(Collectors.toMap(City::id, c -> c));
    List<AirStation> air =
        CsvResource.load(StationCatalog.class, "air-stations.csv").rows().stream()
            .map(
                r ->
                    new AirStation(
                        r.text("stationId"),
                        cityOf(byId, r.text("cityId")),
                        r.text("name"),
                        r.number("latitude"),
                        r.number("longitude")))
            .toList();
    List<WaterSection> water =
        CsvResource.load(StationCatalog.class, "water-sections.csv").rows().stream()
            .map(r -> waterSection(r, byId))
            .toList();
    return new StationCatalog(
        cities,
        inCatalogueOrder(air, cities, AirStation::city, AirStation::id),
        inCatalogueOrder(water, cities, WaterSection::city, WaterSection::id));
  }

  private static WaterSection waterSection(CsvResource.Row r, Map<String, City> cities) {
    String notReported = r.text("notReported");
    String source = r.text("source");
    return new WaterSection(
        r.text("stationId"),
        cityOf(cities, r.text("cityId")),
        r.text("name"),
        WaterBodyType.valueOf(r.text("waterBody")),
        r.text("waterBodyName"),
        r.flag("drinkingSource"),
        r.flag("national"),
        (int) r.number("targetClass"),
        new WaterBaseline(
            r.number("ph"),
            r.number("doRatio"),
            r.number("codMn"),
            r.number("nh3n"),
            r.number("tp"),
            r.number("tn"),
            r.number("conductivity"),
            r.number("turbidity")),
        notReported.isEmpty() ? Set.of() : Set.of(notReported.split("\\|")),
        source.isEmpty() ? Optional.empty() : Optional.of(source));
  }

  private static City cityOf(Map<String, City> cities, String id) {
    City city = cities.get(id);
    if (city == null) {
      throw new IllegalStateException("station table names unknown city " + id);
    }
    return city;
  }

  private static <T> List<T> inCatalogueOrder(
      List<T> stations, List<City> cities, Function<T, City> city, Function<T, String> id) {
    return stations.stream()
        .sorted(Comparator.comparingInt((T s) -> cities.indexOf(city.apply(s))).thenComparing(id))
        .toList();
  }
}
