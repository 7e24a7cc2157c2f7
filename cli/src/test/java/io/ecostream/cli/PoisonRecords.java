package io.ecostream.cli;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Station;
import io.ecostream.avro.WaterSample;
import io.ecostream.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes the key and value of a bad record of each {@link Poison} class, from valid records of the
 * run (so that a truncated or corrupted record is a real one cut or corrupted) and a seeded random.
 */
final class PoisonRecords {

  /** The city of the records accepted by design, so that they touch no real city's figures. */
  static final String FUZZ_CITY = "fuzzcity";

  /** Station ids of the records accepted by design start so. */
  static final String FUZZ_STATION = "FUZZ-";

  /**
   * Below the broker's limit by this much, a value leaves room for a key of up to 64 bytes and what
   * a one-record batch adds (at most 74 bytes): 1,048,450 bytes, the tester's record, under the
   * default limit of 1,048,588.
   */
  private static final int BATCH_OVERHEAD = 138;

  private static final int HUGE_KEY = 500_000;
  private static final double[] NOT_NUMBERS = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
  };
  private static final double[] SUSPICIOUS = {-5.0, -999.0, 9999.0, 1e300};

  private final Random random;
  private final int brokerLimit;
  private final List<AirReading> air;
  private final List<WaterSample> water;
  private final List<Station> stations;
  private final AvroSerde<AirReading> airSerde = AvroSerde.of(AirReading.class);
  private final AvroSerde<WaterSample> waterSerde = AvroSerde.of(WaterSample.class);
  private final AvroSerde<Station> stationSerde = AvroSerde.of(Station.class);
  private int serial;

  PoisonRecords(
      long seed,
      int brokerLimit,
      List<AirReading> air,
      List<WaterSample> water,
      List<Station> stations) {
    this.random = new Random(seed);
    this.brokerLimit = brokerLimit;
    this.air = air;
    this.water = water;
    this.stations = stations;
  }

  Random random() {
    return random;
  }

  /** The key, chosen first: it decides the partition, and the partition the value's hour. */
  byte[] key(Poison poison) {
    return switch (poison) {
      case AIR_NULL_KEY, WATER_NULL_KEY -> null;
      case AIR_HUGE_KEY -> letters(HUGE_KEY);
      case AIR_UNKNOWN_STATION, AIR_SUSPICIOUS_VALUES -> utf8(FUZZ_CITY);
      default ->
          switch (poison.input) {
            case AIR -> utf8(any(air).getCityId());
            case WATER -> utf8(any(water).getCityId());
            case STATIONS -> utf8("FUZZ-S" + (++serial));
          };
    };
  }

  /**
   * The value; {@code previous} is the valid air reading before it on its partition (whose hour is
   * the partition's event time there), null when there is none or the topic is not air.readings.
   */
  byte[] value(Poison poison, byte[] key, AirReading previous) {
    String city = key == null ? null : new String(key, StandardCharsets.UTF_8);
    return switch (poison) {
      case AIR_RANDOM_BYTES,
          WATER_RANDOM_BYTES,
          STATION_RANDOM_BYTES,
          AIR_NULL_KEY,
          WATER_NULL_KEY ->
          bytes(random.nextInt(201));
      case AIR_EMPTY_VALUE -> new byte[0];
      case AIR_NULL_VALUE -> null;
      case AIR_TRUNCATED -> truncated(airSerde.serialize("t", reading(city).build()));
      case WATER_TRUNCATED -> truncated(waterSerde.serialize("t", sample(city).build()));
      case STATION_TRUNCATED -> truncated(stationSerde.serialize("t", any(stations)));
      case AIR_UNKNOWN_FINGERPRINT ->
          unknownFingerprint(airSerde.serialize("t", reading(city).build()));
      case WATER_UNKNOWN_FINGERPRINT ->
          unknownFingerprint(waterSerde.serialize("t", sample(city).build()));
      case STATION_UNKNOWN_FINGERPRINT ->
          unknownFingerprint(stationSerde.serialize("t", any(stations)));
      case AIR_WRONG_SCHEMA ->
          random.nextBoolean()
              ? stationSerde.serialize("t", any(stations))
              : waterSerde.serialize("t", any(water));
      case WATER_WRONG_SCHEMA, STATION_WRONG_SCHEMA -> airSerde.serialize("t", any(air));
      case AIR_LENGTH_PAST_END -> lengthPastEnd(airSerde.serialize("t", any(air)));
      case WATER_LENGTH_PAST_END -> lengthPastEnd(waterSerde.serialize("t", any(water)));
      case AIR_NOT_A_NUMBER -> air(reading(city).setNo2(pick(NOT_NUMBERS)));
      case AIR_BLANK_STATION -> air(reading(city).setStationId(random.nextBoolean() ? "" : "  "));
      case AIR_OFF_THE_HOUR -> {
        AirReading.Builder reading = reading(city);
        yield air(
            reading.setHourStart(reading.getHourStart().plusSeconds(1 + random.nextInt(3599))));
      }
      case AIR_NOTHING_MEASURED ->
          air(
              reading(city)
                  .setPm25(null)
                  .setPm10(null)
                  .setSo2(null)
                  .setNo2(null)
                  .setCo(null)
                  .setO3(null));
      case AIR_LONG_ID ->
          air(
              reading(city)
                  .setStationId("SD-" + new String(letters(62 + random.nextInt(100_000)))));
      case AIR_LONG_ID_AT_SIZE_LIMIT -> atSizeLimit(key, reading(city));
      case AIR_YEARS_LATE ->
          air(
              reading(city)
                  .setHourStart(
                      previous
                          .getHourStart()
                          .minus(Duration.ofDays(365L * (1 + random.nextInt(10))))));
      case AIR_FUTURE ->
          air(
              reading(city)
                  .setHourStart(
                      Instant.now()
                          .truncatedTo(ChronoUnit.HOURS)
                          .plus(Duration.ofHours(24 + random.nextInt(24 * 3650)))));
      case AIR_HUGE_KEY -> bytes(HUGE_KEY);
      case AIR_AT_SIZE_LIMIT, WATER_AT_SIZE_LIMIT, STATION_AT_SIZE_LIMIT ->
          bytes(brokerLimit - BATCH_OVERHEAD);
      case AIR_OVER_SIZE_LIMIT, WATER_OVER_SIZE_LIMIT, STATION_OVER_SIZE_LIMIT ->
          bytes(brokerLimit + 1 + random.nextInt(1000));
      case AIR_UNKNOWN_STATION -> air(fuzzReading(previous, "U"));
      case AIR_SUSPICIOUS_VALUES -> air(fuzzReading(previous, "Q").setPm25(pick(SUSPICIOUS)));
      case WATER_NEGATIVE -> water(sample(city).setAmmoniaNitrogen(-0.01 - random.nextDouble()));
      case WATER_NOT_A_NUMBER -> water(sample(city).setTotalPhosphorus(pick(NOT_NUMBERS)));
      case WATER_PH_OUT_OF_RANGE ->
          water(sample(city).setPh(random.nextBoolean() ? -0.5 : 14.5 + random.nextInt(100)));
      case WATER_NOTHING_MEASURED -> water(nothingMeasured(sample(city)));
      case WATER_LONG_ID ->
          water(
              sample(city).setStationId("W-" + new String(letters(63 + random.nextInt(100_000)))));
      case STATION_BLANK_CITY ->
          stationSerde.serialize(
              "t", Station.newBuilder(any(stations)).setStationId(city).setCityId(" ").build());
      case STATION_LONG_NAME ->
          stationSerde.serialize(
              "t",
              Station.newBuilder(any(stations))
                  .setStationId(city)
                  .setName(new String(letters(257 + random.nextInt(100_000))))
                  .build());
    };
  }

  /** A valid reading of the city (keyed by it, as ecostream's producers key readings). */
  private AirReading.Builder reading(String city) {
    AirReading valid = any(air);
    return AirReading.newBuilder(valid).setCityId(city == null ? valid.getCityId() : city);
  }

  private WaterSample.Builder sample(String city) {
    WaterSample valid = any(water);
    return WaterSample.newBuilder(valid).setCityId(city == null ? valid.getCityId() : city);
  }

  /**
   * A reading of {@link #FUZZ_CITY} for the hour of the valid reading before it on its partition:
   * it never moves the partition's event time, so it cannot make a valid reading late.
   */
  private AirReading.Builder fuzzReading(AirReading previous, String kind) {
    return AirReading.newBuilder()
        .setStationId(FUZZ_STATION + kind + (++serial))
        .setCityId(FUZZ_CITY)
        .setHourStart(previous.getHourStart())
        .setPm25(35.0)
        .setPm10(70.0)
        .setNo2(30.0);
  }

  private static WaterSample.Builder nothingMeasured(WaterSample.Builder sample) {
    WaterSample empty = WaterSample.newBuilder(sample.build()).build();
    for (var field : empty.getSchema().getFields()) {
      if (empty.get(field.pos()) instanceof Double) {
        empty.put(field.pos(), null);
      }
    }
    return WaterSample.newBuilder(empty);
  }

  /** A reading whose station id fills the record up to the broker's limit. */
  private byte[] atSizeLimit(byte[] key, AirReading.Builder reading) {
    byte[] base = airSerde.serialize("t", reading.setStationId("").build());
    // The id's length takes up to 3 more bytes as a varint.
    int idLength = brokerLimit - BATCH_OVERHEAD - key.length - base.length - 3;
    return airSerde.serialize("t", reading.setStationId(new String(letters(idLength))).build());
  }

  private byte[] air(AirReading.Builder reading) {
    return airSerde.serialize("t", reading.build());
  }

  private byte[] water(WaterSample.Builder sample) {
    return waterSerde.serialize("t", sample.build());
  }

  private byte[] truncated(byte[] whole) {
    return Arrays.copyOf(whole, random.nextInt(whole.length));
  }

  /** The header's marker with 8 random fingerprint bytes, then the body. */
  private byte[] unknownFingerprint(byte[] whole) {
    byte[] changed = whole.clone();
    for (int i = 2; i < 10; i++) {
      changed[i] = (byte) random.nextInt(256);
    }
    return changed;
  }

  /** A known header, then the first field's length as up to 2,000,000,000, then up to 20 bytes. */
  private byte[] lengthPastEnd(byte[] whole) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(whole, 0, 10);
    long n = (1_000L + random.nextInt(2_000_000_000)) << 1;
    while ((n & ~0x7FL) != 0) {
      out.write((int) ((n & 0x7F) | 0x80));
      n >>>= 7;
    }
    out.write((int) n);
    out.writeBytes(bytes(random.nextInt(21)));
    return out.toByteArray();
  }

  private <T> T any(List<T> records) {
    return records.get(random.nextInt(records.size()));
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private byte[] letters(int size) {
    byte[] letters = new byte[size];
    for (int i = 0; i < size; i++) {
      letters[i] = (byte) ('a' + random.nextInt(26));
    }
    return letters;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
