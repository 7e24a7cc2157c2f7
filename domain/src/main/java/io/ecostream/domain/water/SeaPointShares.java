package io.ecostream.domain.water;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The class shares of a city's or sea area's near-shore points, <b>by number of points</b> (点位比例,
 * docs/standards.md#sea-point-class-and-shares). Bulletins from about 2020 publish an area share
 * (面积比例) instead, which cannot be reproduced from point data; label these figures as point shares.
 * Percentages to one decimal (GB/T 8170), NaN without points.
 */
public final class SeaPointShares {

  private final Map<SeaClass, Integer> counts = new EnumMap<>(SeaClass.class);
  private final int total;

  private SeaPointShares(Collection<SeaClass> pointClasses) {
    for (SeaClass c : pointClasses) {
      counts.merge(Objects.requireNonNull(c, "class"), 1, Integer::sum);
    }
    total = pointClasses.size();
  }

  /** The shares of the evaluated points' classes. */
  public static SeaPointShares of(Collection<SeaClass> pointClasses) {
    return new SeaPointShares(pointClasses);
  }

  /** The evaluated points. */
  public int total() {
    return total;
  }

  /** The points of the class. */
  public int count(SeaClass seaClass) {
    return counts.getOrDefault(Objects.requireNonNull(seaClass, "seaClass"), 0);
  }

  /** 优良（一、二类）水质点位比例, %. */
  public double goodPointPercent() {
    return Shares.percent(count(SeaClass.ONE) + count(SeaClass.TWO), total);
  }

  /** The point share of one class (劣四类 included), %. */
  public double pointPercent(SeaClass seaClass) {
    return Shares.percent(count(seaClass), total);
  }
}
