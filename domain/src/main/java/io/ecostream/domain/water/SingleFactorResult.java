package io.ecostream.domain.water;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The result of the single-factor method (单因子评价法) for one section, point or period: the class of
 * every evaluated indicator, and the overall class, the worst of them
 * (docs/standards.md#section-class-and-shares, docs/standards.md#sea-point-class-and-shares).
 *
 * @param <I> the indicator type, e.g. {@link Gb3838.Indicator}
 * @param <C> the class type, in order of quality, e.g. {@link WaterClass}
 * @param worstClass the overall class (断面/点位水质类别)
 * @param classes the class of each evaluated indicator, in indicator order
 */
public record SingleFactorResult<I extends Enum<I>, C extends Enum<C>>(
    C worstClass, Map<I, C> classes) {

  /**
   * @throws IllegalArgumentException if no indicator was evaluated or worstClass is not the worst
   *     of the classes
   */
  public SingleFactorResult {
    Objects.requireNonNull(worstClass, "worstClass");
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("No indicator was evaluated");
    }
    classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    C worst = classes.values().stream().max(Enum::compareTo).orElseThrow();
    if (worst != worstClass) {
      throw new IllegalArgumentException("The worst class is " + worst + ", not " + worstClass);
    }
  }

  /**
   * The single-factor result over the indicators whose value is present; empty when none is.
   *
   * @param value the value of an indicator, empty when it was not measured
   * @param classOf the class of an indicator's value
   */
  static <I extends Enum<I>, C extends Enum<C>> Optional<SingleFactorResult<I, C>> evaluate(
      Class<I> type,
      Iterable<I> indicators,
      Function<I, OptionalDouble> value,
      BiFunction<I, Double, C> classOf) {
    Map<I, C> classes = new EnumMap<>(type);
    for (I indicator : indicators) {
      value.apply(indicator).ifPresent(v -> classes.put(indicator, classOf.apply(indicator, v)));
    }
    if (classes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SingleFactorResult<>(
            classes.values().stream().max(Enum::compareTo).orElseThrow(), classes));
  }

  /** The determining indicators (定类因子): those whose class is the overall class. */
  public List<I> determining() {
    return classes.entrySet().stream()
        .filter(e -> e.getValue() == worstClass)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The indicators worse than the target class (超标因子, e.g. against a section's target class III).
   */
  public List<I> exceeding(C target) {
    Objects.requireNonNull(target, "target");
    return classes.entrySet().stream()
        .filter(e -> e.getValue().compareTo(target) > 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Whether the overall class is the target class or better (达标 against it). */
  public boolean meets(C target) {
    return worstClass.compareTo(Objects.requireNonNull(target, "target")) <= 0;
  }
}
