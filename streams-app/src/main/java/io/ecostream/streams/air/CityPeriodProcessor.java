package io.ecostream.streams.air;

import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.internal.CityYearState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each city's daily values per calendar year and emits the month-to-date and year-to-date
 * figures of the month and year a changed day belongs to. Input keyed by city id.
 */
public final class CityPeriodProcessor implements Processor<String, CityDaily, String, CityPeriod> {

  private final String storeName;
  private final CityPeriods periods;
  private ProcessorContext<String, CityPeriod> context;
  private KeyValueStore<String, CityYearState> years;

  public CityPeriodProcessor(String storeName, CityPeriods periods) {
    this.storeName = storeName;
    this.periods = periods;
  }

  @Override
  public void init(ProcessorContext<String, CityPeriod> context) {
    this.context = context;
    this.years = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CityDaily> record) {
    CityDaily daily = record.value();
    if (daily == null) {
      return;
    }
    int year = daily.getDate().getYear();
    String key = CityPeriods.yearKey(daily.getCityId(), year);
    CityYearState state = years.get(key);
    if (state == null) {
      state = CityPeriods.emptyYear(daily.getCityId(), year);
    }
    if (!CityPeriods.put(state, daily)) {
      return;
    }
    CityYearState previousYear = years.get(CityPeriods.yearKey(daily.getCityId(), year - 1));
    for (CityPeriod figure : periods.figures(state, previousYear, daily.getDate())) {
      context.forward(record.withKey(figure.getCityId() + "@" + figure.getPeriod()).withValue(figure));
    }
    years.put(key, state);
  }
}
