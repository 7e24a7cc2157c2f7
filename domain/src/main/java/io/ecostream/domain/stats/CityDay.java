package io.ecostream.domain.stats;

import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.DailyAqi;
import io.ecostream.domain.air.Pollutant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A city's natural day from the hourly values of its stations. Each station's daily statistics
 * follow GB 3095 Table 4 ({@link ValidityRules}: daily means need 20 hours, the MDA8 its 8-hour
 * windows); the city value of a pollutant is the arithmetic mean of the values of the stations that
 * have a valid one (HJ 663 [R]: the mean of the concentrations of the valid stations, not of their
 * AQIs); the daily AQI is computed from the city values by the HJ 633 edition in force on that
 * date.
 *
 * @param values daily means of SO2, NO2, PM10, PM2.5, CO and, as {@code o3}, the O3 MDA8; NaN where
 *     no station has a valid value
 * @param o3Max1h O3 daily maximum 1-hour value (enters the 2012 daily AQI), NaN when missing
 * @param aqi the daily AQI with its IAQIs, primary pollutants and category
 * @param stationsReporting stations with at least one hourly value that day
 * @param stationsComplete stations with a valid daily value for all six pollutants
 * @param stationHours station-hours with at least one pollutant's value
 * @param dustAffected whether {@link DustRule} flags the day from the city's PM values as published
 *     (rounded), the values the period statistics see
 * @param runningAqi the AQI of the hours received so far, with every station-pollutant that has any
 *     hour counted (no 20-hour rule, MDA8 from the valid 8-hour windows so far): an early sign of
 *     the day's AQI while it is open, for provisional alerts; {@link
 *     io.ecostream.domain.air.Iaqi#NONE} when not available
 */
public record CityDay(
    LocalDate date,
    AqiEdition edition,
    PollutantValues values,
    double o3Max1h,
    AqiResult aqi,
    int stationsReporting,
    int stationsComplete,
    int stationHours,
    boolean dustAffected,
    int runningAqi) {

  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  /**
   * @param stationDays each station's day in the {@link StationDay} layout
   */
  public static CityDay of(
      LocalDate date, Collection<double[]> stationDays, ValidityRules rules, DustRule dust) {
    List<StationDayTally> tallies = new ArrayList<>(stationDays.size());
    for (double[] day : stationDays) {
      tallies.add(StationDayTally.of(day));
    }
    return ofTallies(date, tallies, rules, dust);
  }

  /**
   * @param stationDays each station's day with its tallies, kept up to date by the caller
   */
  public static CityDay ofTallies(
      LocalDate date, Collection<StationDayTally> stationDays, ValidityRules rules, DustRule dust) {
    return compute(date, stationDays, rules, dust);
  }

  /**
   * The rules of the running figure: any hour counts, 8-hour windows keep their 6-hour rule.
   * Applied beside the day's own rules to the same station tallies ({@link #compute}).
   */
  static ValidityRules runningRules(ValidityRules rules) {
    return new ValidityRules(
        1,
        rules.minHoursPer8h(),
        1,
        rules.mda8ValidAboveLimit(),
        rules.mda8Limit(),
        1,
        rules.minDaysPerMonth(),
        rules.minDaysPerFebruary(),
        rules.minDaysPerYear());
  }

  /**
   * The day under its rules and, from the same sums, its running AQI under {@link #runningRules}:
   * the two differ only in how many hours and windows a value needs, so both read each station's
   * counts and sums ({@link StationDayTally}).
   */
  private static CityDay compute(
      LocalDate date, Collection<StationDayTally> stationDays, ValidityRules rules, DustRule dust) {
    ValidityRules running = runningRules(rules);
    double[] sums = new double[POLLUTANTS.length];
    int[] counts = new int[POLLUTANTS.length];
    double[] runningSums = new double[POLLUTANTS.length];
    int[] runningCounts = new int[POLLUTANTS.length];
    double max1hSum = 0;
    int max1hCount = 0;
    double runningMax1hSum = 0;
    int runningMax1hCount = 0;
    int reporting = 0;
    int complete = 0;
    int stationHours = 0;
    for (StationDayTally day : stationDays) {
      int validPollutants = 0;
      for (Pollutant pollutant : POLLUTANTS) {
        int p = pollutant.ordinal();
        double value;
        double runningValue;
        if (pollutant == Pollutant.O3) {
          Mda8 mda8 = day.mda8(rules);
          value = mda8.valueOrNaN();
          runningValue = Ozone.judgedBy(mda8, rules, running).valueOrNaN();
          double max1h = day.o3Max1h(rules);
          if (!Double.isNaN(max1h)) {
            max1hSum += max1h;
            max1hCount++;
          }
          double runningMax1h = day.o3Max1h(running);
          if (!Double.isNaN(runningMax1h)) {
            runningMax1hSum += runningMax1h;
            runningMax1hCount++;
          }
        } else {
          int present = day.count(pollutant);
          double mean = present == 0 ? Double.NaN : day.sum(pollutant) / present;
          value = present >= rules.minHoursPerDay() ? mean : Double.NaN;
          runningValue = present >= running.minHoursPerDay() ? mean : Double.NaN;
        }
        if (!Double.isNaN(value)) {
          sums[p] += value;
          counts[p]++;
          validPollutants++;
        }
        if (!Double.isNaN(runningValue)) {
          runningSums[p] += runningValue;
          runningCounts[p]++;
        }
      }
      complete += validPollutants == POLLUTANTS.length ? 1 : 0;
      int hours = Integer.bitCount(day.hoursWithData());
      stationHours += hours;
      reporting += hours > 0 ? 1 : 0;
    }
    AqiEdition edition = AqiEdition.forDate(date);
    PollutantValues values = means(sums, counts);
    double o3Max1h = max1hCount == 0 ? Double.NaN : max1hSum / max1hCount;
    AqiResult aqi = dailyAqi(edition, values, o3Max1h);
    double runningO3Max1h =
        runningMax1hCount == 0 ? Double.NaN : runningMax1hSum / runningMax1hCount;
    int runningAqi = dailyAqi(edition, means(runningSums, runningCounts), runningO3Max1h).aqi();
    PollutantValues published = values.published();
    boolean dustAffected =
        !Double.isNaN(published.pm10())
            && !Double.isNaN(published.pm25())
            && dust.matches(published.pm10(), published.pm25());
    return new CityDay(
        date,
        edition,
        values,
        o3Max1h,
        aqi,
        reporting,
        complete,
        stationHours,
        dustAffected,
        runningAqi);
  }

  private static PollutantValues means(double[] sums, int[] counts) {
    return new PollutantValues(
        mean(sums, counts, Pollutant.SO2),
        mean(sums, counts, Pollutant.NO2),
        mean(sums, counts, Pollutant.PM10),
        mean(sums, counts, Pollutant.PM2_5),
        mean(sums, counts, Pollutant.CO),
        mean(sums, counts, Pollutant.O3));
  }

  private static AqiResult dailyAqi(AqiEdition edition, PollutantValues values, double o3Max1h) {
    return DailyAqi.builder(edition)
        .so2(present(values.so2()))
        .no2(present(values.no2()))
        .co(present(values.co()))
        .pm10(present(values.pm10()))
        .pm25(present(values.pm25()))
        .o3Max8h(present(values.o3()))
        .o3Max1h(present(o3Max1h))
        .compute();
  }

  /** The day as an input of the period statistics. */
  public DailyRecord toDailyRecord(boolean flaggedAsDust) {
    return DailyRecord.of(date, values, aqi, flaggedAsDust || dustAffected);
  }

  private static double mean(double[] sums, int[] counts, Pollutant pollutant) {
    int count = counts[pollutant.ordinal()];
    return count == 0 ? Double.NaN : sums[pollutant.ordinal()] / count;
  }

  private static Double present(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
