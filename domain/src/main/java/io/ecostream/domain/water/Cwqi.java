package io.ecostream.domain.water;

import io.ecostream.domain.stats.Ranking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The city water quality index CWQI (城市水质指数) of a section, point and city, as encoded by two
 * third-party implementations of the 2017 《城市地表水环境质量排名技术规定（试行）》 (docs/standards.md#cwqi; the
 * official text was not found). Lower is better.
 *
 * <ul>
 *   <li>per item CWQI_i = C_i / C_s,i, C_s the GB 3838 class III limit (TP: river 0.2,
 *       lake/reservoir 0.05);
 *   <li>dissolved oxygen CWQI_DO = 5 / C_DO;
 *   <li>pH ≤ 7: 7 − pH; pH &gt; 7: (pH − 7) / 2;
 *   <li>a section's CWQI is the sum over the 21 routine items that were measured.
 * </ul>
 *
 * Quotients and sums are exact decimals (34 digits), converted to {@code double} once at the end.
 * The unconfirmed parts (city aggregation, values below the detection limit, rounding) are {@link
 * CwqiRules}.
 */
public final class Cwqi {

  /**
   * One section's or point's CWQI, for the city figure.
   *
   * @param cwqi the section's CWQI, unrounded
   * @param body the kind of water it lies in
   */
  public record SectionIndex(double cwqi, WaterBody body) {
    public SectionIndex {
      Objects.requireNonNull(body, "body");
      if (!(cwqi >= 0) || cwqi == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("cwqi must be finite and non-negative, was " + cwqi);
      }
    }
  }

  private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private Cwqi() {}

  /**
   * The section's CWQI over the 21 routine items it measured, unrounded; empty when it measured
   * none, or when its dissolved oxygen is 0 (5 / 0 has no value: a result below the detection limit
   * enters as {@link CwqiRules#belowDetectionLimit}).
   */
  public static OptionalDouble section(WaterQuality values, WaterBody body) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(body, "body");
    BigDecimal sum = BigDecimal.ZERO;
    boolean any = false;
    for (Gb3838.Indicator indicator : Gb3838.ROUTINE) {
      OptionalDouble value = values.get(indicator.item());
      if (value.isEmpty()) {
        continue;
      }
      if (indicator == Gb3838.Indicator.DISSOLVED_OXYGEN && value.getAsDouble() == 0) {
        return OptionalDouble.empty();
      }
      sum = sum.add(itemIndex(indicator, Decimals.of(value.getAsDouble()), body));
      any = true;
    }
    return any ? OptionalDouble.of(sum.doubleValue()) : OptionalDouble.empty();
  }

  /**
   * One item's index CWQI_i, unrounded.
   *
   * @throws IllegalArgumentException if the value is negative, NaN or infinite, or DO is 0
   */
  public static double item(Gb3838.Indicator indicator, double value, WaterBody body) {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(body, "body");
    BigDecimal c = Decimals.measured(indicator, value);
    if (indicator == Gb3838.Indicator.DISSOLVED_OXYGEN && value == 0) {
      throw new IllegalArgumentException("CWQI of dissolved oxygen 0 is 5 / 0");
    }
    return itemIndex(indicator, c, body).doubleValue();
  }

  private static BigDecimal itemIndex(Gb3838.Indicator indicator, BigDecimal c, WaterBody body) {
    return switch (indicator) {
      case PH ->
          c.compareTo(SEVEN) <= 0
              ? SEVEN.subtract(c)
              : c.subtract(SEVEN).divide(TWO, Decimals.PRECISION);
      case DISSOLVED_OXYGEN -> indicator.classIIILimit(body).divide(c, Decimals.PRECISION);
      default -> c.divide(indicator.classIIILimit(body), Decimals.PRECISION);
    };
  }

  /** The city's CWQI from its sections' and points' (unrounded); empty when it has none. */
  public static OptionalDouble city(Collection<SectionIndex> sections, CwqiRules rules) {
    Objects.requireNonNull(rules, "rules");
    return switch (rules.cityAggregation()) {
      case MEAN_OF_SECTIONS -> mean(sections.stream().map(s -> Decimals.of(s.cwqi())).toList());
      case MEAN_OF_WATER_BODIES -> {
        List<BigDecimal> bodyMeans = new ArrayList<>();
        for (WaterBody body : WaterBody.values()) {
          mean(sections.stream()
                  .filter(s -> s.body() == body)
                  .map(s -> Decimals.of(s.cwqi()))
                  .toList())
              .ifPresent(m -> bodyMeans.add(Decimals.of(m)));
        }
        yield mean(bodyMeans);
      }
    };
  }

  private static OptionalDouble mean(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return OptionalDouble.of(
        sum.divide(BigDecimal.valueOf(values.size()), Decimals.PRECISION).doubleValue());
  }

  /**
   * The CWQI as published: {@link CwqiRules#decimals} decimals, half to even on the decimal value
   * (GB/T 8170, as {@link io.ecostream.domain.air.Gbt8170}); NaN passes through.
   */
  public static double published(double cwqi, CwqiRules rules) {
    Objects.requireNonNull(rules, "rules");
    if (!Double.isFinite(cwqi)) {
      return cwqi;
    }
    return Decimals.of(cwqi).setScale(rules.decimals(), RoundingMode.HALF_EVEN).doubleValue();
  }

  /**
   * The cities ranked by CWQI, lowest first ({@link Ranking}, competition ranks for ties). Each
   * city's value is first rounded as published, so cities tie when their published CWQI is equal.
   */
  public static Ranking rankCities(Collection<Ranking.Entry> cities, CwqiRules rules) {
    Objects.requireNonNull(rules, "rules");
    List<Ranking.Entry> published = new ArrayList<>();
    for (Ranking.Entry city : cities) {
      published.add(
          new Ranking.Entry(city.cityId(), published(city.value(), rules), city.sufficient()));
    }
    return Ranking.of(published, Ranking.Order.LOWER_IS_BETTER);
  }
}
