package io.ecostream.domain.water;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The class III limits of GB/T 14848-2017 地下水质量标准, Table 1 routine items
 * (docs/standards.md#drinking-water-limits): the limit a groundwater drinking source must meet.
 * Only the numeric items are here: 嗅和味 and 肉眼可见物 ("无") are not. Values are compared as exact
 * decimals ({@link Decimals}); a value equal to the limit meets it.
 */
public final class Gbt14848 {

  /** A routine item with its class III limit, in the unit of {@link WaterItem#unit}. */
  public enum Indicator {
    COLOUR(WaterItem.COLOUR, "15"),
    TURBIDITY(WaterItem.TURBIDITY, "3"),
    /** 6.5–8.5. */
    PH(WaterItem.PH, "8.5"),
    TOTAL_HARDNESS(WaterItem.TOTAL_HARDNESS, "450"),
    TOTAL_DISSOLVED_SOLIDS(WaterItem.TOTAL_DISSOLVED_SOLIDS, "1000"),
    SULFATE(WaterItem.SULFATE, "250"),
    CHLORIDE(WaterItem.CHLORIDE, "250"),
    IRON(WaterItem.IRON, "0.3"),
    MANGANESE(WaterItem.MANGANESE, "0.10"),
    COPPER(WaterItem.COPPER, "1.00"),
    ZINC(WaterItem.ZINC, "1.00"),
    ALUMINIUM(WaterItem.ALUMINIUM, "0.20"),
    VOLATILE_PHENOL(WaterItem.VOLATILE_PHENOL, "0.002"),
    LAS(WaterItem.LAS, "0.3"),
    /** 耗氧量 (CODMn method, as O2). */
    OXYGEN_CONSUMPTION(WaterItem.COD_MN, "3.0"),
    AMMONIA_NITROGEN(WaterItem.AMMONIA_NITROGEN, "0.50"),
    SULFIDE(WaterItem.SULFIDE, "0.02"),
    SODIUM(WaterItem.SODIUM, "200"),
    TOTAL_COLIFORMS(WaterItem.TOTAL_COLIFORMS, "3.0"),
    TOTAL_BACTERIA(WaterItem.TOTAL_BACTERIA, "100"),
    NITRITE_NITROGEN(WaterItem.NITRITE_NITROGEN, "1.00"),
    NITRATE_NITROGEN(WaterItem.NITRATE_NITROGEN, "20.0"),
    CYANIDE(WaterItem.CYANIDE, "0.05"),
    FLUORIDE(WaterItem.FLUORIDE, "1.0"),
    IODIDE(WaterItem.IODIDE, "0.08"),
    MERCURY(WaterItem.MERCURY, "0.001"),
    ARSENIC(WaterItem.ARSENIC, "0.01"),
    SELENIUM(WaterItem.SELENIUM, "0.01"),
    CADMIUM(WaterItem.CADMIUM, "0.005"),
    CHROMIUM_VI(WaterItem.CHROMIUM_VI, "0.05"),
    LEAD(WaterItem.LEAD, "0.01"),
    /** µg/L. */
    CHLOROFORM(WaterItem.CHLOROFORM, "60"),
    /** µg/L. */
    CARBON_TETRACHLORIDE(WaterItem.CARBON_TETRACHLORIDE, "2.0"),
    /** µg/L. */
    BENZENE(WaterItem.BENZENE, "10.0"),
    /** µg/L. */
    TOLUENE(WaterItem.TOLUENE, "700"),
    GROSS_ALPHA(WaterItem.GROSS_ALPHA, "0.5"),
    GROSS_BETA(WaterItem.GROSS_BETA, "1.0");

    private final WaterItem item;
    private final BigDecimal limit;

    Indicator(WaterItem item, String limit) {
      this.item = item;
      this.limit = new BigDecimal(limit);
    }

    /** The measured item. */
    public WaterItem item() {
      return item;
    }

    /** Whether the item is microbiological (总大肠菌群, 菌落总数). */
    public boolean isMicrobiological() {
      return this == TOTAL_COLIFORMS || this == TOTAL_BACTERIA;
    }

    /** Whether the value is worse than class III. */
    public boolean exceedsClassIII(double value) {
      BigDecimal v = Decimals.of(value);
      if (this == PH) {
        return !Decimals.within(v, PH_LOW, limit);
      }
      return v.compareTo(limit) > 0;
    }
  }

  private static final BigDecimal PH_LOW = new BigDecimal("6.5");

  private Gbt14848() {}

  /**
   * The measured routine items worse than class III, in table order.
   *
   * @param includeMicrobiological whether 总大肠菌群 and 菌落总数 are evaluated
   */
  public static List<Indicator> exceedingClassIII(
      WaterQuality values, boolean includeMicrobiological) {
    Objects.requireNonNull(values, "values");
    List<Indicator> exceeding = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      if (indicator.isMicrobiological() && !includeMicrobiological) {
        continue;
      }
      values
          .get(indicator.item())
          .ifPresent(
              v -> {
                if (indicator.exceedsClassIII(v)) {
                  exceeding.add(indicator);
                }
              });
    }
    return exceeding;
  }

  /** Whether any routine item (with the microbiological ones as chosen) was measured. */
  static boolean anyMeasured(WaterQuality values, boolean includeMicrobiological) {
    for (Indicator indicator : Indicator.values()) {
      if ((includeMicrobiological || !indicator.isMicrobiological())
          && values.has(indicator.item())) {
        return true;
      }
    }
    return false;
  }
}
