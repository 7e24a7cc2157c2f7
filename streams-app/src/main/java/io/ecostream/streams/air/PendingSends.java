package io.ecostream.streams.air;

import io.ecostream.streams.metrics.PipelineMetrics;
import java.util.Arrays;

/**
 * The send times of a city's readings whose city-hour figure is not out yet, with their hours: when
 * an hour's figure is forwarded, each of its readings is measured once ({@code
 * ecostream.latency{figure="city-hourly"}}) and forgotten. Two parallel arrays, grown when needed
 * and then reused, so that a reading costs no allocation. Few entries wait at a time: every hour
 * but the city's newest is published with the reading that changed it, and the newest at the latest
 * at the next punctuation. Beyond {@link #LIMIT} (a burst of one city's readings within a commit
 * interval) readings are left out of the measure.
 */
final class PendingSends {

  static final int LIMIT = 4096;

  private long[] hours = new long[4];
  private long[] sentAt = new long[4];
  private int size;

  void add(long hour, long sentAtMillis) {
    if (size == hours.length) {
      if (size >= LIMIT) {
        return;
      }
      hours = Arrays.copyOf(hours, size * 2);
      sentAt = Arrays.copyOf(sentAt, size * 2);
    }
    hours[size] = hour;
    sentAt[size] = sentAtMillis;
    size++;
  }

  /** The figure of {@code hour} went out at {@code nowMillis}: measures its readings. */
  void published(long hour, long nowMillis, PipelineMetrics metrics) {
    int i = 0;
    while (i < size) {
      if (hours[i] == hour) {
        metrics.cityHourlyLatency(sentAt[i], nowMillis);
        size--;
        hours[i] = hours[size];
        sentAt[i] = sentAt[size];
      } else {
        i++;
      }
    }
  }

  int size() {
    return size;
  }
}
