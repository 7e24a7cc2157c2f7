package io.ecostream.streams.alerts.rules;

import static io.ecostream.streams.alerts.rules.Figure.day;
import static io.ecostream.streams.alerts.rules.Figure.january;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import io.ecostream.streams.alerts.rules.AlertChange.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeavyPollutionTrackerTest {

  private HeavyPollutionTracker tracker = new HeavyPollutionTracker(HeavyPollutionRules.defaults());
  private final Map<String, CityAlertState> states = new HashMap<>();
  private final Map<String, Long> revisions = new HashMap<>();
  private final List<CityDayUpdate> sent = new ArrayList<>();

  /**
   * Sends the figures, each a new revision of its city-day, and returns the alerts they changed.
   */
  private List<AlertChange> changes(Figure... figures) {
    List<CityDayUpdate> updates = new ArrayList<>();
    for (Figure figure : figures) {
      updates.add(figure.withRevision(revisions.merge(figure.cityDay(), 1L, Long::sum)));
    }
    sent.addAll(updates);
    return send(updates);
  }

  private List<AlertChange> send(List<CityDayUpdate> updates) {
    List<AlertChange> changes = new ArrayList<>();
    for (CityDayUpdate update : updates) {
      CityAlertState state = states.computeIfAbsent(update.cityId(), CityAlertState::empty);
      HeavyPollutionTracker.Step step = tracker.next(state, update);
      states.put(update.cityId(), step.state());
      changes.addAll(step.changes());
    }
    return changes;
  }

  /** The alerts the figures changed, each as "alertId STATUS value". */
  private List<String> alerts(Figure... figures) {
    return changes(figures).stream()
        .map(change -> change.alertId() + " " + change.status() + " " + change.value())
        .toList();
  }

  private CityAlertState binzhou() {
    return states.get("binzhou");
  }

  @Test
  void shouldRaiseAProvisionalAlertOnceWhenTheRunningAqiPassesTwoHundred() {
    assertThat(alerts(day(15).running(180).hours(4))).isEmpty();
    assertThat(alerts(day(15).running(215).hours(8)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 PROVISIONAL 215");
    assertThat(alerts(day(15).running(240).hours(10), day(15).running(260).hours(11))).isEmpty();
  }

  @Test
  void shouldKeepTheProvisionalAlertWhileTheDayIsOpenEvenIfTheRunningAqiFalls() {
    alerts(day(15).running(215).hours(8));

    assertThat(alerts(day(15).running(190).hours(12), day(15).running(170).hours(16))).isEmpty();
  }

  @Test
  void shouldNeedARunningAqiAboveTwoHundred() {
    assertThat(alerts(day(15).running(200).hours(12))).isEmpty();
    assertThat(alerts(day(15).running(201).hours(12)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 PROVISIONAL 201");
  }

  @Test
  void shouldWaitForSixHoursOfDataPerReportingStation() {
    assertThat(alerts(day(15).running(250).stations(3).stationHours(17))).isEmpty();
    assertThat(alerts(day(15).running(250).stations(3).stationHours(18)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 PROVISIONAL 250");
  }

  @Test
  void shouldCountHoursPerStationSoThatSixStationsInTheirFirstHourAreNotEnough() {
    assertThat(alerts(day(15).running(250).stations(6).stationHours(6))).isEmpty();
    assertThat(alerts(day(15).in("jinan").running(250).stations(1).stationHours(6)))
        .containsExactly("heavy-pollution@jinan@2024-01-15 PROVISIONAL 250");
  }

  @Test
  void shouldConfirmTheDayWhenTheNextDayHasTwoHoursFromEachStation() {
    alerts(day(15).running(215).hours(8));

    assertThat(alerts(day(15).daily(230))).isEmpty();
    assertThat(alerts(day(16).running(120).hours(1))).isEmpty();
    assertThat(alerts(day(16).running(120).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230");
  }

  @Test
  void shouldCancelAtCloseWhenTheDailyAqiIsNotAboveTwoHundred() {
    alerts(day(15).running(215).hours(8), day(15).daily(200));

    assertThat(alerts(day(16).running(120).hours(2)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 CANCELLED 200");
  }

  @Test
  void shouldCancelAtCloseWhenTheDayHasNoValidAqi() {
    alerts(day(15).running(230).hours(8), day(15).running(205).noValidAqi());

    assertThat(alerts(day(16).running(120).hours(2)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 CANCELLED null");
  }

  @Test
  void shouldConfirmDirectlyAHeavyDayWhoseFiguresArriveAfterItClosed() {
    assertThat(alerts(day(16).running(90).hours(3))).isEmpty();
    assertThat(alerts(day(15).running(230).hours(12))).isEmpty();
    assertThat(alerts(day(15).daily(230)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230");
  }

  @Test
  void shouldStayQuietForDaysThatNeverLookHeavy() {
    assertThat(
            alerts(
                day(15).running(120).hours(8),
                day(15).daily(130),
                day(16).running(90).hours(2),
                day(16).daily(180),
                day(17).running(90).hours(2)))
        .isEmpty();
  }

  @Test
  void shouldFlipAClosedDayBothWaysOnLateCorrections() {
    alerts(day(15).daily(230), day(16).running(100).hours(2));

    assertThat(alerts(day(15).daily(195)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 CANCELLED 195",
            "heavy-pollution-episode@binzhou@2024-01-15 CANCELLED null");
    assertThat(alerts(day(15).daily(210)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 210",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 210");
  }

  @Test
  void shouldEmitNothingForACorrectionThatKeepsTheVerdict() {
    alerts(day(15).daily(230), day(16).daily(150), day(17).running(100).hours(2));

    assertThat(alerts(day(15).daily(250), day(16).daily(180), day(16).noValidAqi())).isEmpty();
  }

  @Test
  void shouldEmitNothingWhenTheSameFiguresAreReplayedInAnyOrder() {
    assertThat(
            alerts(
                day(15).running(215).hours(8),
                day(15).daily(230),
                day(16).running(100).hours(2),
                day(16).daily(240),
                day(17).daily(150),
                day(18).running(100).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 PROVISIONAL 215",
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230",
            "heavy-pollution@binzhou@2024-01-16 PROVISIONAL 240",
            "heavy-pollution@binzhou@2024-01-16 CONFIRMED 240",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 240",
            "heavy-pollution-episode@binzhou@2024-01-15 CLEARED 240");
    CityAlertState afterFirst = binzhou();

    assertThat(send(sent)).isEmpty();
    List<CityDayUpdate> backwards = new ArrayList<>(sent);
    Collections.reverse(backwards);
    assertThat(send(backwards)).isEmpty();
    assertThat(binzhou()).isEqualTo(afterFirst);
  }

  @Test
  void shouldFollowAnEpisodeOverThreeHeavyDaysUntilAClosedCleanDay() {
    List<AlertChange> changes =
        changes(
            day(15).daily(230),
            day(16).running(150).hours(2),
            day(16).daily(260),
            day(17).running(180).hours(2),
            day(17).daily(240),
            day(18).running(160).hours(2),
            day(18).daily(150),
            day(19).running(90).hours(2));

    assertThat(changes)
        .extracting(AlertChange::alertId, AlertChange::status, AlertChange::value)
        .containsExactly(
            tuple("heavy-pollution@binzhou@2024-01-15", Status.PROVISIONAL, 230),
            tuple("heavy-pollution@binzhou@2024-01-15", Status.CONFIRMED, 230),
            tuple("heavy-pollution-episode@binzhou@2024-01-15", Status.RAISED, 230),
            tuple("heavy-pollution@binzhou@2024-01-16", Status.PROVISIONAL, 260),
            tuple("heavy-pollution@binzhou@2024-01-16", Status.CONFIRMED, 260),
            tuple("heavy-pollution-episode@binzhou@2024-01-15", Status.RAISED, 260),
            tuple("heavy-pollution@binzhou@2024-01-17", Status.PROVISIONAL, 240),
            tuple("heavy-pollution@binzhou@2024-01-17", Status.CONFIRMED, 240),
            tuple("heavy-pollution-episode@binzhou@2024-01-15", Status.RAISED, 260),
            tuple("heavy-pollution-episode@binzhou@2024-01-15", Status.CLEARED, 260));
    assertThat(changes)
        .filteredOn(change -> change.type() == Type.HEAVY_POLLUTION_EPISODE)
        .extracting(AlertChange::message)
        .containsExactly(
            "Binzhou: heavy-pollution episode started on 2024-01-15 (daily AQI 230)",
            "Binzhou: heavy-pollution episode since 2024-01-15 continues: 2 heavy days through"
                + " 2024-01-16, peak daily AQI 260",
            "Binzhou: heavy-pollution episode since 2024-01-15 continues: 3 heavy days through"
                + " 2024-01-17, peak daily AQI 260",
            "Binzhou: heavy-pollution episode 2024-01-15 to 2024-01-17 ended after 3 heavy days,"
                + " peak daily AQI 260");
  }

  @Test
  void shouldCloseEveryEarlierDayAndEndTheEpisodeWhenTheNextDayHasNoData() {
    alerts(day(15).daily(230));

    List<AlertChange> changes = changes(day(17).running(100).hours(2));

    assertThat(changes)
        .extracting(AlertChange::alertId, AlertChange::status, AlertChange::message)
        .containsExactly(
            tuple(
                "heavy-pollution@binzhou@2024-01-15",
                Status.CONFIRMED,
                "Binzhou 2024-01-15: daily AQI 230; heavy pollution (AQI > 200) confirmed"),
            tuple(
                "heavy-pollution-episode@binzhou@2024-01-15",
                Status.CLEARED,
                "Binzhou: heavy-pollution episode of 2024-01-15 ended after 1 heavy day, peak daily"
                    + " AQI 230"));
  }

  @Test
  void shouldSplitAnEpisodeWhenAMiddleDayIsCorrectedToClean() {
    assertThat(
            alerts(
                day(15).daily(230),
                day(16).daily(260),
                day(17).daily(240),
                day(18).running(100).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 PROVISIONAL 230",
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution@binzhou@2024-01-16 PROVISIONAL 260",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230",
            "heavy-pollution@binzhou@2024-01-16 CONFIRMED 260",
            "heavy-pollution@binzhou@2024-01-17 PROVISIONAL 240",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 260",
            "heavy-pollution@binzhou@2024-01-17 CONFIRMED 240",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 260");

    assertThat(alerts(day(16).daily(180)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-16 CANCELLED 180",
            "heavy-pollution-episode@binzhou@2024-01-15 CLEARED 230",
            "heavy-pollution-episode@binzhou@2024-01-17 RAISED 240");
  }

  @Test
  void shouldJoinTwoEpisodesWhenTheDayBetweenIsCorrectedToHeavy() {
    assertThat(
            alerts(
                day(15).daily(230),
                day(16).daily(150),
                day(17).daily(240),
                day(18).running(100).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 PROVISIONAL 230",
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230",
            "heavy-pollution@binzhou@2024-01-17 PROVISIONAL 240",
            "heavy-pollution-episode@binzhou@2024-01-15 CLEARED 230",
            "heavy-pollution@binzhou@2024-01-17 CONFIRMED 240",
            "heavy-pollution-episode@binzhou@2024-01-17 RAISED 240");

    assertThat(alerts(day(16).daily(210)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-16 CONFIRMED 210",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 240",
            "heavy-pollution-episode@binzhou@2024-01-17 CANCELLED null");
  }

  @Test
  void shouldKeepTwoCitiesIndependent() {
    assertThat(alerts(day(15).daily(230), day(15).in("jinan").daily(150)))
        .containsExactly("heavy-pollution@binzhou@2024-01-15 PROVISIONAL 230");
    assertThat(alerts(day(16).in("jinan").running(100).hours(3))).isEmpty();
    assertThat(alerts(day(16).in("jinan").daily(220)))
        .containsExactly("heavy-pollution@jinan@2024-01-16 PROVISIONAL 220");
    assertThat(alerts(day(16).running(120).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 230",
            "heavy-pollution-episode@binzhou@2024-01-15 RAISED 230");
  }

  @Test
  void shouldRefuseTheFigureOfAnotherCity() {
    CityDayUpdate jinan = day(15).in("jinan").daily(230).withRevision(1);

    assertThatThrownBy(() -> tracker.next(CityAlertState.empty("binzhou"), jinan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jinan");
  }

  @Test
  void shouldWriteAlertsOpsCanRead() {
    List<AlertChange> provisional = changes(day(15).running(215).hours(8));
    List<AlertChange> closing = changes(day(15).daily(230), day(16).running(120).hours(2));

    Instant sevenAm15th = Instant.parse("2024-01-14T23:00:00Z");
    Instant oneAm16th = Instant.parse("2024-01-15T17:00:00Z");
    assertThat(provisional)
        .containsExactly(
            new AlertChange(
                "heavy-pollution@binzhou@2024-01-15",
                Type.HEAVY_POLLUTION_DAY,
                Status.PROVISIONAL,
                "binzhou",
                january(15),
                215,
                "Binzhou 2024-01-15: running AQI 215 after 24 station-hours from 3 stations;"
                    + " heavy pollution (AQI > 200) likely",
                sevenAm15th));
    assertThat(closing)
        .containsExactly(
            new AlertChange(
                "heavy-pollution@binzhou@2024-01-15",
                Type.HEAVY_POLLUTION_DAY,
                Status.CONFIRMED,
                "binzhou",
                january(15),
                230,
                "Binzhou 2024-01-15: daily AQI 230; heavy pollution (AQI > 200) confirmed",
                oneAm16th),
            new AlertChange(
                "heavy-pollution-episode@binzhou@2024-01-15",
                Type.HEAVY_POLLUTION_EPISODE,
                Status.RAISED,
                "binzhou",
                january(15),
                230,
                "Binzhou: heavy-pollution episode started on 2024-01-15 (daily AQI 230)",
                oneAm16th));
  }

  @Test
  void shouldSayWhenACancellationOrConfirmationComesFromACorrection() {
    alerts(day(15).running(215).hours(8), day(15).daily(180), day(16).running(100).hours(2));

    assertThat(changes(day(15).daily(205), day(15).daily(190)))
        .extracting(AlertChange::message)
        .containsExactly(
            "Binzhou 2024-01-15: corrected daily AQI 205; heavy pollution (AQI > 200) confirmed",
            "Binzhou: heavy-pollution episode started on 2024-01-15 (daily AQI 205)",
            "Binzhou 2024-01-15: corrected daily AQI 190 is not above 200; no longer a"
                + " heavy-pollution day",
            "Binzhou: heavy-pollution episode from 2024-01-15 withdrawn: corrected figures no"
                + " longer start a run of heavy days on that day");
  }

  @Test
  void shouldIgnoreAndForgetDaysBeyondTheCorrectionWindow() {
    tracker = new HeavyPollutionTracker(new HeavyPollutionRules(200, 6, 2, 2));
    alerts(
        day(10).daily(150),
        day(11).daily(120),
        day(12).daily(130),
        day(13).daily(110),
        day(14).running(90).hours(2));
    assertThat(binzhou().closedThrough()).isEqualTo(january(13));
    assertThat(binzhou().days())
        .containsOnlyKeys(january(11), january(12), january(13), january(14));

    assertThat(alerts(day(10).daily(250))).isEmpty();
    assertThat(binzhou().days())
        .containsOnlyKeys(january(11), january(12), january(13), january(14));
  }

  @Test
  void shouldKeepAnEpisodeWholeWhileItsFirstDaysFreeze() {
    tracker = new HeavyPollutionTracker(new HeavyPollutionRules(200, 6, 2, 2));
    alerts(
        day(10).daily(230),
        day(11).daily(230),
        day(12).daily(230),
        day(13).daily(230),
        day(14).daily(230),
        day(15).running(100).hours(2));
    assertThat(binzhou().days()).containsKeys(january(10), january(11));

    assertThat(alerts(day(15).daily(250), day(16).running(100).hours(2)))
        .containsExactly(
            "heavy-pollution@binzhou@2024-01-15 PROVISIONAL 250",
            "heavy-pollution@binzhou@2024-01-15 CONFIRMED 250",
            "heavy-pollution-episode@binzhou@2024-01-10 RAISED 250");
    assertThat(alerts(day(16).daily(100), day(17).running(100).hours(2)))
        .containsExactly("heavy-pollution-episode@binzhou@2024-01-10 CLEARED 250");

    alerts(day(17).daily(90), day(18).daily(90), day(19).daily(90), day(20).running(90).hours(2));
    assertThat(binzhou().days())
        .containsOnlyKeys(january(17), january(18), january(19), january(20));
    assertThat(binzhou().episodes()).isEmpty();
  }
}
