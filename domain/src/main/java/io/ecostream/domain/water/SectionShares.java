package io.ecostream.domain.water;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The class shares of a group of sections (a river, basin, city or province): 优良水体比例 (I–III), IV,
 * V, 劣V and "V 及劣V类" (docs/standards.md#section-class-and-shares). Percentages are by number of
 * evaluated sections, published to one decimal (GB/T 8170), NaN for an empty group.
 *
 * @param counts sections per class (classes without sections are absent)
 * @param total the evaluated sections
 */
public record SectionShares(Map<WaterClass, Integer> counts, int total) {

  /**
   * @throws IllegalArgumentException if the counts do not add up to the total
   */
  public SectionShares {
    Map<WaterClass, Integer> copy = new EnumMap<>(WaterClass.class);
    copy.putAll(counts);
    counts = Collections.unmodifiableMap(copy);
    if (counts.values().stream().mapToInt(Integer::intValue).sum() != total) {
      throw new IllegalArgumentException("The counts " + counts + " do not add up to " + total);
    }
  }

  /** The shares of the evaluated sections' classes. */
  public static SectionShares of(Collection<WaterClass> sectionClasses) {
    Map<WaterClass, Integer> counts = new EnumMap<>(WaterClass.class);
    for (WaterClass c : sectionClasses) {
      counts.merge(Objects.requireNonNull(c, "class"), 1, Integer::sum);
    }
    return new SectionShares(counts, sectionClasses.size());
  }

  /** The sections of the class. */
  public int count(WaterClass waterClass) {
    return counts.getOrDefault(Objects.requireNonNull(waterClass, "waterClass"), 0);
  }

  /** The sections of class I–III. */
  public int goodCount() {
    return count(WaterClass.I) + count(WaterClass.II) + count(WaterClass.III);
  }

  /** 优良（I–III 类）水体比例, %. */
  public double goodPercent() {
    return Shares.percent(goodCount(), total);
  }

  /** The share of one class, %. */
  public double percent(WaterClass waterClass) {
    return Shares.percent(count(waterClass), total);
  }

  /** IV 类比例, %. */
  public double classIvPercent() {
    return percent(WaterClass.IV);
  }

  /** V 类比例, %. */
  public double classVPercent() {
    return percent(WaterClass.V);
  }

  /** 劣V 类比例, %. */
  public double worseThanVPercent() {
    return percent(WaterClass.WORSE_THAN_V);
  }

  /** V 类及劣V 类比例, %: counted together, then rounded once. */
  public double vAndWorseThanVPercent() {
    return Shares.percent(count(WaterClass.V) + count(WaterClass.WORSE_THAN_V), total);
  }
}
