package io.ecostream.domain.water;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sea water classes by GB 3097-1997 海水水质标准, Table 1 (docs/standards.md#sea-water-classes), for
 * near-shore monitoring points.
 *
 * <p>Per indicator the class is the smallest c of 1–4 whose criterion holds, else 劣四类 ({@link
 * SeaClass#WORSE_THAN_FOUR}, code 5). Criteria: value ≤ limit; dissolved oxygen value &gt; limit
 * (strictly: DO 5.0 is class 3, not 2; {@link Gb3097Rules#dissolvedOxygenStrict}); pH within
 * 7.8–8.5 for classes 1–2 and 6.8–8.8 for classes 3–4. Limits shared by neighbouring classes make a
 * value jump: phosphate just above 0.030 (the class 2 and 3 limit) is class 4; petroleum 0.05 is
 * class 1. Values are compared as exact decimals ({@link Decimals}).
 *
 * <p>The point class is the worst indicator class over the evaluated indicators ({@link
 * Gb3097Rules#evaluated}, default the six published core items). Inorganic nitrogen is {@link
 * WaterItem#INORGANIC_NITROGEN} when given, else the exact sum NO3-N + NO2-N + NH3-N when all three
 * are given, else not evaluated.
 */
public final class Gb3097 {

  /** GB 3097-1997 Table 1 items, class 1 to 4 limits (mg/L). */
  public enum Indicator {
    /** Ranges 7.8–8.5 (classes 1–2) and 6.8–8.8 (classes 3–4). */
    PH(WaterItem.PH),
    /** "&gt;" 6 / 5 / 4 / 3. */
    DISSOLVED_OXYGEN(WaterItem.DISSOLVED_OXYGEN, "6", "5", "4", "3"),
    /** Alkaline permanganate COD. */
    COD(WaterItem.SEA_COD, "2", "3", "4", "5"),
    BOD5(WaterItem.BOD5, "1", "3", "4", "5"),
    /** NO3-N + NO2-N + NH3-N, as N. */
    INORGANIC_NITROGEN(WaterItem.INORGANIC_NITROGEN, "0.20", "0.30", "0.40", "0.50"),
    /** As P; classes 2 and 3 share 0.030. */
    ACTIVE_PHOSPHATE(WaterItem.ACTIVE_PHOSPHATE, "0.015", "0.030", "0.030", "0.045"),
    /** Classes 1 and 2 share 0.05. */
    PETROLEUM(WaterItem.PETROLEUM, "0.05", "0.05", "0.30", "0.50"),
    MERCURY(WaterItem.MERCURY, "0.00005", "0.0002", "0.0002", "0.0005"),
    CADMIUM(WaterItem.CADMIUM, "0.001", "0.005", "0.010", "0.010"),
    LEAD(WaterItem.LEAD, "0.001", "0.005", "0.010", "0.050"),
    CHROMIUM_VI(WaterItem.CHROMIUM_VI, "0.005", "0.010", "0.020", "0.050"),
    ARSENIC(WaterItem.ARSENIC, "0.020", "0.030", "0.050", "0.050"),
    COPPER(WaterItem.COPPER, "0.005", "0.010", "0.050", "0.050"),
    ZINC(WaterItem.ZINC, "0.020", "0.050", "0.10", "0.50"),
    CYANIDE(WaterItem.CYANIDE, "0.005", "0.005", "0.10", "0.20"),
    SULFIDE(WaterItem.SULFIDE, "0.02", "0.05", "0.10", "0.25"),
    VOLATILE_PHENOL(WaterItem.VOLATILE_PHENOL, "0.005", "0.005", "0.010", "0.050"),
    LAS(WaterItem.LAS, "0.03", "0.10", "0.10", "0.10");

    private final WaterItem item;
    private final BigDecimal[] limits;

    Indicator(WaterItem item, String... limits) {
      this.item = item;
      this.limits = Decimals.limits(limits);
    }

    /** The measured item (for inorganic nitrogen: the total, see the class comment). */
    public WaterItem item() {
      return item;
    }
  }

  private static final BigDecimal[] PH_CLASSES_1_2 = Decimals.limits("7.8", "8.5");
  private static final BigDecimal[] PH_CLASSES_3_4 = Decimals.limits("6.8", "8.8");
  private static final SeaClass[] CLASSES = SeaClass.values();

  private Gb3097() {}

  /**
   * The class of one indicator's value.
   *
   * @throws IllegalArgumentException if the value is negative, NaN or infinite
   */
  public static SeaClass classOf(Indicator indicator, double value, Gb3097Rules rules) {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(rules, "rules");
    BigDecimal v = Decimals.measured(indicator, value);
    return switch (indicator) {
      case PH -> {
        if (Decimals.within(v, PH_CLASSES_1_2[0], PH_CLASSES_1_2[1])) {
          yield SeaClass.ONE;
        }
        yield Decimals.within(v, PH_CLASSES_3_4[0], PH_CLASSES_3_4[1])
            ? SeaClass.THREE
            : SeaClass.WORSE_THAN_FOUR;
      }
      case DISSOLVED_OXYGEN ->
          CLASSES[Decimals.firstAtLeast(v, indicator.limits, rules.dissolvedOxygenStrict())];
      default -> CLASSES[Decimals.firstAtMost(v, indicator.limits)];
    };
  }

  /** The point class over the evaluated indicators that were measured; empty when none was. */
  public static Optional<SingleFactorResult<Indicator, SeaClass>> classify(
      WaterQuality values, Gb3097Rules rules) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(rules, "rules");
    return SingleFactorResult.evaluate(
        Indicator.class,
        rules.evaluated(),
        i -> i == Indicator.INORGANIC_NITROGEN ? inorganicNitrogen(values) : values.get(i.item()),
        (i, v) -> classOf(i, v, rules));
  }

  /**
   * Inorganic nitrogen (无机氮): the given total, else NO3-N + NO2-N + NH3-N summed exactly when all
   * three are given (0.150 + 0.010 + 0.030 = 0.190), else empty.
   */
  public static OptionalDouble inorganicNitrogen(WaterQuality values) {
    OptionalDouble total = values.get(WaterItem.INORGANIC_NITROGEN);
    if (total.isPresent()) {
      return total;
    }
    OptionalDouble no3 = values.get(WaterItem.NITRATE_NITROGEN);
    OptionalDouble no2 = values.get(WaterItem.NITRITE_NITROGEN);
    OptionalDouble nh3 = values.get(WaterItem.AMMONIA_NITROGEN);
    if (no3.isEmpty() || no2.isEmpty() || nh3.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        Decimals.of(no3.getAsDouble())
            .add(Decimals.of(no2.getAsDouble()))
            .add(Decimals.of(nh3.getAsDouble()))
            .doubleValue());
  }
}
