package io.ecostream.streams.water;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionMonthState;
import io.ecostream.streams.air.AirQueries;
import io.ecostream.streams.config.PipelineSettings;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The water figures the query API serves, read from this instance's stores of the city water task
 * ({@link CityWaterProcessor}). A city's period is the figure the task stored as it published it,
 * so it is the last {@code water.city-period} record of its key, revision included. A section's
 * month is assessed from its stored samples by the code that publishes it, so it equals the last
 * {@code water.section-month} record of its key once the task has published the month (a section's
 * newest month at most a commit interval after its latest sample).
 *
 * <p>Only the years a city keeps are answered: its newest and the one before ({@link
 * CityWaterYears}). Which instance holds a city is the caller's concern: the methods take the
 * partition of the city id in {@link #CITY_STORE}.
 */
public final class WaterQueries {

  /**
   * A store of the city water task keyed by city id. The task's inputs are keyed by city id
   * (samples as ecostream's producers send them with the default partitioner, or re-keyed; the
   * sections' Station records re-keyed), all with as many partitions as {@code water.readings}, so
   * the partition of a city id in this store is the partition of all its water state.
   */
  public static final String CITY_STORE = CityWaterProcessor.CITY_PROVINCE_STORE;

  private static final StringSerializer KEYS = new StringSerializer();

  private final AirQueries.LocalStores stores;
  private final SectionMonthAggregation months;

  public WaterQueries(PipelineSettings settings, AirQueries.LocalStores stores) {
    this.stores = stores;
    SectionAssessor assessor = new SectionAssessor(settings.water().sea());
    this.months =
        new SectionMonthAggregation(new SectionSamples(settings.zone(), assessor), assessor);
  }

  /**
   * The city's figure of a month ({@code yyyy-MM}, month to date) or a year ({@code yyyy}, year to
   * date), as last published: empty when none was, or its year is no longer kept.
   *
   * @throws java.time.format.DateTimeParseException when the period is of neither form
   */
  public Optional<CityWaterPeriod> cityPeriod(String cityId, String period, int partition) {
    int year =
        period.length() == 7 ? YearMonth.parse(period).getYear() : Year.parse(period).getValue();
    CityWaterYearState state =
        stores
            .<CityWaterYearState>store(CityWaterProcessor.CITY_YEARS_STORE, partition)
            .get(CityWaterPeriods.yearKey(cityId, year));
    return state == null ? Optional.empty() : Optional.ofNullable(state.getPublished().get(period));
  }

  /**
   * Whether the partition knows the city: a water Station record named its province, or one of its
   * samples was taken in (its year is stored from the first one on, published or not). Two lookups
   * by key, no scan of the partition.
   */
  public boolean knowsCity(String cityId, int partition) {
    if (stores.<String>store(CityWaterProcessor.CITY_PROVINCE_STORE, partition).get(cityId)
        != null) {
      return true;
    }
    try (KeyValueIterator<String, CityWaterYearState> years =
        stores
            .<CityWaterYearState>store(CityWaterProcessor.CITY_YEARS_STORE, partition)
            .prefixScan(CityWaterPeriods.yearKeyPrefix(cityId), KEYS)) {
      return years.hasNext();
    }
  }

  /**
   * The section's figure of a month, as the task publishes it; empty when the section has no sample
   * of that month in a year its city keeps (its first samples may still wait for its Station
   * record).
   *
   * <p>A section lives in its city's partition. With {@code partition} null (the caller does not
   * know the city) every local partition of the city task is asked: one lookup by key per partition
   * this instance holds instead of one, and a section of a partition held by another instance is
   * not found here, so the caller must ask each instance in turn.
   */
  public Optional<SectionMonth> sectionMonth(String stationId, YearMonth month, Integer partition) {
    SectionMonthState state =
        stores
            .<SectionMonthState>store(CityWaterProcessor.SECTION_MONTHS_STORE, partition)
            .get(SectionSamples.monthKey(stationId, month));
    return state == null ? Optional.empty() : Optional.of(months.figure(state));
  }
}
