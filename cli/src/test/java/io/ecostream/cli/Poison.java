package io.ecostream.cli;

/**
 * The classes of bad record {@link PoisonFuzzIT} mixes into a valid stream, each with its input
 * topic, how many are tried, and what must become of them: a dead letter with this reason, {@link
 * #ACCEPTED} (valid by design: the pipeline takes them, and quality control flags suspicious values
 * one by one), or {@link #REFUSED} (the broker refuses them; they never reach the topic).
 */
enum Poison {
  AIR_RANDOM_BYTES(Input.AIR, "undecodable", 1200, "random bytes (0-200)"),
  AIR_EMPTY_VALUE(Input.AIR, "undecodable", 300, "an empty value (0 bytes)"),
  AIR_NULL_VALUE(Input.AIR, "undecodable", 300, "a null value (tombstone)"),
  AIR_TRUNCATED(Input.AIR, "undecodable", 1200, "a valid reading's bytes cut short"),
  AIR_UNKNOWN_FINGERPRINT(
      Input.AIR, "undecodable", 800, "a valid body behind the fingerprint of no known schema"),
  AIR_WRONG_SCHEMA(
      Input.AIR, "undecodable", 800, "a valid record of another type (Station, WaterSample)"),
  AIR_LENGTH_PAST_END(
      Input.AIR, "undecodable", 400, "a string length of up to 2 GB in a record of a few bytes"),
  AIR_NOT_A_NUMBER(Input.AIR, "invalid", 600, "a concentration NaN, +∞ or −∞"),
  AIR_BLANK_STATION(Input.AIR, "invalid", 300, "a blank station id"),
  AIR_OFF_THE_HOUR(Input.AIR, "invalid", 300, "hourStart not on the hour"),
  AIR_NOTHING_MEASURED(Input.AIR, "invalid", 300, "no concentration at all"),
  AIR_LONG_ID(Input.AIR, "invalid", 200, "a station id of 65 to 100,000 characters"),
  AIR_LONG_ID_AT_SIZE_LIMIT(
      Input.AIR, "invalid", 2, "a station id filling the record up to the broker's limit"),
  AIR_YEARS_LATE(Input.AIR, "late", 400, "an hour 1-10 years behind its partition's event time"),
  AIR_FUTURE(Input.AIR, "future", 400, "an hour 1 day to 10 years ahead of the wall clock"),
  AIR_NULL_KEY(Input.AIR, "undecodable", 300, "random bytes without a key"),
  AIR_HUGE_KEY(Input.AIR, "undecodable", 3, "a 500,000-byte key with random bytes"),
  AIR_AT_SIZE_LIMIT(
      Input.AIR, "undecodable", 3, "random bytes just under the broker's limit (1,048,450 bytes)"),
  AIR_OVER_SIZE_LIMIT(Input.AIR, Poison.REFUSED, 2, "random bytes over the broker's limit"),
  AIR_UNKNOWN_STATION(
      Input.AIR, Poison.ACCEPTED, 300, "a valid reading of a station no Station record names"),
  AIR_SUSPICIOUS_VALUES(
      Input.AIR, Poison.ACCEPTED, 300, "PM2.5 negative, a sentinel (−999, 9999) or absurd (1e300)"),

  WATER_RANDOM_BYTES(Input.WATER, "undecodable", 500, "random bytes (0-200)"),
  WATER_TRUNCATED(Input.WATER, "undecodable", 400, "a valid sample's bytes cut short"),
  WATER_UNKNOWN_FINGERPRINT(
      Input.WATER, "undecodable", 200, "a valid body behind the fingerprint of no known schema"),
  WATER_WRONG_SCHEMA(Input.WATER, "undecodable", 300, "a valid air reading"),
  WATER_LENGTH_PAST_END(
      Input.WATER, "undecodable", 200, "a string length of up to 2 GB in a record of a few bytes"),
  WATER_NEGATIVE(Input.WATER, "invalid", 300, "a negative concentration"),
  WATER_NOT_A_NUMBER(Input.WATER, "invalid", 200, "a concentration NaN, +∞ or −∞"),
  WATER_PH_OUT_OF_RANGE(Input.WATER, "invalid", 200, "pH outside 0-14"),
  WATER_NOTHING_MEASURED(Input.WATER, "invalid", 200, "no item measured"),
  WATER_LONG_ID(Input.WATER, "invalid", 100, "a station id of 65 to 100,000 characters"),
  WATER_NULL_KEY(Input.WATER, "undecodable", 200, "random bytes without a key"),
  WATER_AT_SIZE_LIMIT(Input.WATER, "undecodable", 2, "random bytes just under the broker's limit"),
  WATER_OVER_SIZE_LIMIT(Input.WATER, Poison.REFUSED, 1, "random bytes over the broker's limit"),

  STATION_RANDOM_BYTES(Input.STATIONS, "undecodable", 300, "random bytes (0-200)"),
  STATION_TRUNCATED(Input.STATIONS, "undecodable", 200, "a valid Station's bytes cut short"),
  STATION_UNKNOWN_FINGERPRINT(
      Input.STATIONS, "undecodable", 100, "a valid body behind the fingerprint of no known schema"),
  STATION_WRONG_SCHEMA(Input.STATIONS, "undecodable", 200, "a valid air reading"),
  STATION_BLANK_CITY(Input.STATIONS, "invalid", 200, "a blank city id"),
  STATION_LONG_NAME(Input.STATIONS, "invalid", 100, "a name of 257 to 100,000 characters"),
  STATION_AT_SIZE_LIMIT(
      Input.STATIONS, "undecodable", 1, "random bytes just under the broker's limit"),
  STATION_OVER_SIZE_LIMIT(
      Input.STATIONS, Poison.REFUSED, 1, "random bytes over the broker's limit");

  /** Taken in by design: no dead letter. */
  static final String ACCEPTED = "accepted";

  /** Refused by the broker: never in the topic. */
  static final String REFUSED = "refused";

  enum Input {
    AIR,
    WATER,
    STATIONS
  }

  final Input input;
  final String outcome;
  final int count;
  final String description;

  Poison(Input input, String outcome, int count, String description) {
    this.input = input;
    this.outcome = outcome;
    this.count = count;
    this.description = description;
  }

  boolean deadLettered() {
    return !outcome.equals(ACCEPTED) && !outcome.equals(REFUSED);
  }
}
