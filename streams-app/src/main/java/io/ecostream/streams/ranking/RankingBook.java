package io.ecostream.streams.ranking;

import java.util.Optional;

/**
 * The rankings of one province-period kept as cities' figures arrive: the state of a new key, and
 * the ranking to emit when a figure changes what the ranking shows.
 *
 * @param <V> a city's period figure
 * @param <S> the state kept per {@code province@period}
 * @param <R> the published ranking
 */
public interface RankingBook<V, S, R> {

  /** The empty state of the key {@code province@period}, for its first figure. */
  S initial(String key, V figure);

  /**
   * Puts the city's figure into the state; the ranking with the next revision when that changes it,
   * empty when it does not.
   */
  Optional<R> update(S state, V figure);
}
