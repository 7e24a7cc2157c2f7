package io.ecostream.domain.water;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of the single-factor method (单因子评价法) for one section, point or period: the class of every evaluated
 * indicator, and the overall class, the worst of them (STANDARDS.md §4.2, §7.1.3).
 *
 * @param <I> the indicator type, e.g. {@link Gb3838.Indicator}
 * @param <C> the class type, in order of quality, e.g. {@link WaterClass}
 * @param worstClass the overall class (断面/点位水质类别)
 * @param classes the class of each evaluated indicator, in indicator order
 */
public record SingleFactorResult<I extends Enum<I>, C extends Enum<C>>(C worstClass, Map<I, C> classes) {

  /** @throws IllegalArgumentException if no indicator was evaluated or worstClass is not the worst of the classes */
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

  /** The result of these indicator classes (non-empty; ordered as the map iterates). */
  static <I extends Enum<I>, C extends Enum<C>> SingleFactorResult<I, C> of(Map<I, C> classes) {
    C worst = classes.values().stream().max(Enum::compareTo).orElseThrow();
    return new SingleFactorResult<>(worst, classes);
  }

  /** The determining indicators (定类因子): those whose class is the overall class. */
  public List<I> determining() {
    return classes.entrySet().stream().filter(e -> e.getValue() == worstClass).map(Map.Entry::getKey).toList();
  }

  /** The indicators worse than the target class (超标因子, e.g. against a section's target class III). */
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
