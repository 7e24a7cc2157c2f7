package io.ecostream.streams.water;

import io.ecostream.avro.WaterBodyType;
import io.ecostream.domain.water.Cwqi;
import io.ecostream.domain.water.DrinkingWaterSource;
import io.ecostream.domain.water.Gb3097;
import io.ecostream.domain.water.Gb3097Rules;
import io.ecostream.domain.water.Gb3838;
import io.ecostream.domain.water.SeaClass;
import io.ecostream.domain.water.SingleFactorResult;
import io.ecostream.domain.water.WaterBody;
import io.ecostream.domain.water.WaterClass;
import io.ecostream.domain.water.WaterItem;
import io.ecostream.domain.water.WaterQuality;
import java.util.List;
import java.util.Optional;

/**
 * The assessment of one sample or one period of a section: which standard applies by the water body
 * (GB 3838-2002 for rivers, lakes and reservoirs, GB 3097-1997 for sea points), its class, the
 * determining items, the target check, the section CWQI and, for drinking-water sources,
 * compliance. The standards themselves are the domain's.
 */
final class SectionAssessor {

  /**
   * @param surfaceClass GB 3838 class of a river, lake or reservoir; null for the sea or when no
   *     evaluated item was measured
   * @param seaClass GB 3097 class of a sea point; null otherwise
   * @param determining names of the items at the worst class
   * @param totalNitrogenClass lakes and reservoirs: TN's class, evaluated apart; else null
   * @param meetsTarget null without a target class or a surface-water class
   * @param cwqi surface water only; null when it cannot be computed
   * @param drinkingCompliant drinking-water sources only
   */
  record Assessment(
      WaterClass surfaceClass,
      SeaClass seaClass,
      List<String> determining,
      String totalNitrogenClass,
      Boolean meetsTarget,
      Double cwqi,
      Boolean drinkingCompliant) {

    /** I … 劣V or 一类 … 劣四类; null without a class. */
    String label() {
      return surfaceClass != null
          ? surfaceClass.label()
          : seaClass != null ? seaClass.label() : null;
    }

    /** 优良: I–III, or sea classes 1–2; null without a class. */
    Boolean good() {
      return surfaceClass != null
          ? surfaceClass.isGood()
          : seaClass != null ? seaClass.isGood() : null;
    }
  }

  private final Gb3097Rules seaRules;

  SectionAssessor(Gb3097Rules seaRules) {
    this.seaRules = seaRules;
  }

  Assessment assess(
      double[] values, WaterBodyType body, boolean drinkingSource, Integer targetClass) {
    WaterQuality quality = WaterItems.quality(values);
    if (body == WaterBodyType.SEA) {
      Optional<SingleFactorResult<Gb3097.Indicator, SeaClass>> sea =
          Gb3097.classify(quality, seaRules);
      return new Assessment(
          null,
          sea.map(SingleFactorResult::worstClass).orElse(null),
          sea.map(r -> names(r.determining().stream().map(Gb3097.Indicator::item).toList()))
              .orElse(List.of()),
          null,
          null,
          null,
          null);
    }
    WaterBody surface = surface(body);
    Optional<SingleFactorResult<Gb3838.Indicator, WaterClass>> result =
        Gb3838.classify(quality, surface);
    WaterClass target = targetClass == null ? null : WaterClass.ofNumber(targetClass);
    String tnClass =
        surface == WaterBody.LAKE_RESERVOIR && quality.has(WaterItem.TOTAL_NITROGEN)
            ? Gb3838.classOf(
                    Gb3838.Indicator.TOTAL_NITROGEN,
                    quality.get(WaterItem.TOTAL_NITROGEN).getAsDouble(),
                    surface)
                .label()
            : null;
    Boolean compliant =
        drinkingSource
            ? DrinkingWaterSource.assess(quality, sourceType(surface))
                .map(DrinkingWaterSource.Assessment::compliant)
                .orElse(null)
            : null;
    return new Assessment(
        result.map(SingleFactorResult::worstClass).orElse(null),
        null,
        result
            .map(r -> names(r.determining().stream().map(Gb3838.Indicator::item).toList()))
            .orElse(List.of()),
        tnClass,
        target == null ? null : result.map(r -> r.meets(target)).orElse(null),
        boxed(Cwqi.section(quality, surface)),
        compliant);
  }

  static WaterBody surface(WaterBodyType body) {
    return body == WaterBodyType.LAKE || body == WaterBodyType.RESERVOIR
        ? WaterBody.LAKE_RESERVOIR
        : WaterBody.RIVER;
  }

  private static DrinkingWaterSource.SourceType sourceType(WaterBody body) {
    return body == WaterBody.LAKE_RESERVOIR
        ? DrinkingWaterSource.SourceType.LAKE_RESERVOIR
        : DrinkingWaterSource.SourceType.RIVER;
  }

  private static List<String> names(List<WaterItem> items) {
    return items.stream().map(WaterItem::chineseName).toList();
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
