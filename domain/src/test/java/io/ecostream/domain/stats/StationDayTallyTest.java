package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.Pollutant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StationDayTallyTest {

  private static final ValidityRules RULES = ValidityRules.defaults();
  private static final ValidityRules RUNNING = CityDay.runningRules(RULES);

  @Test
  void shouldTallyHoursAppendedInTimeOrder() {
    StationDayTally tally = new StationDayTally();
    // PM2.5 10, 20, … 200 in slots 0-19: 20 values summing to 2 100.
    for (int slot = 0; slot < 20; slot++) {
      tally.set(slot, Pollutant.PM2_5, 10.0 * (slot + 1));
    }
    assertThat(tally.count(Pollutant.PM2_5)).isEqualTo(20);
    assertThat(tally.sum(Pollutant.PM2_5)).isEqualTo(2100.0);
    assertThat(tally.hoursWithData()).isEqualTo((1 << 20) - 1);
    assertThat(tally.count(Pollutant.SO2)).isZero();
  }

  @Test
  void shouldTakeTheMda8FromTheBestWindow() {
    StationDayTally tally = new StationDayTally();
    // O3 100 in slots 0-7, 200 in 8-15, 40 in 16-23: the window of slots 8-15 averages 200, the
    // largest of 17 valid windows; the 1-hour maximum is 200.
    for (int slot = 0; slot < 24; slot++) {
      tally.set(slot, Pollutant.O3, slot < 8 ? 100 : slot < 16 ? 200 : 40);
    }
    assertThat(tally.mda8(RULES)).isEqualTo(new Mda8(200, 17, true));
    assertThat(tally.o3Max1h(RULES)).isEqualTo(200.0);
  }

  @Test
  void shouldCountOnlyWindowsWithSixHoursAndTheMaximumOnlyWithTwentyHours() {
    StationDayTally tally = new StationDayTally();
    // O3 in slots 0-5 only: only the window of slots 0-7 has 6 values (mean 60); 6 hours give no
    // daily 1-hour maximum under the 20-hour rule, but do under the running rules (any hour).
    for (int slot = 0; slot < 6; slot++) {
      tally.set(slot, Pollutant.O3, 10.0 * (slot + 1) + 25);
    }
    assertThat(tally.mda8(RULES)).isEqualTo(new Mda8(60, 1, false));
    assertThat(tally.o3Max1h(RULES)).isNaN();
    assertThat(tally.o3Max1h(RUNNING)).isEqualTo(85.0);
  }

  @Test
  void shouldRecomputeWhatALateOrChangedHourMakesStale() {
    StationDayTally tally = new StationDayTally();
    tally.set(5, Pollutant.NO2, 30);
    tally.set(6, Pollutant.NO2, 50);
    tally.set(2, Pollutant.NO2, 10); // behind a later hour
    assertThat(tally.count(Pollutant.NO2)).isEqualTo(3);
    assertThat(tally.sum(Pollutant.NO2)).isEqualTo(90.0);
    tally.set(6, Pollutant.NO2, Double.NaN); // flagged away
    tally.set(5, Pollutant.NO2, 35); // replaced
    assertThat(tally.count(Pollutant.NO2)).isEqualTo(2);
    assertThat(tally.sum(Pollutant.NO2)).isEqualTo(45.0);
    assertThat(tally.hoursWithData()).isEqualTo(1 << 2 | 1 << 5);
  }

  /**
   * Random days written as the city task writes them (mostly the next hour, sometimes an hour
   * behind, a value replaced or flagged away, the day cleared), checked after every write against a
   * pass over the same values with the domain's own statistics: every figure must be the same
   * double, so that a city's day does not depend on how its stations' days were built.
   */
  @Test
  void shouldGiveTheFiguresOfAPassOverTheDayWhateverTheOrderOfWrites() {
    Random random = new Random(20261206);
    for (int sequence = 0; sequence < 300; sequence++) {
      StationDayTally tally = new StationDayTally();
      // What the day must hold: a cleared day holds nothing of the day before it.
      double[] written = StationDay.empty();
      int next = 0;
      for (int write = 0; write < 60; write++) {
        int kind = random.nextInt(20);
        if (kind == 0) {
          tally.clear();
          written = StationDay.empty();
          next = 0;
        } else if (kind < 4 && next > 0) {
          int slot = random.nextInt(next);
          for (Pollutant pollutant : Pollutant.values()) {
            double value = random.nextBoolean() ? Double.NaN : value(random);
            tally.set(slot, pollutant, value);
            written[StationDay.index(pollutant, slot)] = value;
          }
        } else if (next < 24) {
          for (Pollutant pollutant : Pollutant.values()) {
            double value = random.nextInt(8) == 0 ? Double.NaN : value(random);
            tally.set(next, pollutant, value);
            written[StationDay.index(pollutant, next)] = value;
          }
          next++;
        }
        assertThat(tally.values())
            .as("sequence %d, write %d", sequence, write)
            .containsExactly(written);
        assertSameAsAPassOver(tally, sequence, write);
      }
    }
  }

  private static double value(Random random) {
    // Fractions that make the order of additions matter to the last bit.
    return random.nextInt(400) + random.nextDouble();
  }

  private static void assertSameAsAPassOver(StationDayTally tally, int sequence, int write) {
    double[] day = tally.values().clone();
    String at = "sequence " + sequence + ", write " + write + ": " + Arrays.toString(day);
    int hoursWithData = 0;
    for (Pollutant pollutant : Pollutant.values()) {
      double[] hourly =
          Arrays.copyOfRange(
              day, pollutant.ordinal() * StationDay.HOURS, (pollutant.ordinal() + 1) * 24);
      int present = 0;
      double sum = 0;
      for (int slot = 0; slot < 24; slot++) {
        if (!Double.isNaN(hourly[slot])) {
          present++;
          sum += hourly[slot];
          hoursWithData |= 1 << slot;
        }
      }
      assertThat(tally.count(pollutant)).as(at).isEqualTo(present);
      assertSameDouble(tally.sum(pollutant), sum, at);
      if (pollutant == Pollutant.O3) {
        assertThat(tally.mda8(RULES)).as(at).isEqualTo(Ozone.dailyMax8h(hourly, RULES));
        assertThat(tally.mda8(RUNNING)).as(at).isEqualTo(Ozone.dailyMax8h(hourly, RUNNING));
        assertSameDouble(tally.o3Max1h(RULES), Ozone.dailyMax1h(hourly, RULES), at);
        assertSameDouble(tally.o3Max1h(RUNNING), Ozone.dailyMax1h(hourly, RUNNING), at);
      }
    }
    assertThat(tally.hoursWithData()).as(at).isEqualTo(hoursWithData);
  }

  /** The same double to the last bit (NaN included). */
  private static void assertSameDouble(double actual, double expected, String at) {
    assertThat(Double.doubleToLongBits(actual))
        .as("%s: %s, expected %s", at, actual, expected)
        .isEqualTo(Double.doubleToLongBits(expected));
  }
}
