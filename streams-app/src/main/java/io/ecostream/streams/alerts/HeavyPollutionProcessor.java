package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker.Step;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs a city's figures through its {@link HeavyPollutionTracker} state and forwards the alerts
 * that changed, keyed by alert id and stamped with the event time of the figure that changed them.
 * Input keyed by city id, so that all of a city's days meet in one state.
 */
final class HeavyPollutionProcessor implements Processor<String, CityDaily, String, Alert> {

  private final String storeName;
  private final HeavyPollutionTracker tracker;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, HeavyPollutionState> store;

  HeavyPollutionProcessor(String storeName, HeavyPollutionTracker tracker) {
    this.storeName = storeName;
    this.tracker = tracker;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CityDaily> record) {
    CityDaily daily = record.value();
    if (daily == null) {
      return;
    }
    String cityId = daily.getCityId();
    HeavyPollutionState stored = store.get(cityId);
    CityAlertState state =
        stored == null ? CityAlertState.empty(cityId) : HeavyPollutionCodec.fromAvro(stored);
    Step step = tracker.next(state, HeavyPollutionCodec.update(daily, record.timestamp()));
    if (step.stateChanged(state)) {
      store.put(cityId, HeavyPollutionCodec.toAvro(step.state()));
    }
    for (AlertChange change : step.changes()) {
      context.forward(
          record
              .withKey(change.alertId())
              .withValue(HeavyPollutionCodec.alert(change))
              .withTimestamp(change.eventTime().toEpochMilli()));
    }
  }
}
