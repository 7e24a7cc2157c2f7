package io.ecostream.streams.ranking;

/**
 * The key of a province's ranking of one period, {@code province@period}: the cities' tasks send
 * their period figures under it, so that a ranking, which spans the cities of a province, meets
 * them in one task.
 */
public final class ByProvince {

  private ByProvince() {}

  /** {@code province@period}; a period (yyyy, yyyy-MM) never holds an '@', a province might. */
  public static String key(String province, String period) {
    return province + "@" + period;
  }

  /** The province part of {@link #key}. */
  public static String province(String key) {
    return key.substring(0, key.lastIndexOf('@'));
  }
}
