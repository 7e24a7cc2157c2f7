package io.ecostream.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.WaterSampleClass;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The water lines of {@code replay --report}: the year-to-date figures of the replayed cities as
 * the pipeline published them on {@code water.city-period} (shares in % with 1 decimal, CWQI 4
 * decimals), and the real-time class the pipeline gave each replayed sample.
 */
public final class WaterReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  private WaterReport() {}

  /** One object per city and calendar year, by city then year. */
  public static List<ObjectNode> cityYears(
      Collection<CityWaterPeriod> periods, Set<String> cities) {
    return periods.stream()
        .filter(p -> p.getPeriodType() == PeriodType.YEAR_TO_DATE && cities.contains(p.getCityId()))
        .sorted(
            Comparator.comparing(CityWaterPeriod::getCityId)
                .thenComparing(CityWaterPeriod::getPeriod))
        .map(WaterReport::line)
        .toList();
  }

  private static ObjectNode line(CityWaterPeriod period) {
    ObjectNode line = JSON.createObjectNode();
    line.put("city", period.getCityId());
    line.put("year", Integer.parseInt(period.getPeriod()));
    line.put("sections", period.getSections());
    line.put("goodShare", period.getGoodShare());
    line.put("classIVShare", period.getClassIVShare());
    line.put("classVShare", period.getClassVShare());
    line.put("worseThanVShare", period.getWorseThanVShare());
    line.put("cwqi", period.getCwqi());
    line.put("drinkingCompliance", period.getDrinkingCompliance());
    line.put("seaGoodShare", period.getSeaGoodShare());
    return line;
  }

  /**
   * {@code station_id,observed_at,class} lines (local time), by station then time; a header first.
   */
  public static List<String> classes(
      Collection<WaterSampleClass> samples, Set<String> stations, ZoneId zone) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("station_id,observed_at,class");
    samples.stream()
        .filter(s -> stations.contains(s.getStationId()))
        .sorted(
            Comparator.comparing(WaterSampleClass::getStationId)
                .thenComparing(WaterSampleClass::getSampledAt))
        .forEach(
            s ->
                lines.add(
                    s.getStationId()
                        + ","
                        + LOCAL.format(s.getSampledAt().atZone(zone).toLocalDateTime())
                        + ","
                        + (s.getWaterClass() == null ? "" : s.getWaterClass())));
    return lines;
  }
}
