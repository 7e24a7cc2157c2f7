package io.ecostream.cli.bench;

import io.ecostream.avro.Station;
import io.ecostream.producer.catalog.AirStation;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.model.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The air stations the bench simulates. Up to the size of the Shandong catalogue, its first N
 * stations; above it, a synthetic network shaped like China's national one (about 1,700 stations in
 * 340 prefecture-level cities of 31 provinces): about five stations per city, small cities with two
 * or three, big ones with ten to fifteen. A synthetic city has no measured data of its own, so it
 * borrows the climatology and calibration of a Shandong city (round-robin) and the simulator's air
 * model does the rest; its own id gives it its own random streams.
 */
public final class StationNetwork {

  /** Stations per city on average, as in the national network (1,700 / 340). */
  static final int STATIONS_PER_CITY = 5;

  /** Fewest and most stations of a synthetic city. */
  static final int MIN_PER_CITY = 2;

  static final int MAX_PER_CITY = 15;

  /** Provinces of the national network and its cities per province (340 / 31). */
  static final int MAX_PROVINCES = 31;

  static final double CITIES_PER_PROVINCE = 340.0 / 31;

  /**
   * Spread of the log of a city's share of the stations: for 1,700 stations about two cities in
   * five get two or three stations, the median city four and one in ten ten or more, a long tail of
   * big cities as in the national list.
   */
  private static final double SIZE_SIGMA = 0.6;

  private final StationCatalog catalog;
  private final Map<String, String> provinceByCity;

  private StationNetwork(StationCatalog catalog, Map<String, String> provinceByCity) {
    this.catalog = catalog;
    this.provinceByCity = provinceByCity;
  }

  /**
   * @param stations at least 1
   * @param seed decides the synthetic cities' sizes (and, in the simulator, the readings)
   */
  public static StationNetwork of(int stations, long seed) {
    if (stations <= 0) {
      throw new IllegalArgumentException("stations must be positive, got " + stations);
    }
    StationCatalog shandong = StationCatalog.shandong();
    if (stations <= shandong.airStations().size()) {
      return firstOf(shandong, stations);
    }
    return synthetic(shandong, stations, seed);
  }

  /** The network as the simulator's catalogue (air stations only). */
  public StationCatalog catalog() {
    return catalog;
  }

  public int stations() {
    return catalog.airStations().size();
  }

  public int cities() {
    return catalog.cities().size();
  }

  public int provinces() {
    return new LinkedHashSet<>(provinceByCity.values()).size();
  }

  public String province(String cityId) {
    return provinceByCity.get(cityId);
  }

  /** The metadata record of every station, with its city's province, in catalogue order. */
  public List<Station> stationRecords() {
    List<Station> records = new ArrayList<>(stations());
    for (AirStation station : catalog.airStations()) {
      Station record = station.toAvro();
      record.setProvince(province(station.city().id()));
      records.add(record);
    }
    return records;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d air stations in %d cities of %d province%s",
        stations(),
        cities(),
        provinces(),
        provinces() == 1 ? "" : "s");
  }

  private static StationNetwork firstOf(StationCatalog shandong, int stations) {
    List<AirStation> first = shandong.airStations().subList(0, stations);
    List<City> cities = first.stream().map(AirStation::city).distinct().toList();
    Map<String, String> provinces = new LinkedHashMap<>();
    cities.forEach(city -> provinces.put(city.id(), StationCatalog.PROVINCE));
    return new StationNetwork(StationCatalog.ofAir(cities, first), provinces);
  }

  private static StationNetwork synthetic(StationCatalog shandong, int stations, long seed) {
    int cityCount = Math.max(1, Math.round(stations / (float) STATIONS_PER_CITY));
    int provinceCount =
        (int) Math.max(1, Math.min(MAX_PROVINCES, Math.round(cityCount / CITIES_PER_PROVINCE)));
    int[] sizes = citySizes(stations, cityCount, Seeds.random(seed, "bench:city-sizes"));
    String cityFormat = "c%0" + Math.max(3, digits(cityCount)) + "d";
    String provinceFormat = "P%0" + Math.max(2, digits(provinceCount)) + "d";
    List<City> cities = new ArrayList<>(cityCount);
    List<AirStation> air = new ArrayList<>(stations);
    Map<String, String> provinces = new LinkedHashMap<>();
    List<City> climates = shandong.cities();
    for (int i = 0; i < cityCount; i++) {
      City like = climates.get(i % climates.size());
      String id = String.format(Locale.ROOT, cityFormat, i + 1);
      String code = id.toUpperCase(Locale.ROOT);
      City city =
          new City(
              id,
              code,
              "城市" + id.substring(1),
              "City " + id.substring(1),
              like.latitude(),
              like.longitude(),
              like.coastal(),
              like.pm25Annual(),
              like.hazeExposure(),
              like.climate());
      cities.add(city);
      // Consecutive cities share a province, as neighbouring cities do.
      provinces.put(
          id, String.format(Locale.ROOT, provinceFormat, (long) i * provinceCount / cityCount + 1));
      for (int s = 1; s <= sizes[i]; s++) {
        air.add(
            new AirStation(
                String.format(Locale.ROOT, "%s-A%02d", code, s),
                city,
                String.format(Locale.ROOT, "%s station %02d", city.nameEn(), s),
                like.latitude(),
                like.longitude()));
      }
    }
    return new StationNetwork(StationCatalog.ofAir(cities, air), provinces);
  }

  /**
   * Stations per city: shares drawn log-normal, rounded, held within [MIN, MAX] where the totals
   * allow it, then moved one at a time to or from the cities furthest from their share until they
   * add up to {@code stations}.
   */
  static int[] citySizes(int stations, int cityCount, SplittableRandom random) {
    int min = Math.min(MIN_PER_CITY, stations / cityCount);
    int max = Math.max(MAX_PER_CITY, (stations + cityCount - 1) / cityCount);
    double[] weights = new double[cityCount];
    double total = 0;
    for (int i = 0; i < cityCount; i++) {
      weights[i] = Math.exp(SIZE_SIGMA * random.nextGaussian());
      total += weights[i];
    }
    double[] share = new double[cityCount];
    int[] sizes = new int[cityCount];
    int sum = 0;
    for (int i = 0; i < cityCount; i++) {
      share[i] = stations * weights[i] / total;
      sizes[i] = (int) Math.max(min, Math.min(max, Math.round(share[i])));
      sum += sizes[i];
    }
    int step = Integer.signum(stations - sum);
    // Cities in order of how much they are owed (step +1) or overpaid (step -1), ties by index.
    List<Integer> order =
        IntStream.range(0, cityCount)
            .boxed()
            .sorted(
                Comparator.comparingDouble((Integer i) -> -step * (share[i] - sizes[i]))
                    .thenComparingInt(i -> i))
            .toList();
    while (sum != stations) {
      for (int i : order) {
        if (sum == stations) {
          break;
        }
        int next = sizes[i] + step;
        if (next >= min && next <= max) {
          sizes[i] = next;
          sum += step;
        }
      }
    }
    return sizes;
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }
}
