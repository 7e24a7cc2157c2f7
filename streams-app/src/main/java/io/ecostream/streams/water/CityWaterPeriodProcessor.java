package io.ecostream.streams.water;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.internal.CityWaterYearState;
import java.time.YearMonth;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each city's sections' monthly means per calendar year and emits the month and year-to-date
 * water figures of the month a changed section-month belongs to. Input keyed by city id.
 */
final class CityWaterPeriodProcessor implements Processor<String, SectionMonth, String, CityWaterPeriod> {

  private final String storeName;
  private final CityWaterPeriods periods;
  private ProcessorContext<String, CityWaterPeriod> context;
  private KeyValueStore<String, CityWaterYearState> years;

  CityWaterPeriodProcessor(String storeName, CityWaterPeriods periods) {
    this.storeName = storeName;
    this.periods = periods;
  }

  @Override
  public void init(ProcessorContext<String, CityWaterPeriod> context) {
    this.context = context;
    this.years = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, SectionMonth> record) {
    SectionMonth figure = record.value();
    if (figure == null) {
      return;
    }
    YearMonth month = YearMonth.parse(figure.getMonth());
    String key = CityWaterPeriods.yearKey(figure.getCityId(), month.getYear());
    CityWaterYearState year = years.get(key);
    if (year == null) {
      year = CityWaterPeriods.emptyYear(figure.getCityId(), month.getYear());
    }
    if (!CityWaterPeriods.put(year, figure)) {
      return;
    }
    CityWaterYearState previousYear =
        years.get(CityWaterPeriods.yearKey(figure.getCityId(), month.getYear() - 1));
    for (CityWaterPeriod period : periods.figures(year, previousYear, month.getMonthValue())) {
      period.setRevision(year.getRevisions().merge(period.getPeriod(), 1L, Long::sum));
      context.forward(record.withKey(period.getCityId() + "@" + period.getPeriod()).withValue(period));
    }
    years.put(key, year);
  }
}
