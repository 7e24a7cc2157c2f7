package io.ecostream.domain.water;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a centralized drinking-water source (集中式饮用水水源地) is 达标 in one period
 * (docs/standards.md#drinking-water-sources).
 *
 * <ul>
 *   <li>Surface source (河流型, 湖库型): the 20 basic items of GB 3838 Table 1 ({@link
 *       Gb3838#DRINKING_SOURCE}: without water temperature, COD, TN, fecal coliform) give class III
 *       or better, TP by the lake/reservoir limit for 湖库型; and no Table 2 item ({@link
 *       Gb3838.SupplementaryItem}) exceeds its limit. Table 3 items are not carried by {@link
 *       WaterQuality} and not checked.
 *   <li>Groundwater source: no GB/T 14848-2017 routine item worse than class III ({@link
 *       Gbt14848}).
 * </ul>
 *
 * Single-factor: one failing item makes the source 超标. Items not measured are not evaluated.
 */
public final class DrinkingWaterSource {

  /** The kind of source. */
  public enum SourceType {
    /** 河流型. */
    RIVER,
    /** 湖库型. */
    LAKE_RESERVOIR,
    /** 地下水型. */
    GROUNDWATER
  }

  /**
   * The verdict for one source and period.
   *
   * @param type the kind of source
   * @param compliant 达标
   * @param basicClass surface sources: the class of the 20 basic items, null when none was
   *     measured; groundwater: null (its GB/T 14848 class is not computed)
   * @param exceeding the measured items that fail their limit, in table order (basic items, then
   *     Table 2)
   */
  public record Assessment(
      SourceType type, boolean compliant, WaterClass basicClass, List<WaterItem> exceeding) {
    public Assessment {
      Objects.requireNonNull(type, "type");
      exceeding = List.copyOf(exceeding);
    }
  }

  /**
   * Settings: whether the GB/T 14848 microbiological items (总大肠菌群, 菌落总数) count toward a groundwater
   * source's 达标 — not confirmed (docs/standards.md#drinking-water-sources, assumed); default true,
   * as the Henan report evaluates all 39 items.
   */
  public record Rules(boolean groundwaterMicrobiological) {
    public static Rules defaults() {
      return new Rules(true);
    }
  }

  private DrinkingWaterSource() {}

  /** The verdict under {@link Rules#defaults()}. */
  public static Optional<Assessment> assess(WaterQuality values, SourceType type) {
    return assess(values, type, Rules.defaults());
  }

  /**
   * The verdict for the source's values of one period; empty when no evaluated item was measured.
   */
  public static Optional<Assessment> assess(WaterQuality values, SourceType type, Rules rules) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rules, "rules");
    List<WaterItem> exceeding = new ArrayList<>();
    if (type == SourceType.GROUNDWATER) {
      if (!Gbt14848.anyMeasured(values, rules.groundwaterMicrobiological())) {
        return Optional.empty();
      }
      Gbt14848.exceedingClassIII(values, rules.groundwaterMicrobiological())
          .forEach(i -> exceeding.add(i.item()));
      return Optional.of(new Assessment(type, exceeding.isEmpty(), null, exceeding));
    }
    WaterBody body = type == SourceType.LAKE_RESERVOIR ? WaterBody.LAKE_RESERVOIR : WaterBody.RIVER;
    Optional<SingleFactorResult<Gb3838.Indicator, WaterClass>> basic =
        Gb3838.classify(values, body, Gb3838.DRINKING_SOURCE);
    basic.ifPresent(r -> r.exceeding(WaterClass.III).forEach(i -> exceeding.add(i.item())));
    boolean anySupplementary = false;
    for (Gb3838.SupplementaryItem item : Gb3838.SupplementaryItem.values()) {
      if (values.has(item.item())) {
        anySupplementary = true;
        if (item.exceeds(values.get(item.item()).getAsDouble())) {
          exceeding.add(item.item());
        }
      }
    }
    if (basic.isEmpty() && !anySupplementary) {
      return Optional.empty();
    }
    WaterClass basicClass = basic.map(SingleFactorResult::worstClass).orElse(null);
    return Optional.of(new Assessment(type, exceeding.isEmpty(), basicClass, exceeding));
  }

  /** 全年均达标: every monitoring of the year was 达标 (and there was at least one). */
  public static boolean compliantAllYear(Collection<Boolean> periodVerdicts) {
    return !periodVerdicts.isEmpty() && periodVerdicts.stream().allMatch(Boolean::booleanValue);
  }
}
