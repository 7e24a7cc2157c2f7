package io.ecostream.producer.catalog;

import io.ecostream.avro.Station;
import io.ecostream.avro.StationKind;
import io.ecostream.avro.WaterBodyType;
import java.util.Optional;
import java.util.Set;

/**
 * A surface-water monitoring section (river, lake, reservoir) or a near-shore sea point.
 *
 * @param targetClass the class the section must meet: GB 3838-2002 (1-5) for surface water, GB
 *     3097-1997 (1-4) for sea points
 * @param notReported items the section's automatic station does not measure ("tp", "tn")
 * @param source id of the real section in shandong-water/stations.csv the baseline comes from,
 *     empty for sections that are not in that list
 */
public record WaterSection(
    String id,
    City city,
    String name,
    WaterBodyType waterBody,
    String waterBodyName,
    boolean drinkingSource,
    boolean national,
    int targetClass,
    WaterBaseline baseline,
    Set<String> notReported,
    Optional<String> source) {

  public WaterSection {
    notReported = Set.copyOf(notReported);
  }

  public boolean isSea() {
    return waterBody == WaterBodyType.SEA;
  }

  /**
   * National surface-water sections have an automatic station (a reading every 4 hours); sea points
   * and provincial sections are sampled by hand only.
   */
  public boolean hasAutomaticStation() {
    return national && !isSea();
  }

  public Station toAvro() {
    // Section coordinates are left out: the source lists' coordinates are unreliable.
    return new Station(
        id,
        name,
        StationKind.WATER,
        city.id(),
        city.nameZh(),
        StationCatalog.PROVINCE,
        null,
        null,
        StationCatalog.TIME_ZONE.getId(),
        national,
        waterBody,
        waterBodyName,
        drinkingSource,
        targetClass);
  }
}
