package io.ecostream.streams.alerts.rules;

import static io.ecostream.streams.alerts.rules.Figure.day;
import static io.ecostream.streams.alerts.rules.Figure.january;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import io.ecostream.streams.alerts.rules.CityAlertState.Day;
import io.ecostream.streams.alerts.rules.CityAlertState.Episode;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tracker hands its own maps to the state uncopied; whoever else builds one still cannot. */
class CityAlertStateTest {

  @Test
  void shouldKeepItsOwnCopyOfTheMapsItIsGiven() {
    TreeMap<LocalDate, Day> days = new TreeMap<>();
    days.put(january(15), new Day(day(15).daily(230).withRevision(1), Status.PROVISIONAL));
    TreeMap<LocalDate, Episode> episodes = new TreeMap<>();
    CityAlertState state = new CityAlertState("binzhou", null, days, episodes);

    days.put(january(16), new Day(day(16).daily(150).withRevision(1), null));
    episodes.put(
        january(15), new Episode(january(15), january(15), 230, AlertChange.Status.RAISED));

    assertThat(state.days()).containsOnlyKeys(january(15));
    assertThat(state.episodes()).isEmpty();
  }

  @Test
  void shouldNotLetItsMapsBeChanged() {
    CityAlertState state =
        new CityAlertState(
            "binzhou",
            null,
            new TreeMap<>(Map.of(january(15), new Day(day(15).daily(230).withRevision(1), null))),
            new TreeMap<>());

    assertThatThrownBy(() -> state.days().remove(january(15)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.days().headMap(january(16)).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.days().entrySet().iterator().next().setValue(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> state.episodes().put(january(15), null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldEqualAStateOfTheSameContentHoweverItWasBuilt() {
    HeavyPollutionTracker tracker = new HeavyPollutionTracker(HeavyPollutionRules.defaults());
    CityAlertState tracked =
        tracker.next(CityAlertState.empty("binzhou"), day(15).daily(230).withRevision(1)).state();

    CityAlertState rebuilt =
        new CityAlertState(
            "binzhou",
            tracked.closedThrough(),
            new TreeMap<>(tracked.days()),
            new TreeMap<>(tracked.episodes()));

    assertThat(rebuilt).isEqualTo(tracked).hasSameHashCodeAs(tracked);
    assertThat(tracked.days()).isEqualTo(new TreeMap<>(rebuilt.days()));
    assertThat(
            new CityAlertState(
                "binzhou", tracked.closedThrough(), tracked.days(), tracked.episodes()))
        .isEqualTo(tracked);
  }

  /**
   * The figures of the newest day replace one another apart from the other days; the state still
   * reads, compares and copies as one map of days.
   */
  @Test
  void shouldHoldTheNewestDaysFiguresAsOneMapWithTheOthers() {
    HeavyPollutionTracker tracker = new HeavyPollutionTracker(HeavyPollutionRules.defaults());
    CityAlertState state = CityAlertState.empty("binzhou");
    state = tracker.next(state, day(15).running(150).hours(1).withRevision(1)).state();
    state = tracker.next(state, day(15).running(215).hours(8).withRevision(2)).state();
    state = tracker.next(state, day(15).running(190).hours(9).withRevision(3)).state();
    // The 16th's first hour closes nothing yet (the 15th closes after two hours of the 16th).
    state = tracker.next(state, day(16).running(120).hours(1).withRevision(4)).state();
    state = tracker.next(state, day(16).running(130).hours(1).withRevision(5)).state();

    // The 15th's eight hours closed every day before it; the figures after it closed no day.
    assertThat(state.closedThrough()).isEqualTo(january(14));
    assertThat(state.days()).containsOnlyKeys(january(15), january(16));
    assertThat(state.day(january(15)))
        .isEqualTo(new Day(day(15).running(190).hours(9).withRevision(3), Status.PROVISIONAL))
        .isEqualTo(state.days().get(january(15)));
    assertThat(state.day(january(16)))
        .isEqualTo(new Day(day(16).running(130).hours(1).withRevision(5), null))
        .isEqualTo(state.days().get(january(16)));
    assertThat(state.day(january(17))).isNull();
    assertThat(state)
        .isEqualTo(
            new CityAlertState(
                "binzhou",
                january(14),
                new TreeMap<>(state.days()),
                new TreeMap<>(state.episodes())));
  }
}
