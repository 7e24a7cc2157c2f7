package io.ecostream.topics;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header {@value #NAME} of an air reading: the wall-clock time its producer sent it, 8 bytes,
 * big-endian epoch milliseconds. ecostream's producers (simulate, replay) add it; the streams app
 * measures from it how long a reading takes to become a station-hour and a city-hour figure. A
 * reading without it (another producer) is processed the same and only left out of that measure.
 */
public final class SentAtHeader {

  public static final String NAME = "ecostream-sent-at";

  /** What {@link #millis} returns for a header that is missing or not 8 bytes long. */
  public static final long ABSENT = Long.MIN_VALUE;

  private SentAtHeader() {}

  public static byte[] value(long epochMillis) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) epochMillis;
      epochMillis >>>= 8;
    }
    return bytes;
  }

  /** The send time in the record's headers (the last {@value #NAME}), or {@link #ABSENT}. */
  public static long millis(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(NAME);
    return header == null ? ABSENT : millis(header.value());
  }

  /** The epoch milliseconds of a header value, or {@link #ABSENT}; decoded in place, no buffer. */
  public static long millis(byte[] value) {
    if (value == null || value.length != Long.BYTES) {
      return ABSENT;
    }
    long millis = 0;
    for (byte b : value) {
      millis = (millis << 8) | (b & 0xFF);
    }
    return millis;
  }
}
