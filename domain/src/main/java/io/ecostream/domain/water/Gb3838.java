package io.ecostream.domain.water;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Surface water classes by GB 3838-2002 地表水环境质量标准, Table 1 basic items
 * (docs/standards.md#surface-water-classes), and the section class of 环办〔2011〕22号
 * (docs/standards.md#section-class-and-shares).
 *
 * <p>Per indicator the class is the best class whose limit the value meets: value ≤ limit;
 * dissolved oxygen value ≥ limit; pH within 6–9 is class I (the range holds for every class),
 * outside it 劣V. A value equal to a limit belongs to that class; where neighbouring classes share a
 * limit (COD 15 for I and II) it is the better one. Values are compared as exact decimals ({@link
 * Decimals}): 0.2 TP in a river is III, 0.20000000001 is IV.
 *
 * <p>The section class is the worst indicator class over the evaluated indicators ({@link
 * #ROUTINE}: the 21 items, Table 1 without water temperature, total nitrogen and fecal coliform).
 * Total nitrogen of a lake or reservoir is evaluated apart ({@link #classOf(Indicator, double,
 * WaterBody)} with {@link Indicator#TOTAL_NITROGEN}).
 */
public final class Gb3838 {

  /** GB 3838-2002 Table 1 items with numeric limits, class I to V (mg/L; pH dimensionless). */
  public enum Indicator {
    PH(WaterItem.PH, "6", "9"),
    /** "Greater is better": ≥ 7.5 / 6 / 5 / 3 / 2. */
    DISSOLVED_OXYGEN(WaterItem.DISSOLVED_OXYGEN, "7.5", "6", "5", "3", "2"),
    COD_MN(WaterItem.COD_MN, "2", "4", "6", "10", "15"),
    COD(WaterItem.COD, "15", "15", "20", "30", "40"),
    BOD5(WaterItem.BOD5, "3", "3", "4", "6", "10"),
    AMMONIA_NITROGEN(WaterItem.AMMONIA_NITROGEN, "0.15", "0.5", "1.0", "1.5", "2.0"),
    /** River limits here; lakes and reservoirs 0.01 / 0.025 / 0.05 / 0.1 / 0.2. */
    TOTAL_PHOSPHORUS(WaterItem.TOTAL_PHOSPHORUS, "0.02", "0.1", "0.2", "0.3", "0.4"),
    /** Lakes and reservoirs; not one of the 21 routine items. */
    TOTAL_NITROGEN(WaterItem.TOTAL_NITROGEN, "0.2", "0.5", "1.0", "1.5", "2.0"),
    COPPER(WaterItem.COPPER, "0.01", "1.0", "1.0", "1.0", "1.0"),
    ZINC(WaterItem.ZINC, "0.05", "1.0", "1.0", "2.0", "2.0"),
    FLUORIDE(WaterItem.FLUORIDE, "1.0", "1.0", "1.0", "1.5", "1.5"),
    SELENIUM(WaterItem.SELENIUM, "0.01", "0.01", "0.01", "0.02", "0.02"),
    ARSENIC(WaterItem.ARSENIC, "0.05", "0.05", "0.05", "0.1", "0.1"),
    MERCURY(WaterItem.MERCURY, "0.00005", "0.00005", "0.0001", "0.001", "0.001"),
    CADMIUM(WaterItem.CADMIUM, "0.001", "0.005", "0.005", "0.005", "0.01"),
    CHROMIUM_VI(WaterItem.CHROMIUM_VI, "0.01", "0.05", "0.05", "0.05", "0.1"),
    LEAD(WaterItem.LEAD, "0.01", "0.01", "0.05", "0.05", "0.1"),
    CYANIDE(WaterItem.CYANIDE, "0.005", "0.05", "0.2", "0.2", "0.2"),
    VOLATILE_PHENOL(WaterItem.VOLATILE_PHENOL, "0.002", "0.002", "0.005", "0.01", "0.1"),
    PETROLEUM(WaterItem.PETROLEUM, "0.05", "0.05", "0.05", "0.5", "1.0"),
    LAS(WaterItem.LAS, "0.2", "0.2", "0.2", "0.3", "0.3"),
    SULFIDE(WaterItem.SULFIDE, "0.05", "0.1", "0.2", "0.5", "1.0");

    private final WaterItem item;
    private final BigDecimal[] limits;

    Indicator(WaterItem item, String... limits) {
      this.item = item;
      this.limits = Decimals.limits(limits);
    }

    /** The measured item this indicator evaluates. */
    public WaterItem item() {
      return item;
    }

    /**
     * The class III limit C_s used by CWQI and by drinking-water sources: the upper limit (TP by
     * water body, DO the minimum 5); for pH the range 6–9 has no single limit and this returns 9.
     */
    BigDecimal classIIILimit(WaterBody body) {
      return this == PH ? limits[1] : limits(body)[WaterClass.III.ordinal()];
    }

    private BigDecimal[] limits(WaterBody body) {
      return this == TOTAL_PHOSPHORUS && body == WaterBody.LAKE_RESERVOIR
          ? LAKE_TOTAL_PHOSPHORUS
          : limits;
    }
  }

  /** GB 3838-2002 Table 1, total phosphorus in lakes and reservoirs (湖、库). */
  private static final BigDecimal[] LAKE_TOTAL_PHOSPHORUS =
      Decimals.limits("0.01", "0.025", "0.05", "0.1", "0.2");

  /**
   * The 21 items a section class is evaluated on: Table 1 without water temperature, TN and fecal
   * coliform.
   */
  public static final Set<Indicator> ROUTINE =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Indicator.TOTAL_NITROGEN)));

  /**
   * The 20 basic items a surface drinking-water source is evaluated on: {@link #ROUTINE} without
   * COD (docs/standards.md#drinking-water-sources).
   */
  public static final Set<Indicator> DRINKING_SOURCE =
      Collections.unmodifiableSet(
          EnumSet.complementOf(EnumSet.of(Indicator.TOTAL_NITROGEN, Indicator.COD)));

  /**
   * GB 3838-2002 Table 2, supplementary items for centralized drinking-water sources
   * (集中式生活饮用水地表水源地补充项目), a single limit each, mg/L (docs/standards.md#drinking-water-limits).
   */
  public enum SupplementaryItem {
    SULFATE(WaterItem.SULFATE, "250"),
    CHLORIDE(WaterItem.CHLORIDE, "250"),
    /** As N. */
    NITRATE(WaterItem.NITRATE_NITROGEN, "10"),
    IRON(WaterItem.IRON, "0.3"),
    MANGANESE(WaterItem.MANGANESE, "0.1");

    private final WaterItem item;
    private final BigDecimal limit;

    SupplementaryItem(WaterItem item, String limit) {
      this.item = item;
      this.limit = new BigDecimal(limit);
    }

    /** The measured item. */
    public WaterItem item() {
      return item;
    }

    /** Whether the value exceeds the limit (a value equal to it does not). */
    public boolean exceeds(double value) {
      return Decimals.of(value).compareTo(limit) > 0;
    }
  }

  private static final WaterClass[] CLASSES = WaterClass.values();

  private Gb3838() {}

  /**
   * The class of one indicator's value.
   *
   * @param body decides the total phosphorus limits; ignored by the other indicators
   * @throws IllegalArgumentException if the value is negative, NaN or infinite
   */
  public static WaterClass classOf(Indicator indicator, double value, WaterBody body) {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(body, "body");
    BigDecimal v = Decimals.measured(indicator, value);
    return switch (indicator) {
      case PH ->
          Decimals.within(v, indicator.limits[0], indicator.limits[1])
              ? WaterClass.I
              : WaterClass.WORSE_THAN_V;
      case DISSOLVED_OXYGEN -> CLASSES[Decimals.firstAtLeast(v, indicator.limits, false)];
      default -> CLASSES[Decimals.firstAtMost(v, indicator.limits(body))];
    };
  }

  /** The section class over the 21 {@link #ROUTINE} items; empty when none of them was measured. */
  public static Optional<SingleFactorResult<Indicator, WaterClass>> classify(
      WaterQuality values, WaterBody body) {
    return classify(values, body, ROUTINE);
  }

  /**
   * The class over the given indicators that were measured (单因子评价法: the worst indicator class);
   * empty when none was. For period values pass the period means ({@link WaterQuality#mean}).
   */
  public static Optional<SingleFactorResult<Indicator, WaterClass>> classify(
      WaterQuality values, WaterBody body, Set<Indicator> indicators) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(indicators, "indicators");
    Objects.requireNonNull(body, "body");
    return SingleFactorResult.evaluate(
        Indicator.class, indicators, i -> values.get(i.item()), (i, v) -> classOf(i, v, body));
  }
}
