package io.ecostream.streams.alerts;

import io.ecostream.avro.Alert;
import io.ecostream.avro.internal.HeavyPollutionState;
import io.ecostream.streams.alerts.rules.AlertChange;
import io.ecostream.streams.alerts.rules.CityAlertState;
import io.ecostream.streams.alerts.rules.CityDayUpdate;
import io.ecostream.streams.alerts.rules.HeavyPollutionRules;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker;
import io.ecostream.streams.alerts.rules.HeavyPollutionTracker.Step;
import io.ecostream.streams.state.WriteAtCommitStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heavy-pollution alerts (day and episode, see {@link HeavyPollutionTracker}) of the cities of one
 * task: each city's tracker state in memory, written to the store (key city id) at the commit after
 * a figure changed it.
 */
public final class HeavyPollutionAlerts {

  /** A city's tracker state as the task holds it; written as of the commit. */
  private static final class CityAlerts extends WriteAtCommitStore.LiveValue<HeavyPollutionState> {
    private final String cityId;
    private CityAlertState state;

    CityAlerts(String cityId, CityAlertState state) {
      this.cityId = cityId;
      this.state = state;
    }

    @Override
    protected void write(WriteAtCommitStore.Writes<HeavyPollutionState> writes) {
      writes.put(cityId, HeavyPollutionCodec.toAvro(state));
    }
  }

  private final HeavyPollutionTracker tracker;
  private final Map<String, CityAlerts> cities = new HashMap<>();
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
    cities.clear();
  }

  /**
   * Runs one figure of a city's day through the city's tracker; its event time is that of the data
   * that settled the figure.
   *
   * @return the alerts that changed, keyed by their ids
   */
  public List<Alert> update(CityDayUpdate figure) {
    CityAlerts city = cities.computeIfAbsent(figure.cityId(), this::stored);
    Step step = tracker.next(city.state, figure);
    if (step.stateChanged(city.state)) {
      city.state = step.state();
      store.changed(city);
    }
    List<Alert> alerts = new ArrayList<>(step.changes().size());
    for (AlertChange change : step.changes()) {
      alerts.add(HeavyPollutionCodec.alert(change));
    }
    return alerts;
  }

  private CityAlerts stored(String cityId) {
    HeavyPollutionState stored = store.get(cityId);
    return new CityAlerts(
        cityId,
        stored == null ? CityAlertState.empty(cityId) : HeavyPollutionCodec.fromAvro(stored));
  }
}
