package io.ecostream.streams.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HeavyPollutionTracker#next} decides most figures from their own day only; these seeded
 * random streams of one city check that it says and keeps exactly what {@link
 * HeavyPollutionTracker#nextInFull} does, step by step, whichever way each figure goes.
 */
class HeavyPollutionTrackerEquivalenceTest {

  private static final int SEQUENCES = 400;
  private static final int STEPS = 300;
  private static final String CITY = "binzhou";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** How many steps of all sequences went which way, so the test knows it covered both. */
  private int openDaySteps;

  private int openDayChanges;
  private int otherSteps;
  private int otherChanges;
  private int ignoredSteps;
  private int prunedSteps;

  @Test
  void shouldGiveTheSameStatesAndAlertsAsTheFullPathForRandomFigures() {
    for (long seed = 1; seed <= SEQUENCES; seed++) {
      runSequence(seed);
    }

    assertThat(openDaySteps).isGreaterThan(SEQUENCES * STEPS / 3);
    assertThat(openDayChanges).isGreaterThan(SEQUENCES);
    assertThat(otherSteps).isGreaterThan(SEQUENCES * 10);
    assertThat(otherChanges).isGreaterThan(SEQUENCES);
    assertThat(ignoredSteps).isGreaterThan(SEQUENCES);
    assertThat(prunedSteps).isGreaterThan(SEQUENCES);
  }

  private void runSequence(long seed) {
    Random random = new Random(seed);
    HeavyPollutionRules rules =
        new HeavyPollutionRules(
            HeavyPollutionRules.HEAVY_ABOVE_AQI,
            HeavyPollutionRules.MIN_HOURS_FOR_PROVISIONAL,
            HeavyPollutionRules.CLOSE_AFTER_HOURS,
            random.nextBoolean() ? 1 + random.nextInt(4) : HeavyPollutionRules.CORRECTION_DAYS);
    HeavyPollutionTracker tracker = new HeavyPollutionTracker(rules);
    Figures figures = new Figures(random, rules.correctionDays());
    CityAlertState fast = CityAlertState.empty(CITY);
    CityAlertState full = CityAlertState.empty(CITY);

    for (int step = 0; step < STEPS; step++) {
      CityDayUpdate update = figures.next();
      HeavyPollutionTracker.Step fastStep = tracker.next(fast, update);
      HeavyPollutionTracker.Step fullStep = tracker.nextInFull(full, update);
      String where = "seed " + seed + ", step " + step + ", " + update;

      assertThat(fastStep.changes()).as(where).isEqualTo(fullStep.changes());
      assertThat(fastStep.state()).as(where).isEqualTo(fullStep.state());
      assertThat(fastStep.stateChanged(fast)).as(where).isEqualTo(fullStep.stateChanged(full));
      count(full, fullStep, update);
      fast = fastStep.state();
      full = fullStep.state();
    }
  }

  private void count(CityAlertState before, HeavyPollutionTracker.Step step, CityDayUpdate update) {
    CityAlertState after = step.state();
    if (!step.stateChanged(before)) {
      ignoredSteps++;
      return;
    }
    boolean open = before.closedThrough() == null || update.date().isAfter(before.closedThrough());
    boolean closesNoDay =
        before.closedThrough() == null
            ? after.closedThrough() == null
            : before.closedThrough().equals(after.closedThrough());
    if (open && closesNoDay) {
      openDaySteps++;
      openDayChanges += step.changes().size();
    } else {
      otherSteps++;
      otherChanges += step.changes().size();
    }
    if (!after.days().isEmpty()
        && !before.days().isEmpty()
        && after.days().firstKey().isAfter(before.days().firstKey())) {
      prunedSteps++;
    }
  }

  /**
   * A city's figures as they come: mostly the hours of its newest day, the running AQI wandering
   * around 200, now and then the next day starting (some closing the days before, some not yet),
   * corrections of earlier days, complete or not, and replays of revisions already sent.
   */
  private static final class Figures {

    private final Random random;
    private final int correctionDays;
    private final Map<LocalDate, Long> revisions = new HashMap<>();
    private final List<CityDayUpdate> sent = new ArrayList<>();
    private LocalDate newest = LocalDate.of(2024, 1, 1);
    private int newestHours;
    private int runningAqi = 200;

    Figures(Random random, int correctionDays) {
      this.random = random;
      this.correctionDays = correctionDays;
    }

    CityDayUpdate next() {
      int roll = random.nextInt(100);
      CityDayUpdate update;
      if (roll < 8 && !sent.isEmpty()) {
        update = sent.get(random.nextInt(sent.size()));
      } else if (roll < 20) {
        LocalDate day = newest.minusDays(1 + random.nextInt(correctionDays + 3));
        update = figure(day, random.nextInt(25), aroundTwoHundred());
      } else if (roll < 32) {
        newest = newest.plusDays(random.nextInt(6) == 0 ? 2 : 1);
        newestHours = random.nextInt(4);
        runningAqi = aroundTwoHundred();
        update = figure(newest, newestHours, runningAqi);
      } else {
        newestHours = Math.min(24, newestHours + random.nextInt(3));
        runningAqi = Math.max(0, runningAqi + random.nextInt(31) - 15);
        update = figure(newest, newestHours, runningAqi);
      }
      sent.add(update);
      return update;
    }

    private int aroundTwoHundred() {
      return 170 + random.nextInt(61);
    }

    /**
     * A revision of the day after {@code hours} hours of data; the station-hours are a little off a
     * whole number per station now and then, so each threshold is met by one station-hour.
     */
    private CityDayUpdate figure(LocalDate date, int hours, int running) {
      int stations = 1 + random.nextInt(6);
      int stationHours = Math.max(0, hours * stations + random.nextInt(3) - 1);
      if (random.nextInt(20) == 0) {
        stationHours = 0;
      }
      boolean complete = hours == 24;
      Integer aqi = complete || random.nextInt(10) == 0 ? aroundTwoHundred() : null;
      boolean valid = aqi != null && random.nextInt(5) != 0;
      return new CityDayUpdate(
          CITY,
          date,
          revisions.merge(date, 1L, Long::sum),
          random.nextInt(15) == 0 ? null : running,
          aqi,
          valid,
          stationHours,
          stationHours == 0 ? 0 : stations,
          date.atTime(Math.max(0, Math.min(23, hours - 1)), 0).atZone(CHINA).toInstant());
    }
  }
}
