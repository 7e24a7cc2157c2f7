package io.ecostream.cli.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.avro.CityDaily;
import io.ecostream.domain.air.Iaqi;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.stats.BulletinRounding;
import io.ecostream.domain.stats.CompositeIndex;
import io.ecostream.domain.stats.DailyRecord;
import io.ecostream.domain.stats.DustHandling;
import io.ecostream.domain.stats.PeriodAccumulator;
import io.ecostream.domain.stats.PeriodRules;
import io.ecostream.domain.stats.PeriodStatistics;
import io.ecostream.domain.stats.PollutantValues;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The air figures a bulletin publishes, per city and calendar year (or for one given period), from
 * the final city-daily figures, with the same domain statistics as the pipeline's period figures.
 * Values are rounded as bulletins publish them: concentrations integers, CO one decimal, ratios one
 * decimal (%), the composite index two decimals.
 *
 * <p>After the cities comes one line per province: the arithmetic mean of the published figures of
 * its prefecture-level cities (the bulletins' 地级及以上城市), rounded the same way (day counts: the mean
 * per city, one decimal). A report over the cities of one province leaves out a province of a
 * single city, whose line would repeat the city's. A report over two or more provinces gives every
 * province its line, and ends with one line for the whole country, {@code China}: the mean of all
 * its prefecture-level cities with data, not of the provinces, as the national bulletin takes it.
 */
public final class AirReport {

  /** The {@code city} of the national line. */
  public static final String NATIONAL = "China";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> DAY_COUNTS =
      List.of("validDays", "goodDays", "heavyDays", "severeDays", "dustDays");
  private static final List<String> INTEGER_CONCENTRATIONS =
      List.of("pm25", "pm10", "so2", "no2", "o3p90", "pm25Dust", "pm10Dust");

  private final PeriodRules rules;
  private final Predicate<String> prefectureLevel;

  /** A report whose cities are all prefecture-level. */
  public AirReport(PeriodRules rules) {
    this(rules, city -> true);
  }

  /**
   * @param prefectureLevel whether a city id is a prefecture-level city, the cities the province
   *     and national means take (not a county-level city, a duplicate column or a new area)
   */
  public AirReport(PeriodRules rules, Predicate<String> prefectureLevel) {
    this.rules = rules;
    this.prefectureLevel = prefectureLevel;
  }

  /** A period to report instead of calendar years, both days included. */
  public record Period(LocalDate from, LocalDate to) {

    /** {@code 2023-01-01..2023-08-31}. */
    public static Period parse(String text) {
      String[] parts = text.split("\\.\\.", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "expected FROM..TO, e.g. 2023-01-01..2023-08-31, got '" + text + "'");
      }
      LocalDate from = LocalDate.parse(parts[0].strip());
      LocalDate to = LocalDate.parse(parts[1].strip());
      if (to.isBefore(from) || from.plusDays(PeriodAccumulator.MAX_DAYS - 1).isBefore(to)) {
        throw new IllegalArgumentException(
            "the period must run forwards and span at most 366 days, got '" + text + "'");
      }
      return new Period(from, to);
    }

    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String toString() {
      return from + ".." + to;
    }
  }

  /** A period's statistics with and without the particulate values of dust-affected days. */
  private record Figures(PeriodStatistics included, PeriodStatistics deducted) {}

  /**
   * @param days the latest figure of every city-day
   * @param provinces city id -> province, where known
   * @param period the period to report, or null for every calendar year in the data
   */
  public List<ObjectNode> lines(
      Collection<CityDaily> days, Map<String, String> provinces, Period period) {
    Map<String, List<DailyRecord>> byCity = new TreeMap<>();
    for (CityDaily day : days) {
      byCity.computeIfAbsent(day.getCityId(), city -> new ArrayList<>()).add(record(day));
    }
    List<ObjectNode> lines = new ArrayList<>();
    Map<String, Map<String, List<ObjectNode>>> byProvinceAndPeriod = new TreeMap<>();
    Map<String, List<ObjectNode>> nationalByPeriod = new TreeMap<>();
    byCity.forEach(
        (city, records) ->
            figures(records, period)
                .forEach(
                    (label, figures) -> {
                      if (empty(figures)) {
                        return;
                      }
                      ObjectNode line = cityLine(city, label, period != null, figures);
                      lines.add(line);
                      if (!prefectureLevel.test(city)) {
                        return;
                      }
                      nationalByPeriod.computeIfAbsent(label, p -> new ArrayList<>()).add(line);
                      String province = provinces.get(city);
                      if (province != null) {
                        byProvinceAndPeriod
                            .computeIfAbsent(province, p -> new TreeMap<>())
                            .computeIfAbsent(label, p -> new ArrayList<>())
                            .add(line);
                      }
                    }));
    boolean national = byProvinceAndPeriod.size() >= 2;
    byProvinceAndPeriod.forEach(
        (province, periods) ->
            periods.forEach(
                (label, cityLines) -> {
                  if (national || cityLines.size() >= 2) {
                    lines.add(meanLine(province, label, period != null, cityLines));
                  }
                }));
    if (national) {
      nationalByPeriod.forEach(
          (label, cityLines) -> lines.add(meanLine(NATIONAL, label, period != null, cityLines)));
    }
    return lines;
  }

  /** Label of each period (a year, or the given period) -> its figures. */
  private Map<String, Figures> figures(List<DailyRecord> records, Period period) {
    Map<String, Figures> figures = new TreeMap<>();
    if (period != null) {
      List<DailyRecord> inPeriod = records.stream().filter(r -> period.contains(r.date())).toList();
      if (!inPeriod.isEmpty()) {
        figures.put(
            period.toString(), figures(PeriodAccumulator.of(period.from(), period.to(), inPeriod)));
      }
      return figures;
    }
    Map<Integer, List<DailyRecord>> byYear = new TreeMap<>();
    records.forEach(r -> byYear.computeIfAbsent(r.date().getYear(), y -> new ArrayList<>()).add(r));
    byYear.forEach(
        (year, yearRecords) -> {
          Year calendarYear = Year.of(year);
          figures.put(
              year.toString(),
              figures(
                  PeriodAccumulator.of(
                      calendarYear.atDay(1),
                      calendarYear.atMonth(12).atEndOfMonth(),
                      yearRecords)));
        });
    return figures;
  }

  private Figures figures(PeriodAccumulator days) {
    return new Figures(
        days.statistics(rules, DustHandling.INCLUDED),
        days.statistics(rules, DustHandling.DEDUCTED));
  }

  /** A year touched only by a few hours (e.g. the last hour of a replayed file's first day). */
  private static boolean empty(Figures figures) {
    PeriodStatistics stats = figures.included();
    PollutantValues values = stats.concentrations();
    return stats.days().validDays() == 0
        && Double.isNaN(values.so2())
        && Double.isNaN(values.no2())
        && Double.isNaN(values.pm10())
        && Double.isNaN(values.pm25())
        && Double.isNaN(values.co())
        && Double.isNaN(values.o3());
  }

  private static ObjectNode cityLine(String city, String label, boolean isPeriod, Figures figures) {
    PeriodStatistics stats = figures.included();
    PollutantValues published = stats.published();
    PollutantValues deducted = figures.deducted().published();
    ObjectNode line = header(city, label, isPeriod);
    line.put("validDays", stats.days().validDays());
    line.put("goodDays", stats.days().goodDays());
    putDecimal(line, "goodRatio", BulletinRounding.ratio(stats.goodDayRatio()));
    line.put("heavyDays", stats.days().heavyPollutionDays());
    putDecimal(line, "heavyRatio", BulletinRounding.ratio(stats.days().heavyPollutionRatio()));
    line.put("severeDays", stats.days().severePollutionDays());
    putInteger(line, "pm25", published.pm25());
    putInteger(line, "pm10", published.pm10());
    putInteger(line, "so2", published.so2());
    putInteger(line, "no2", published.no2());
    putDecimal(line, "co95", published.co());
    putInteger(line, "o3p90", published.o3());
    putDecimal(line, "compositeIndex", rounded(stats.compositeIndex()));
    line.put("dustDays", stats.dustDays());
    putInteger(line, "pm25Dust", deducted.pm25());
    putInteger(line, "pm10Dust", deducted.pm10());
    putDecimal(line, "compositeIndexDust", rounded(figures.deducted().compositeIndex()));
    return line;
  }

  /** The mean of the published figures of a province's or the country's cities. */
  private static ObjectNode meanLine(
      String name, String label, boolean isPeriod, List<ObjectNode> cities) {
    ObjectNode line = header(name, label, isPeriod);
    line.put("cities", cities.size());
    for (String field : DAY_COUNTS) {
      putDecimal(line, field, BulletinRounding.ratio(mean(cities, field)));
    }
    putDecimal(line, "goodRatio", BulletinRounding.ratio(mean(cities, "goodRatio")));
    putDecimal(line, "heavyRatio", BulletinRounding.ratio(mean(cities, "heavyRatio")));
    for (String field : INTEGER_CONCENTRATIONS) {
      putInteger(line, field, BulletinRounding.concentration(Pollutant.PM2_5, mean(cities, field)));
    }
    putDecimal(line, "co95", BulletinRounding.concentration(Pollutant.CO, mean(cities, "co95")));
    putDecimal(line, "compositeIndex", BulletinRounding.index(mean(cities, "compositeIndex")));
    putDecimal(
        line, "compositeIndexDust", BulletinRounding.index(mean(cities, "compositeIndexDust")));
    return line;
  }

  private static ObjectNode header(String city, String label, boolean isPeriod) {
    ObjectNode line = JSON.objectNode();
    line.put("city", city);
    if (isPeriod) {
      line.put("period", label);
    } else {
      line.put("year", Integer.parseInt(label));
    }
    return line;
  }

  /** Mean of a field over the lines; NaN when a line lacks it. */
  private static double mean(List<ObjectNode> lines, String field) {
    double sum = 0;
    for (ObjectNode line : lines) {
      if (!line.hasNonNull(field)) {
        return Double.NaN;
      }
      sum += line.get(field).asDouble();
    }
    return sum / lines.size();
  }

  private static double rounded(CompositeIndex index) {
    return index.defined() ? index.rounded() : Double.NaN;
  }

  private static void putInteger(ObjectNode line, String field, double value) {
    if (Double.isNaN(value)) {
      line.putNull(field);
    } else {
      line.put(field, Math.round(value));
    }
  }

  private static void putDecimal(ObjectNode line, String field, double value) {
    if (Double.isNaN(value)) {
      line.putNull(field);
    } else {
      line.put(field, value);
    }
  }

  private static DailyRecord record(CityDaily day) {
    return new DailyRecord(
        day.getDate(),
        orNaN(day.getSo2()),
        orNaN(day.getNo2()),
        orNaN(day.getPm10()),
        orNaN(day.getPm25()),
        orNaN(day.getCo()),
        orNaN(day.getO3Mda8()),
        day.getAqi() == null ? Iaqi.NONE : day.getAqi(),
        day.getDustAffected());
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
