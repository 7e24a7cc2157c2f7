package io.ecostream.producer.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The city columns of the national platform's daily city files, from the bundled {@code
 * china-cities.csv}: their ids, Chinese names, provinces and levels, in the files' column order.
 * Bundled rather than transliterated at run time, so that an id never depends on a library's pinyin
 * tables and the polyphonic place names (重庆, 厦门, 六安) are read as people read them.
 */
public final class ChinaCityCatalog {

  private static final ChinaCityCatalog NATIONAL = load();

  private final List<ChinaCity> cities;
  private final Map<String, ChinaCity> byName = new LinkedHashMap<>();
  private final Map<String, ChinaCity> byId = new LinkedHashMap<>();

  private ChinaCityCatalog(List<ChinaCity> cities) {
    this.cities = List.copyOf(cities);
    for (ChinaCity city : cities) {
      if (byId.put(city.id(), city) != null) {
        throw new IllegalStateException("china-cities.csv: city id " + city.id() + " twice");
      }
      if (byName.put(city.nameZh(), city) != null) {
        throw new IllegalStateException("china-cities.csv: column " + city.nameZh() + " twice");
      }
    }
  }

  /** The bundled catalogue of all 375 columns. */
  public static ChinaCityCatalog national() {
    return NATIONAL;
  }

  /** Every column, in the order of the files' header. */
  public List<ChinaCity> cities() {
    return cities;
  }

  /** The city of a column name, exactly as the header writes it. */
  public Optional<ChinaCity> byName(String nameZh) {
    return Optional.ofNullable(byName.get(nameZh));
  }

  public Optional<ChinaCity> city(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Whether a city counts in the province and national means (the bulletins' 地级及以上城市): a
   * prefecture-level column, not a county-level city, a duplicate column or a new area; a city this
   * catalogue does not hold (a csv replay's) counts.
   */
  public boolean countsInMeans(String id) {
    ChinaCity city = byId.get(id);
    return city == null || city.level() == CityLevel.PREFECTURE;
  }

  private static ChinaCityCatalog load() {
    return new ChinaCityCatalog(
        CsvResource.load(ChinaCityCatalog.class, "china-cities.csv").rows().stream()
            .map(
                r ->
                    new ChinaCity(
                        r.text("cityId"),
                        r.text("nameZh"),
                        r.text("province"),
                        r.text("provinceZh"),
                        CityLevel.byId(r.text("level"))))
            .toList());
  }
}
