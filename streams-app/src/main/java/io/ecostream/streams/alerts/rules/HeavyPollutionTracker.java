package io.ecostream.streams.alerts.rules;

import io.ecostream.streams.alerts.rules.AlertChange.Status;
import io.ecostream.streams.alerts.rules.CityAlertState.Day;
import io.ecostream.streams.alerts.rules.CityAlertState.Episode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Heavy-pollution alerts of one city, decided from its stream of city-daily figures (ARCHITECTURE
 * principle 6, "provisional, then confirmed"). A pure state machine: {@link #next} takes the city's
 * state and one figure and returns the new state and the alerts that changed. Times come from the
 * figures only, so the same figures in the same order give the same alerts however fast they arrive
 * and however often the application restarts.
 *
 * <p><b>Closing a day.</b> A day is open while its data may still come in. Day D closes when a
 * figure of a later day of the same city has {@link HeavyPollutionRules#closeAfterHours()} hours of
 * data per reporting station (default 2: the stations have moved two hours into D+1, so they have
 * sent D's last hours); that closes every day before the later one. Closing is driven by the city's
 * own data rather than by a stream-time punctuation, because stream time belongs to a task and
 * moves with whatever other cities share its partitions. A city whose data stops keeps its last day
 * open.
 *
 * <p><b>Day alert</b> {@code heavy-pollution@city@date}, type {@code HEAVY_POLLUTION_DAY}:
 *
 * <ul>
 *   <li>PROVISIONAL while the day is open, from the first figure whose running AQI is above {@link
 *       HeavyPollutionRules#heavyAboveAqi()} with {@link
 *       HeavyPollutionRules#minHoursForProvisional()} hours of data per reporting station; it stays
 *       provisional until the day closes, even if the running AQI falls back.
 *   <li>CONFIRMED when the day closes with a valid daily AQI above the threshold — also without a
 *       provisional before it (the data came late, or all at once).
 *   <li>CANCELLED when the day closes otherwise (no valid AQI counts as not heavy), only if an
 *       alert was raised for it.
 *   <li>A correction of a closed day that flips its verdict changes CONFIRMED to CANCELLED or back;
 *       one that keeps the verdict emits nothing.
 * </ul>
 *
 * <p><b>Episode alert</b> {@code heavy-pollution-episode@city@firstDay}, type {@code
 * HEAVY_POLLUTION_EPISODE}: a run of consecutive closed heavy days. RAISED when its first day is
 * confirmed ("episode started") and again, same key, each time a following day is confirmed (the
 * new length in the message); CLEARED once the day after its last is closed and not heavy (a day
 * with no data counts as not heavy). Corrections re-derive the runs: one that splits or joins runs
 * updates the episodes concerned, and an episode whose first day no longer starts a run is
 * CANCELLED (withdrawn).
 *
 * <p><b>No duplicates.</b> The state keeps, per alert, what was last emitted; an alert is emitted
 * only when its status changes, or for an episode its last day. Its value and message carry the
 * figures at that moment. A figure whose revision is not newer than the one kept for its day is a
 * replay and is ignored.
 *
 * <p><b>Bounded state.</b> Days more than {@link HeavyPollutionRules#correctionDays()} before the
 * newest closed day are frozen: their figures are ignored and they are dropped, except that a run
 * of heavy days reaching into the correction window is kept whole, so its episode keeps its key.
 */
public final class HeavyPollutionTracker {

  private final HeavyPollutionRules rules;
  private final HeavyPollutionMessages messages;

  public HeavyPollutionTracker(HeavyPollutionRules rules) {
    this.rules = rules;
    this.messages = new HeavyPollutionMessages(rules);
  }

  /**
   * @param state the city's new state; the same instance when the figure changed nothing
   * @param changes the alerts that changed: day alerts by date, then episodes by first day
   */
  public record Step(CityAlertState state, List<AlertChange> changes) {

    public boolean stateChanged(CityAlertState before) {
      return state != before;
    }
  }

  public Step next(CityAlertState state, CityDayUpdate update) {
    if (!state.cityId().equals(update.cityId())) {
      throw new IllegalArgumentException(
          "figure of " + update.cityId() + " given to the state of " + state.cityId());
    }
    Day known = state.day(update.date());
    if (ignored(state, update, known)) {
      return new Step(state, List.of());
    }
    if (!isClosed(update.date(), state.closedThrough())
        && !closesMoreDays(update, state.closedThrough())) {
      return nextOpenDay(state, update, known);
    }
    return nextInFull(state, update, known);
  }

  /**
   * The common update, a figure of an open day that closes no day, decided from that day alone:
   * deciding every day again for each hourly figure of the newest day was most of the cost of an
   * update. The result is the same as {@link #nextInFull}'s because each update leaves every day's
   * alert status where {@link #dayStatus} would put it again, and that only moves when the day or
   * {@code closedThrough} does; the episodes and the pruning look at closed days and {@code
   * closedThrough} only, and neither changes here. This holds for states this tracker made with the
   * same rules; a state kept under other settings is brought in line by the next figure that closes
   * a day or corrects a closed one.
   */
  private Step nextOpenDay(CityAlertState state, CityDayUpdate update, Day known) {
    Day day = new Day(update, known == null ? null : known.alertStatus());
    Status status = dayStatus(day, false);
    List<AlertChange> changes = List.of();
    if (status != day.alertStatus()) {
      changes = List.of(messages.day(day, status, update.eventTime()));
      day = day.withAlertStatus(status);
    }
    return new Step(state.withOpenDay(day), changes);
  }

  /** Every day, episode and pruning decided again; kept whole as what the fast path must match. */
  Step nextInFull(CityAlertState state, CityDayUpdate update) {
    Day known = state.day(update.date());
    if (ignored(state, update, known)) {
      return new Step(state, List.of());
    }
    return nextInFull(state, update, known);
  }

  /** A figure of a frozen day, or a replay of a revision already taken. */
  private boolean ignored(CityAlertState state, CityDayUpdate update, Day known) {
    LocalDate frozenBefore = frozenBefore(state.closedThrough());
    return (frozenBefore != null && update.date().isBefore(frozenBefore))
        || (known != null && update.revision() <= known.latest().revision());
  }

  private Step nextInFull(CityAlertState state, CityDayUpdate update, Day known) {
    TreeMap<LocalDate, Day> days = new TreeMap<>(state.days());
    days.put(update.date(), new Day(update, known == null ? null : known.alertStatus()));
    LocalDate closedThrough =
        closesMoreDays(update, state.closedThrough())
            ? update.date().minusDays(1)
            : state.closedThrough();

    List<AlertChange> changes = new ArrayList<>();
    Instant at = update.eventTime();
    updateDayAlerts(days, closedThrough, at, changes);
    TreeMap<LocalDate, Episode> episodes = new TreeMap<>(state.episodes());
    updateEpisodes(state.cityId(), days, closedThrough, episodes, at, changes);
    prune(days, episodes, closedThrough);
    return new Step(
        new CityAlertState(
            state.cityId(),
            closedThrough,
            CityAlertState.seal(days),
            CityAlertState.seal(episodes)),
        List.copyOf(changes));
  }

  /** Whether the figure closes a day that was still open: it closes every day before its own. */
  private boolean closesMoreDays(CityDayUpdate update, LocalDate closedThrough) {
    return rules.closesEarlierDays(update)
        && (closedThrough == null || update.date().minusDays(1).isAfter(closedThrough));
  }

  private void updateDayAlerts(
      TreeMap<LocalDate, Day> days,
      LocalDate closedThrough,
      Instant at,
      List<AlertChange> changes) {
    for (Map.Entry<LocalDate, Day> entry : days.entrySet()) {
      Day day = entry.getValue();
      Status next = dayStatus(day, isClosed(entry.getKey(), closedThrough));
      if (next != day.alertStatus()) {
        changes.add(messages.day(day, next, at));
        entry.setValue(day.withAlertStatus(next));
      }
    }
  }

  /** The status the day alert should have; null while there is none. */
  private Status dayStatus(Day day, boolean closed) {
    if (closed) {
      if (rules.heavy(day.latest())) {
        return Status.CONFIRMED;
      }
      return day.alertStatus() == null ? null : Status.CANCELLED;
    }
    if (day.alertStatus() != null) {
      return day.alertStatus();
    }
    return rules.provisionalHeavy(day.latest()) ? Status.PROVISIONAL : null;
  }

  private void updateEpisodes(
      String cityId,
      SortedMap<LocalDate, Day> days,
      LocalDate closedThrough,
      TreeMap<LocalDate, Episode> episodes,
      Instant at,
      List<AlertChange> changes) {
    SortedMap<LocalDate, Episode> runs = runsOfHeavyDays(days, closedThrough);
    TreeSet<LocalDate> firstDays = new TreeSet<>(episodes.keySet());
    firstDays.addAll(runs.keySet());
    for (LocalDate first : firstDays) {
      Episode emitted = episodes.get(first);
      Episode next = runs.get(first);
      if (next == null) {
        next = new Episode(first, emitted.lastDay(), emitted.peakAqi(), Status.CANCELLED);
      }
      if (emitted == null
          || emitted.status() != next.status()
          || !emitted.lastDay().equals(next.lastDay())) {
        changes.add(messages.episode(cityId, next, at));
        episodes.put(first, next);
      }
    }
  }

  /** Runs of consecutive closed heavy days, each as the episode it should be, by first day. */
  private SortedMap<LocalDate, Episode> runsOfHeavyDays(
      SortedMap<LocalDate, Day> days, LocalDate closedThrough) {
    SortedMap<LocalDate, Episode> runs = new TreeMap<>();
    Run run = null;
    for (Day day : days.values()) {
      CityDayUpdate figure = day.latest();
      if (!isClosed(figure.date(), closedThrough) || !rules.heavy(figure)) {
        continue;
      }
      if (run != null && figure.date().equals(run.last().plusDays(1))) {
        run = new Run(run.first(), figure.date(), Math.max(run.peak(), figure.aqi()));
      } else {
        if (run != null) {
          runs.put(run.first(), run.episode(closedThrough));
        }
        run = new Run(figure.date(), figure.date(), figure.aqi());
      }
    }
    if (run != null) {
      runs.put(run.first(), run.episode(closedThrough));
    }
    return runs;
  }

  private record Run(LocalDate first, LocalDate last, int peak) {

    /** An episode goes on while the day after its last is open; a closed day after it ends it. */
    Episode episode(LocalDate closedThrough) {
      return new Episode(
          first, last, peak, last.isBefore(closedThrough) ? Status.CLEARED : Status.RAISED);
    }
  }

  /**
   * Drops the frozen days, except a run of heavy days that reaches into the correction window: the
   * first retained day then never continues a dropped heavy day, so runs found among the retained
   * days have their true first day.
   */
  private void prune(
      TreeMap<LocalDate, Day> days, TreeMap<LocalDate, Episode> episodes, LocalDate closedThrough) {
    LocalDate frozenBefore = frozenBefore(closedThrough);
    if (frozenBefore == null) {
      return;
    }
    LocalDate keepFrom = frozenBefore;
    Day before = days.get(keepFrom.minusDays(1));
    while (before != null && rules.heavy(before.latest())) {
      keepFrom = keepFrom.minusDays(1);
      before = days.get(keepFrom.minusDays(1));
    }
    days.headMap(keepFrom).clear();
    LocalDate firstKept = keepFrom;
    episodes.values().removeIf(episode -> episode.lastDay().isBefore(firstKept));
  }

  private LocalDate frozenBefore(LocalDate closedThrough) {
    return closedThrough == null ? null : closedThrough.minusDays(rules.correctionDays());
  }

  private static boolean isClosed(LocalDate date, LocalDate closedThrough) {
    return closedThrough != null && !date.isAfter(closedThrough);
  }
}
