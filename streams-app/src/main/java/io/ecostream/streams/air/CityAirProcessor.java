package io.ecostream.streams.air;

import io.ecostream.avro.AirReading;
import io.ecostream.avro.Alert;
import io.ecostream.avro.CityDaily;
import io.ecostream.avro.CityPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.StationHourlyAqi;
import io.ecostream.avro.internal.CityDayEntry;
import io.ecostream.avro.internal.CityYearState;
import io.ecostream.domain.air.Pollutant;
import io.ecostream.domain.quality.QualityFlag;
import io.ecostream.domain.stats.CityDay;
import io.ecostream.domain.stats.RecentHours;
import io.ecostream.domain.stats.StationDay;
import io.ecostream.domain.stats.StationDayTally;
import io.ecostream.streams.alerts.HeavyPollutionAlerts;
import io.ecostream.streams.alerts.StationSilenceAlerts;
import io.ecostream.streams.config.PipelineSettings;
import io.ecostream.streams.intake.ArrivalCheck;
import io.ecostream.streams.intake.DeadLetters;
import io.ecostream.streams.intake.Rejection;
import io.ecostream.streams.metrics.PipelineMetrics;
import io.ecostream.streams.ranking.ByProvince;
import io.ecostream.streams.state.QuietCommits;
import io.ecostream.topics.SentAtHeader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Everything the air pipeline knows of the cities of one input partition, in one task: the arrival
 * check, station silences, each station's recent hours with their quality control and real-time
 * figures, each city's hours, days, month and year to date, heavy-pollution alerts, and the figures
 * its province's ranking needs. Input keyed by city id, so a city's readings are processed in the
 * order of its partition, whatever the number of instances, restarts or rebalances: every figure
 * and every alert is a function of that order and the data.
 *
 * <p><b>What is published when.</b> Station-hourly figures: every revision, at once. A city's hour
 * and day: at once when they settle in the input (an hour when all the city's stations have
 * reported it or a later hour has begun, a day when a later day has begun, any older hour or day
 * that a late reading changed), and the city's newest hour and day, still moving, at most once per
 * commit interval (a wall-clock punctuation), with the PM2.5 rolling means. The period figures go
 * with each day published. Heavy-pollution alerts are decided only on the settled hours and days,
 * never at a punctuation, so their sequence depends on the data alone.
 */
final class CityAirProcessor implements Processor<String, CityAirInput, String, AirOutput> {

  static final String STATION_CHUNKS_STORE = "air-station-hours-store";
  static final String STATION_PRESENCE_STORE = "air-station-presence-store";
  static final String WATERMARK_STORE = "air-watermark-store";
  static final String CITY_DAYS_STORE = "air-city-days-store";
  static final String HEAVY_POLLUTION_STORE = "air-heavy-pollution-store";
  static final String CITY_PROVINCE_STORE = "air-city-province-store";

  private static final long HOUR_MILLIS = 3_600_000L;
  private static final long MIN_PUBLISH_INTERVAL_MS = 100L;
  private static final long MAX_PUBLISH_INTERVAL_MS = 1_000L;
  private static final int LATEST_WINDOW_HOURS = 24;
  private static final Pollutant[] POLLUTANTS = Pollutant.values();
  private static final QualityFlag[] FLAGS = QualityFlag.values();

  private final PipelineSettings settings;
  private final PipelineMetrics metrics;
  private final Serializer<AirReading> readingSerializer;
  private final ZoneId zone;
  private final StationHourlyAqiMapper mapper;
  private final CityHourFigure cityHour;
  private final CityDayFigure cityDay;
  private final CityPeriods periods;
  private final HeavyPollutionAlerts heavyPollution;
  private final StationSilenceAlerts silenceAlerts;
  private final double[] readingValues = new double[RecentHours.POLLUTANTS];
  private final boolean[] present = new boolean[RecentHours.POLLUTANTS];
  private final Map<String, CityState> cities = new HashMap<>();

  /**
   * The task's stations by id: a reading finds its station's ring, city and day buffers through one
   * lookup, instead of one per map.
   */
  private final Map<String, CityStation> stations = new HashMap<>();

  private final SortedLongs judgedDays = new SortedLongs();

  /** Scratch of the stations' day buffers ({@link StationDayBuffer#fill}). */
  private final int[] heldChanges = new int[StationDay.HOURS];

  private final LocalDays localDays;
  private final QuietCommits quietCommits = new QuietCommits();

  /**
   * Station days of the days of other than 24 whole hours, reused from one figure to the next:
   * CityDay keeps none of them.
   */
  private final List<StationDayTally> stationDayBuffers = new ArrayList<>();

  private long keyHour = RecentHours.NO_HOUR;
  private String keyLocalHour;

  private ProcessorContext<String, AirOutput> context;
  private ArrivalCheck arrival;
  private StationRings rings;
  private StationPresences presences;
  private CityYears years;
  private KeyValueStore<String, String> provinces;

  CityAirProcessor(
      PipelineSettings settings,
      PipelineMetrics metrics,
      Serializer<AirReading> readingSerializer) {
    this.settings = settings;
    this.metrics = metrics;
    this.readingSerializer = readingSerializer;
    this.zone = settings.zone();
    this.mapper = new StationHourlyAqiMapper(zone, settings.validity());
    this.cityHour = new CityHourFigure(zone);
    this.localDays = new LocalDays(zone);
    this.cityDay =
        new CityDayFigure(
            settings.validity(),
            settings.periodRules().dustRule(),
            settings.dustDays(),
            settings.revisionBase());
    this.periods = new CityPeriods(settings.periodRules());
    this.heavyPollution = new HeavyPollutionAlerts();
    this.silenceAlerts = new StationSilenceAlerts(zone, metrics);
  }

  /**
   * A station of the task, with its ring once the task has read it, the city it last reported in
   * and its presence (when it last reported, its silences).
   */
  private static final class CityStation {
    final String id;
    StationRings.Live live;
    RecentHours ring;
    CityState city;
    StationPresences.Presence presence;

    /**
     * The hour of the station-hour figure published last, with its values: the city-hour figure
     * needs them again, and they change only when the station-hour is published again. Most
     * city-hours come out while their stations' last published hour is still theirs.
     */
    long publishedHour = RecentHours.NO_HOUR;

    double[] publishedValues;

    /** Its two days last figured: the open day and the one before it. */
    private final StationDayBuffer[] days = {new StationDayBuffer(), new StationDayBuffer()};

    CityStation(String id) {
      this.id = id;
    }

    /**
     * The buffer of the day beginning at {@code first}; a new one in place of the older for another
     * day. The older was last written a day of data or more ago, long out of the caches: emptying
     * it meant reading its tallies back from memory, at a few microseconds a station-day, where a
     * new one is written hot.
     */
    StationDayBuffer dayBuffer(long first) {
      if (days[0].first() == first) {
        return days[0];
      }
      if (days[1].first() == first) {
        return days[1];
      }
      int older = days[0].first() < days[1].first() ? 0 : 1;
      days[older] = new StationDayBuffer();
      return days[older];
    }
  }

  private static final Comparator<CityStation> BY_ID = Comparator.comparing(station -> station.id);

  /** What the task remembers of a city between records, rebuilt from the stores on init. */
  private static final class CityState {
    final String cityId;

    /**
     * The city's stations in the order of their ids, so that sums over them are the same in every
     * run; each with its ring once read, which spares a lookup by id per station and hour.
     */
    final List<CityStation> stations = new ArrayList<>();

    private final Map<String, CityStation> stationsById = new HashMap<>();

    /** Hours (counted from the epoch) and days (epoch days) changed since their publication. */
    final SortedLongs changedHours = new SortedLongs();

    final SortedLongs changedDays = new SortedLongs();
    long newestHour = RecentHours.NO_HOUR;
    boolean touched;

    /** Readings with a send time whose city-hour is not published yet (the latency histogram). */
    final PendingSends pendingSends = new PendingSends();

    CityState(String cityId) {
      this.cityId = cityId;
    }

    /** Adds the station to the city if it is not one of its stations yet. */
    void add(CityStation station) {
      if (stationsById.putIfAbsent(station.id, station) == null) {
        int at = Collections.binarySearch(stations, station, BY_ID);
        stations.add(-at - 1, station);
      }
    }
  }

  @Override
  public void init(ProcessorContext<String, AirOutput> context) {
    this.context = context;
    this.arrival =
        new ArrivalCheck(
            context.getStateStore(WATERMARK_STORE),
            context.taskId().partition(),
            settings.airQuality());
    this.rings =
        new StationRings(
            context.getStateStore(STATION_CHUNKS_STORE), settings.airQuality().rules());
    this.presences = new StationPresences(context.getStateStore(STATION_PRESENCE_STORE));
    this.years = new CityYears(context.getStateStore(CITY_DAYS_STORE));
    this.provinces = context.getStateStore(CITY_PROVINCE_STORE);
    heavyPollution.init(context.getStateStore(HEAVY_POLLUTION_STORE));
    cities.clear();
    stations.clear();
    presences.load();
    // The cities' newest hours and days may have changed after their last publication before a
    // restart: publish them again at the first punctuation (the same values, harmlessly).
    presences
        .all()
        .forEach(
            (station, presence) -> {
              CityState city = city(presence.cityId());
              city.add(station(station));
              long last = presence.silence().lastHour();
              if (last != RecentHours.NO_HOUR && last > city.newestHour) {
                city.newestHour = last;
              }
            });
    for (CityState city : cities.values()) {
      if (city.newestHour != RecentHours.NO_HOUR) {
        city.changedHours.add(city.newestHour);
        city.changedDays.add(localDays.epochDay(city.newestHour));
        city.touched = true;
      }
    }
    quietCommits.schedule(context);
    context.schedule(
        publishInterval(context), PunctuationType.WALL_CLOCK_TIME, this::publishNewest);
  }

  @Override
  public void process(Record<String, CityAirInput> record) {
    quietCommits.processed();
    if (record.value() instanceof CityAirInput.Reading input) {
      reading(record, input.reading());
    } else if (record.value() instanceof CityAirInput.Province input) {
      province(record, record.key(), input.province());
    }
  }

  private void reading(Record<String, CityAirInput> record, AirReading reading) {
    long hour = Math.floorDiv(reading.getHourStart().toEpochMilli(), HOUR_MILLIS);
    Optional<Rejection> rejection = arrival.check(reading, hour, context.currentSystemTimeMs());
    if (rejection.isPresent()) {
      metrics.deadLetter(rejection.get().reason().code());
      byte[] bytes = readingSerializer.serialize(DeadLetters.sourceTopic(context), reading);
      // Without the input's headers, as the intake's dead letters: they may be of any size.
      forward(
          record.timestamp(),
          AirOutput.Kind.DEAD_LETTER,
          DeadLetters.key(context),
          DeadLetters.of(context, record, bytes, rejection.get()));
      return;
    }
    CityStation station = station(reading.getStationId());
    RecentHours ring = ring(station);
    station.presence =
        presences.report(
            station.presence,
            station.id,
            reading.getCityId(),
            hour,
            present(reading),
            silentHours(),
            alertsOf(record));
    if (arrival.accept(hour)) {
      presences.check(arrival.watermark(), silentHours(), alertsOf(record));
    }
    switch (ring.put(hour, values(reading))) {
      case UNCHANGED -> metrics.realTimeSkipped("duplicate");
      // Cannot happen with an accepted reading: the late grace keeps it well inside the ring
      // (RecentHours#maxGraceHours). Counted, should a future change break that.
      case TOO_OLD -> metrics.realTimeSkipped("outside-window");
      case NEW, CHANGED -> changed(record, reading, station, hour);
    }
  }

  /** The reading changed its station's hours: publish them, then what of its city settled. */
  private void changed(
      Record<String, CityAirInput> record, AirReading reading, CityStation station, long hour) {
    RecentHours ring = station.ring;
    countFlags(ring);
    CityState city = station.city;
    if (city == null || !city.cityId.equals(reading.getCityId())) {
      city = city(reading.getCityId());
      city.add(station);
      station.city = city;
    }
    long sentAt = SentAtHeader.millis(record.headers());
    long now = context.currentSystemTimeMs();
    long lastPublished = Math.min(ring.lastChanged() + LATEST_WINDOW_HOURS - 1, ring.newest());
    for (long h = ring.firstChanged(); h <= lastPublished; h++) {
      if (ring.holds(h)) {
        double[] values = mapper.values(ring, h);
        StationHourlyAqi figure =
            mapper.figure(
                reading.getStationId(), reading.getCityId(), h, ring, ring.nextRevision(h), values);
        station.publishedHour = h;
        station.publishedValues = values;
        forward(
            record,
            AirOutput.Kind.STATION_HOURLY,
            HourKeys.key(reading.getStationId(), localHour(h)),
            figure,
            figure.getHourStart().toEpochMilli());
        if (h == hour && sentAt != SentAtHeader.ABSENT) {
          metrics.stationHourlyLatency(sentAt, now);
          city.pendingSends.add(hour, sentAt);
        }
        city.changedHours.add(h);
        if (h <= ring.lastChanged()) {
          city.changedDays.add(localDays.epochDay(h));
        }
      }
    }
    rings.write(station.live, ring.firstChanged(), lastPublished);
    long cityNewestBefore = city.newestHour;
    if (hour > city.newestHour) {
      city.newestHour = hour;
      metrics.cityNewestHour(city.cityId, hour * HOUR_MILLIS);
    }
    city.touched = true;
    // Asked by both steps below; the rings do not change between them.
    boolean hourComplete = complete(city, hour);
    publishSettled(city, now, hour, hourComplete);
    decideAlerts(record, city, ring, hour, hourComplete, cityNewestBefore);
  }

  /**
   * Publishes the city's hours and days that settled: every changed hour but the newest unless all
   * the city's stations have reported it, every changed day but the newest.
   *
   * @param readHourComplete whether all the city's stations hold {@code readHour}, the hour of the
   *     reading being processed
   */
  private void publishSettled(CityState city, long now, long readHour, boolean readHourComplete) {
    long newest = city.newestHour;
    city.changedHours.removeIf(
        hour -> {
          boolean settled =
              hour != newest || (hour == readHour ? readHourComplete : complete(city, hour));
          if (settled) {
            publishHour(city, hour, now);
          }
          return settled;
        });
    long newestDay = localDays.epochDay(newest);
    city.changedDays.removeIf(
        day -> {
          boolean settled = day < newestDay;
          if (settled) {
            publishDay(city, LocalDate.ofEpochDay(day), Instant.ofEpochMilli(newest * HOUR_MILLIS));
          }
          return settled;
        });
  }

  /**
   * Runs the days that this reading settled through the city's heavy-pollution alerts: the days
   * older than the city's newest whose values it changed; the newest day when the reading completed
   * its hour (all the city's stations reported it) or began a new hour after an incomplete one; and
   * then also the day of that incomplete hour. So a day is judged about once per hour of data.
   * These follow from the reading and the stored state alone (never from what was published when),
   * so a restart or another instance decides the same alerts in the same order.
   */
  private void decideAlerts(
      Record<String, CityAirInput> record,
      CityState city,
      RecentHours ring,
      long hour,
      boolean hourComplete,
      long newestBefore) {
    long newestDay = localDays.epochDay(city.newestHour);
    boolean afterIncomplete =
        newestBefore != RecentHours.NO_HOUR
            && city.newestHour > newestBefore
            && !complete(city, newestBefore);
    boolean settlesNewest = afterIncomplete || hourComplete;
    SortedLongs days = judgedDays;
    days.clear();
    for (long h = ring.firstChanged(); h <= ring.lastChanged(); h++) {
      long day = localDays.epochDay(h);
      if (day < newestDay || settlesNewest) {
        days.add(day);
      }
    }
    if (afterIncomplete) {
      days.add(localDays.epochDay(newestBefore));
    }
    Instant eventTime = Instant.ofEpochMilli(record.timestamp());
    days.forEach(
        day -> alerts(record, city, dayFigure(city, LocalDate.ofEpochDay(day)), eventTime));
  }

  /**
   * The newest hour and day of each city that changed since the last punctuation, at {@code now}.
   */
  private void publishNewest(long now) {
    for (CityState city : cities.values()) {
      if (!city.touched) {
        continue;
      }
      long eventTime = city.newestHour * HOUR_MILLIS;
      city.changedHours.forEach(hour -> publishHour(city, hour, now));
      city.changedHours.clear();
      city.changedDays.forEach(
          day -> publishDay(city, LocalDate.ofEpochDay(day), Instant.ofEpochMilli(eventTime)));
      city.changedDays.clear();
      publishRolling(city, eventTime);
      city.touched = false;
    }
  }

  /** The station-hour's values: those published with it if it was the last, else the same anew. */
  private double[] values(CityStation station, RecentHours ring, long hour) {
    return station.publishedHour == hour ? station.publishedValues : mapper.values(ring, hour);
  }

  private boolean complete(CityState city, long hour) {
    for (CityStation station : city.stations) {
      if (!ring(station).holds(hour)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Forwards the city's figure of the hour; {@code now} (wall clock) measures its readings'
   * latency.
   */
  private void publishHour(CityState city, long hour, long now) {
    List<double[]> stations = new ArrayList<>(city.stations.size());
    long revision = 0;
    for (CityStation station : city.stations) {
      RecentHours ring = ring(station);
      if (ring.holds(hour)) {
        stations.add(values(station, ring, hour));
        revision += ring.revision(hour);
      }
    }
    Instant start = StationHourlyAqiMapper.hourStart(hour);
    forward(
        start.toEpochMilli(),
        AirOutput.Kind.CITY_HOURLY,
        HourKeys.key(city.cityId, localHour(hour)),
        cityHour.figure(city.cityId, start, stations, revision));
    city.pendingSends.published(hour, now, metrics);
  }

  private void publishRolling(CityState city, long timestamp) {
    List<double[]> stations = new ArrayList<>(city.stations.size());
    long revision = 0;
    for (CityStation station : city.stations) {
      RecentHours ring = ring(station);
      if (ring.newest() == RecentHours.NO_HOUR) {
        continue;
      }
      forward(
          timestamp,
          AirOutput.Kind.PM25_ROLLING,
          "station/" + station.id,
          mapper.rolling(station.id, city.cityId, ring, ring.newest()));
      if (ring.holds(city.newestHour)) {
        stations.add(values(station, ring, city.newestHour));
        revision += ring.revision(city.newestHour);
      }
    }
    forward(
        timestamp,
        AirOutput.Kind.PM25_ROLLING,
        "city/" + city.cityId,
        cityHour.rolling(
            city.cityId, StationHourlyAqiMapper.hourStart(city.newestHour), stations, revision));
  }

  /** The day's figure; with its periods when it changed what they are made of. */
  private CityDaily publishDay(CityState city, LocalDate day, Instant eventTime) {
    DayOfCity figure = dayFigure(city, day);
    CityDaily daily = cityDay.figure(city.cityId, figure.day(), figure.revision());
    if (!years.put(daily)) {
      return daily;
    }
    long timestamp = eventTime.toEpochMilli();
    forward(timestamp, AirOutput.Kind.CITY_DAILY, city.cityId + "@" + day, daily);
    publishPeriods(city.cityId, periodFigures(city.cityId, day.getYear(), day), timestamp);
    return daily;
  }

  /** The month and year to date of the day, from the city's years as the task keeps them. */
  private List<CityPeriod> periodFigures(String cityId, int year, LocalDate day) {
    CityYearState previous = years.previous(cityId, year);
    return periods.figures(
        years.year(cityId, year),
        years.accumulator(cityId, year),
        previous == null ? null : years.accumulator(cityId, year - 1),
        day);
  }

  private void publishPeriods(String cityId, List<CityPeriod> figures, long timestamp) {
    String province = provinces.get(cityId);
    for (CityPeriod figure : figures) {
      forward(timestamp, AirOutput.Kind.CITY_PERIOD, cityId + "@" + figure.getPeriod(), figure);
      if (province != null) {
        forward(
            timestamp,
            AirOutput.Kind.RANKING_INPUT,
            ByProvince.key(province, figure.getPeriod()),
            figure);
      }
    }
  }

  /** A city's day from its stations' usable values, with its revision. */
  private record DayOfCity(CityDay day, long revision) {}

  /** The day from the usable values of the city's stations, with its revision. */
  private DayOfCity dayFigure(CityState city, LocalDate day) {
    long epochDay = day.toEpochDay();
    long first = localDays.firstHour(epochDay);
    long end = localDays.endHour(epochDay);
    // A day of 24 whole hours maps hour to slot by subtraction, and its stations' days are kept
    // between figures; any other day goes through the local time.
    boolean wholeHours = localDays.wholeHours(epochDay);
    List<StationDayTally> stationDays = new ArrayList<>(city.stations.size());
    long revision = 0;
    for (CityStation station : city.stations) {
      RecentHours ring = ring(station);
      if (wholeHours) {
        StationDayBuffer buffer = station.dayBuffer(first);
        buffer.fill(ring, first, heldChanges);
        if (buffer.holdsAny()) {
          stationDays.add(buffer.day());
          revision += buffer.revision();
        }
        continue;
      }
      if (!holdsAny(ring, first, end)) {
        continue;
      }
      StationDayTally values = stationDayBuffer(stationDays.size());
      for (long hour = first; hour < end; hour++) {
        int slot = LocalDateTime.ofInstant(StationHourlyAqiMapper.hourStart(hour), zone).getHour();
        boolean held = ring.holds(hour);
        for (Pollutant pollutant : POLLUTANTS) {
          values.set(slot, pollutant, held ? ring.value(hour, pollutant) : Double.NaN);
        }
        revision += ring.changes(hour);
      }
      stationDays.add(values);
    }
    return new DayOfCity(cityDay.day(day, stationDays), revision);
  }

  private static boolean holdsAny(RecentHours ring, long first, long end) {
    for (long hour = first; hour < end; hour++) {
      if (ring.holds(hour)) {
        return true;
      }
    }
    return false;
  }

  /** A station day for a day of other than 24 whole hours, cleared: not every slot is written. */
  private StationDayTally stationDayBuffer(int index) {
    if (index == stationDayBuffers.size()) {
      stationDayBuffers.add(new StationDayTally());
    }
    StationDayTally buffer = stationDayBuffers.get(index);
    buffer.clear();
    return buffer;
  }

  private void alerts(
      Record<String, CityAirInput> record, CityState city, DayOfCity day, Instant eventTime) {
    for (Alert alert :
        heavyPollution.update(
            cityDay.alertUpdate(city.cityId, day.day(), day.revision(), eventTime))) {
      forward(
          record,
          AirOutput.Kind.ALERT,
          alert.getAlertId(),
          alert,
          alert.getEventTime().toEpochMilli());
    }
  }

  /**
   * A city's province, from its air stations' Station records. A new or changed one sends every
   * period figure the city has to that province's rankings, so that the order in which Station
   * records and readings arrive does not matter.
   */
  private void province(Record<String, CityAirInput> record, String cityId, String province) {
    if (cityId == null || province == null || province.equals(provinces.get(cityId))) {
      return;
    }
    provinces.put(cityId, province);
    for (int year : years.storedYears(cityId)) {
      CityYearState state = years.year(cityId, year);
      SortedMap<YearMonth, LocalDate> lastDayOfMonth = new TreeMap<>();
      for (CityDayEntry day : state.getDays().values()) {
        lastDayOfMonth.merge(
            YearMonth.from(day.getDate()), day.getDate(), (a, b) -> a.isAfter(b) ? a : b);
      }
      lastDayOfMonth.forEach(
          (month, last) -> {
            for (CityPeriod figure : periodFigures(cityId, year, last)) {
              boolean wholeYear = figure.getPeriodType() == PeriodType.YEAR_TO_DATE;
              if (!wholeYear || month.equals(lastDayOfMonth.lastKey())) {
                forward(
                    record,
                    AirOutput.Kind.RANKING_INPUT,
                    ByProvince.key(province, figure.getPeriod()),
                    figure,
                    record.timestamp());
              }
            }
          });
    }
  }

  private StationPresences.Alerts alertsOf(Record<String, CityAirInput> record) {
    return (station, cityId) ->
        silenceAlerts.of(
            station,
            cityId,
            alert ->
                forward(
                    record,
                    AirOutput.Kind.ALERT,
                    alert.getAlertId(),
                    alert,
                    alert.getEventTime().toEpochMilli()));
  }

  private RecentHours ring(CityStation station) {
    if (station.ring == null) {
      station.live = rings.get(station.id, () -> presences.lastHour(station.id));
      station.ring = station.live.ring();
    }
    return station.ring;
  }

  private CityStation station(String id) {
    CityStation station = stations.get(id);
    if (station == null) {
      station = new CityStation(id);
      stations.put(id, station);
    }
    return station;
  }

  private CityState city(String cityId) {
    return cities.computeIfAbsent(cityId, CityState::new);
  }

  /**
   * The local-hour part of the hourly figures' keys ({@link HourKeys}), kept for the hour last
   * asked: readings come hour by hour, so most in a row ask the same.
   */
  private String localHour(long hour) {
    if (hour != keyHour) {
      keyLocalHour = HourKeys.localHour(StationHourlyAqiMapper.hourStart(hour), zone);
      keyHour = hour;
    }
    return keyLocalHour;
  }

  private int silentHours() {
    return Math.toIntExact(settings.airQuality().silentHours());
  }

  private void countFlags(RecentHours ring) {
    for (QualityFlag flag : FLAGS) {
      for (Pollutant pollutant : POLLUTANTS) {
        int count = ring.newFlags(flag, pollutant);
        if (count > 0) {
          metrics.qualityFlagged(flag.code(), pollutant.label(), count);
        }
      }
    }
  }

  private double[] values(AirReading reading) {
    readingValues[Pollutant.SO2.ordinal()] = RealTimeValues.orNaN(reading.getSo2());
    readingValues[Pollutant.NO2.ordinal()] = RealTimeValues.orNaN(reading.getNo2());
    readingValues[Pollutant.PM10.ordinal()] = RealTimeValues.orNaN(reading.getPm10());
    readingValues[Pollutant.PM2_5.ordinal()] = RealTimeValues.orNaN(reading.getPm25());
    readingValues[Pollutant.CO.ordinal()] = RealTimeValues.orNaN(reading.getCo());
    readingValues[Pollutant.O3.ordinal()] = RealTimeValues.orNaN(reading.getO3());
    return readingValues;
  }

  private boolean[] present(AirReading reading) {
    present[Pollutant.SO2.ordinal()] = reading.getSo2() != null;
    present[Pollutant.NO2.ordinal()] = reading.getNo2() != null;
    present[Pollutant.PM10.ordinal()] = reading.getPm10() != null;
    present[Pollutant.PM2_5.ordinal()] = reading.getPm25() != null;
    present[Pollutant.CO.ordinal()] = reading.getCo() != null;
    present[Pollutant.O3.ordinal()] = reading.getO3() != null;
    return present;
  }

  /** With the input record's headers (the bench's latency probe reads its send time from them). */
  private void forward(
      Record<String, CityAirInput> record,
      AirOutput.Kind kind,
      String key,
      SpecificRecord value,
      long timestamp) {
    if (value instanceof Alert alert) {
      metrics.alert(alert.getType(), alert.getStatus().name());
    }
    context.forward(new Record<>(key, new AirOutput(kind, value), timestamp, record.headers()));
  }

  /** Without input headers: outside a record (a punctuation), or a dead letter. */
  private void forward(long timestamp, AirOutput.Kind kind, String key, SpecificRecord value) {
    context.forward(new Record<>(key, new AirOutput(kind, value), timestamp));
  }

  /**
   * The commit interval, kept within 0.1-1 s: under exactly-once a figure becomes visible at the
   * commit after its punctuation, so a longer interval would only delay it; under at-least-once
   * (whose default commit interval is 30 s) outputs are visible as they are sent.
   */
  private static Duration publishInterval(ProcessorContext<?, ?> context) {
    Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    long millis =
        configured == null ? MAX_PUBLISH_INTERVAL_MS : Long.parseLong(configured.toString());
    return Duration.ofMillis(
        Math.min(MAX_PUBLISH_INTERVAL_MS, Math.max(MIN_PUBLISH_INTERVAL_MS, millis)));
  }

  @Override
  public void close() {
    rings.clear();
    years.clear();
    cities.clear();
    stations.clear();
  }
}
