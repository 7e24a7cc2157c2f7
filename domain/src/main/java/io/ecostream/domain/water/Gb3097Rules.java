package io.ecostream.domain.water;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the near-shore point assessment (docs/standards.md#sea-point-class-and-shares).
 *
 * @param evaluated the indicators that enter the point class when measured; default {@link #CORE},
 *     the six items the national system publishes per point. Whether official annual classes add
 *     metals is not confirmed [R]; add them here where a city's method does
 * @param dissolvedOxygenStrict whether DO must be strictly greater than the limit, as the standard
 *     writes ("&gt;"); default true. Some software may use ≥ [R]
 */
public record Gb3097Rules(Set<Gb3097.Indicator> evaluated, boolean dissolvedOxygenStrict) {

  /** pH, DO, COD, inorganic nitrogen, active phosphate, petroleum. */
  public static final Set<Gb3097.Indicator> CORE =
      Collections.unmodifiableSet(
          EnumSet.of(
              Gb3097.Indicator.PH,
              Gb3097.Indicator.DISSOLVED_OXYGEN,
              Gb3097.Indicator.COD,
              Gb3097.Indicator.INORGANIC_NITROGEN,
              Gb3097.Indicator.ACTIVE_PHOSPHATE,
              Gb3097.Indicator.PETROLEUM));

  /**
   * @throws IllegalArgumentException if no indicator is evaluated
   */
  public Gb3097Rules {
    Objects.requireNonNull(evaluated, "evaluated");
    if (evaluated.isEmpty()) {
      throw new IllegalArgumentException("evaluated must name at least one indicator");
    }
    evaluated = Collections.unmodifiableSet(EnumSet.copyOf(evaluated));
  }

  public static Gb3097Rules defaults() {
    return new Gb3097Rules(CORE, true);
  }
}
