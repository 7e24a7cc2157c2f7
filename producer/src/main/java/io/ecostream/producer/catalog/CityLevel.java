package io.ecostream.producer.catalog;

import java.util.Arrays;

/**
 * The administrative level of a city column of the national platform, as the China cities data set
 * assigns it. Only {@link #PREFECTURE} columns make up the national and provincial figures: the
 * others are duplicates, parts of a prefecture, or not administrative units at all.
 */
public enum CityLevel {
  /** A municipality or prefecture-level unit (地级市, 地区, 自治州, 盟). */
  PREFECTURE("prefecture"),
  /** An empty duplicate column of a prefecture that has another column with the data. */
  PREFECTURE_ALIAS("prefecture-alias"),
  /** A county-level city, part of a prefecture. */
  COUNTY("county"),
  /** A county-level city of the Xinjiang Production and Construction Corps. */
  XPCC("xpcc"),
  /** A state-level new area, not an administrative unit. */
  NEW_AREA("new-area");

  private final String id;

  CityLevel(String id) {
    this.id = id;
  }

  /** The name in the catalogue: prefecture, prefecture-alias, county, xpcc, new-area. */
  public String id() {
    return id;
  }

  /**
   * @throws IllegalArgumentException for a name that is not a level
   */
  public static CityLevel byId(String id) {
    return Arrays.stream(values())
        .filter(l -> l.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown city level '" + id + "'"));
  }

  @Override
  public String toString() {
    return id;
  }
}
