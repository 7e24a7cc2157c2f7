package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker.Step;
import io.ecostream.streams.state.WriteAtCommitStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heavy-pollution alerts (day and episode, see {@link HeavyPollutionTracker}) of the cities of
 * one task: each city's tracker state in memory, written through to the store (key city id) when
 * a figure changes it.
 */
public final class HeavyPollutionAlerts {

  private final HeavyPollutionTracker tracker;
  private final Map<String, CityAlertState> states = new HashMap<>();
  private WriteAtCommitStore<HeavyPollutionState> store;

  public HeavyPollutionAlerts() {
    this(HeavyPollutionRules.defaults());
  }

  public HeavyPollutionAlerts(HeavyPollutionRules rules) {
    this.tracker = new HeavyPollutionTracker(rules);
  }

  /** Binds to the task's store and forgets what an earlier task of this instance held. */
  public void init(WriteAtCommitStore<HeavyPollutionState> store) {
    this.store = store;
    states.clear();
  }

  /**
   * Runs one figure of a city's day through the city's tracker.
   *
   * @param eventTime the event time of the data that settled the figure
   * @return the alerts that changed, keyed by their ids
   */
  public List<Alert> update(CityDaily daily, Instant eventTime) {
    String cityId = daily.getCityId();
    CityAlertState state = states.get(cityId);
    if (state == null) {
      HeavyPollutionState stored = store.get(cityId);
      state = stored == null ? CityAlertState.empty(cityId) : HeavyPollutionCodec.fromAvro(stored);
    }
    Step step = tracker.next(state, HeavyPollutionCodec.update(daily, eventTime.toEpochMilli()));
    states.put(cityId, step.state());
    if (step.stateChanged(state)) {
      store.put(cityId, () -> HeavyPollutionCodec.toAvro(states.get(cityId)));
    }
    List<Alert> alerts = new ArrayList<>(step.changes().size());
    for (AlertChange change : step.changes()) {
      alerts.add(HeavyPollutionCodec.alert(change));
    }
    return alerts;
  }
}
