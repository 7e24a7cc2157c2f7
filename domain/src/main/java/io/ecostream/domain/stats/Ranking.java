package io.ecostream.domain.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cities ranked by one figure (城市排名), best first, with standard competition ranking: equal values
 * share a rank and the next rank skips ("1, 2, 2, 4"). Cities with insufficient data, or without a
 * value, are not ranked and are listed separately.
 *
 * <p>Pass the figures as published (e.g. {@link BulletinRounding#index}): two cities are tied when
 * their published figures are equal, as a reader of the ranking sees them. Values are compared
 * numerically, so −0.0 and 0.0 tie. Within a tie, and in the insufficient list, cities are ordered
 * by id so the output does not depend on input order.
 *
 * @param ranked the ranked cities, best first
 * @param insufficient the cities not ranked (insufficient data or no value), by id
 */
public record Ranking(List<Ranked> ranked, List<Entry> insufficient) {

  /** Which end of the scale is better. */
  public enum Order {
    /** For the composite index, concentrations, heavy-pollution days: a smaller value is better. */
    LOWER_IS_BETTER,
    /** For the good-day ratio: a larger value is better. */
    HIGHER_IS_BETTER
  }

  /**
   * One city's figure.
   *
   * @param cityId the city
   * @param value the figure; NaN when there is none
   * @param sufficient whether the city's data suffice to rank it (e.g. enough valid days, {@link
   *     ValidityRules})
   */
  public record Entry(String cityId, double value, boolean sufficient) {
    public Entry {
      Objects.requireNonNull(cityId, "cityId");
    }
  }

  /**
   * A ranked city.
   *
   * @param rank 1 for the best; tied cities share the rank
   */
  public record Ranked(int rank, String cityId, double value) {}

  /**
   * A city as a published list shows it.
   *
   * @param rank null when not ranked
   * @param value NaN when the city has none
   */
  public record Listed(String cityId, Integer rank, double value, boolean sufficient) {}

  public Ranking {
    ranked = List.copyOf(ranked);
    insufficient = List.copyOf(insufficient);
  }

  /**
   * Ranks the cities.
   *
   * @throws IllegalArgumentException if a city id occurs twice
   */
  public static Ranking of(List<Entry> entries, Order order) {
    Objects.requireNonNull(order, "order");
    Set<String> seen = new HashSet<>();
    List<Entry> rankable = new ArrayList<>();
    List<Entry> insufficient = new ArrayList<>();
    for (Entry entry : entries) {
      if (!seen.add(entry.cityId())) {
        throw new IllegalArgumentException("City " + entry.cityId() + " occurs twice");
      }
      if (entry.sufficient() && !Double.isNaN(entry.value())) {
        rankable.add(entry);
      } else {
        insufficient.add(entry);
      }
    }
    // + 0.0 turns −0.0 into 0.0, which Double.compare would otherwise order before it.
    Comparator<Entry> byValue = Comparator.comparingDouble(e -> e.value() + 0.0);
    if (order == Order.HIGHER_IS_BETTER) {
      byValue = byValue.reversed();
    }
    rankable.sort(byValue.thenComparing(Entry::cityId));
    insufficient.sort(Comparator.comparing(Entry::cityId));
    List<Ranked> ranked = new ArrayList<>(rankable.size());
    for (int i = 0; i < rankable.size(); i++) {
      Entry entry = rankable.get(i);
      boolean tiedWithPrevious = i > 0 && entry.value() == rankable.get(i - 1).value();
      int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Ranked(rank, entry.cityId(), entry.value()));
    }
    return new Ranking(ranked, insufficient);
  }

  /**
   * Every city as a published list shows it: the ranked ones best first, then the others by id,
   * unranked.
   */
  public List<Listed> listed() {
    List<Listed> list = new ArrayList<>(ranked.size() + insufficient.size());
    for (Ranked city : ranked) {
      list.add(new Listed(city.cityId(), city.rank(), city.value(), true));
    }
    for (Entry city : insufficient) {
      list.add(new Listed(city.cityId(), null, city.value(), false));
    }
    return list;
  }
}
