package io.ecostream.producer.model;

import io.ecostream.avro.AirReading;
import io.ecostream.producer.catalog.AirStation;
import io.ecostream.producer.catalog.City;
import io.ecostream.producer.catalog.StationCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hourly concentrations of every air station. A station's value is its city's seasonal and diurnal
 * mean (AirClimatology) times a product of log-normal, autocorrelated factors:
 *
 * <ul>
 *   <li>regional weather (mixing height, wind) shared by the whole province, slow (days);
 *   <li>local weather of the city, shared by all pollutants of the city;
 *   <li>a city factor per pollutant (emissions, chemistry), hours to a day;
 *   <li>a station factor per pollutant, fast, and a fixed station bias (siting);
 *   <li>winter haze episodes (HazeEpisodes), and for O3 a regional photochemistry factor.
 * </ul>
 *
 * Every factor has mean 1 (the log-normal mean is divided out) and the episodes' contribution is
 * divided out of the seasonal mean of the months they occur in, so that long-run means reproduce
 * the climatology, scaled per city to its calibrated annual PM2.5. PM10 is PM2.5 plus a coarse
 * fraction with its own factors, so PM2.5/PM10 rises in haze as it does in the real data.
 *
 * <p>{@link AirTuning} knobs per city scale the PM level, the spread of the factors, the gases and
 * the haze episodes; without them the model is as calibrated.
 *
 * <p>The model's readings are fault-free; sensor and delivery faults are added after it, on the
 * records, by {@link io.ecostream.producer.faults.FaultInjector}.
 */
public final class AirModel {

  // Indices into the per-pollutant arrays; COARSE is the PM10 - PM2.5 fraction.
  private static final int PM25 = 0;
  private static final int SO2 = 1;
  private static final int NO2 = 2;
  private static final int CO = 3;
  private static final int O3 = 4;
  private static final int COARSE = 5;
  private static final int N = 6;

  private static final double REGIONAL_PHI = 0.96;
  private static final double REGIONAL_SIGMA = 0.30;
  private static final double PHOTOCHEMISTRY_PHI = 0.97;
  private static final double PHOTOCHEMISTRY_SIGMA = 0.18;
  private static final double LOCAL_PHI = 0.94;
  private static final double LOCAL_SIGMA = 0.22;
  private static final double CITY_PHI = 0.90;
  private static final double[] CITY_SIGMA = {0.15, 0.25, 0.18, 0.18, 0.12, 0.30};
  private static final double STATION_PHI = 0.70;
  private static final double[] STATION_SIGMA = {0.10, 0.20, 0.15, 0.12, 0.08, 0.20};
  private static final double[] BIAS_SIGMA = {0.06, 0.25, 0.20, 0.15, 0.08, 0.15};

  /**
   * How strongly each pollutant follows the weather factors (O3: see {@link #o3WeatherLoading}).
   */
  private static final double[] WEATHER_LOADING = {1.0, 0.6, 0.7, 0.8, Double.NaN, 0.5};

  /** How strongly each pollutant follows a haze episode; O3 falls under the haze. */
  private static final double[] EPISODE_LOADING = {1.0, 0.5, 0.5, 0.7, -0.3, 0.0};

  /** Share of the weather factors' spread that disappears at an episode's peak. */
  private static final double PEAK_CALM = 0.7;

  /** Diurnal profile of each index; the coarse fraction follows the PM10 profile. */
  private static final Pollutant[] DIURNAL_OF = {
    Pollutant.PM25, Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.O3, Pollutant.PM10
  };

  private final SplittableRandom regionalRandom;
  private final Ar1 regionalWeather;
  private final Ar1 photochemistry;
  private final HazeEpisodes episodes;
  private final List<CityAir> cities = new ArrayList<>();

  /**
   * @param catalog the stations to simulate (possibly a subset of the province)
   */
  public AirModel(StationCatalog catalog, long seed) {
    this(catalog, seed, Map.of());
  }

  /**
   * @param tuning knobs by city id; a city without an entry is simulated as calibrated
   */
  public AirModel(StationCatalog catalog, long seed, Map<String, AirTuning> tuning) {
    this(catalog, seed, AirClimatology.bundled(), tuning);
  }

  AirModel(
      StationCatalog catalog,
      long seed,
      AirClimatology climatology,
      Map<String, AirTuning> tuning) {
    this.regionalRandom = Seeds.random(seed, "region");
    this.regionalWeather = new Ar1(REGIONAL_PHI, REGIONAL_SIGMA, regionalRandom);
    this.photochemistry = new Ar1(PHOTOCHEMISTRY_PHI, PHOTOCHEMISTRY_SIGMA, regionalRandom);
    this.episodes = new HazeEpisodes(regionalRandom);
    for (City city : catalog.cities()) {
      List<AirStation> stations =
          catalog.airStations().stream().filter(s -> s.city().equals(city)).toList();
      if (!stations.isEmpty()) {
        cities.add(
            new CityAir(
                city, stations, seed, climatology, tuning.getOrDefault(city.id(), AirTuning.NONE)));
      }
    }
  }

  /** Emits the readings of every station for the hour, in catalogue order. */
  public void hour(SimHour hour, Consumer<AirReading> out) {
    double weather = regionalWeather.step(regionalRandom);
    double sun = photochemistry.step(regionalRandom);
    episodes.step(hour);
    for (CityAir city : cities) {
      city.hour(hour, weather, sun, episodes, out);
    }
  }

  /** O3 falls with stagnation in winter (haze, little sun) and rises with it in summer. */
  private static double o3WeatherLoading(int dayOfYear) {
    return -0.3 + 0.7 * AirClimatology.summerWeight(dayOfYear);
  }

  /** The concentrations of one station-hour before they become a record. */
  static final class AirValues {
    double pm25;
    double pm10;
    double so2;
    double no2;
    double co;
    double o3;

    AirReading toRecord(String stationId, String cityId, SimHour hour) {
      // Rounded as the national platform publishes: integers in µg/m³, CO to 0.1 mg/m³. Rounding
      // is monotone, so PM10 >= PM2.5 survives it.
      return new AirReading(
          stationId,
          cityId,
          hour.start(),
          (double) Math.max(1, Math.round(pm25)),
          (double) Math.max(1, Math.round(pm10)),
          (double) Math.max(1, Math.round(so2)),
          (double) Math.max(1, Math.round(no2)),
          Math.max(0.1, Math.round(co * 10) / 10.0),
          (double) Math.max(1, Math.round(o3)));
    }
  }

  private static final class CityAir {
    private final City city;
    private final SplittableRandom random;
    private final Ar1 localWeather;
    private final Ar1[] factors = new Ar1[N];

    /** [pollutant][dayOfYear - 1]: the seasonal mean with the episodes' share divided out. */
    private final double[][] usual = new double[N][];

    /** Usual PM2.5 level per month (index 0 = January), the base an episode rises from. */
    private final double[] usualPm25ByMonth = new double[12];

    private final AirClimatology climatology;
    private final double spread;
    private final double haze;

    /** EPISODE_LOADING times the haze knob. */
    private final double[] episodeLoading = new double[N];

    private final StationAir[] stations;
    private final double[] level = new double[N];
    private final AirValues values = new AirValues();
    private boolean inEpisode;
    private double episodePeakLog;

    CityAir(
        City city,
        List<AirStation> stations,
        long seed,
        AirClimatology climatology,
        AirTuning tuning) {
      this.city = city;
      this.climatology = climatology;
      this.spread = tuning.spread();
      this.haze = tuning.haze();
      for (int p = 0; p < N; p++) {
        episodeLoading[p] = EPISODE_LOADING[p] * tuning.haze();
      }
      this.random = Seeds.random(seed, "city:" + city.id());
      this.localWeather = new Ar1(LOCAL_PHI, LOCAL_SIGMA, random);
      for (int p = 0; p < N; p++) {
        factors[p] = new Ar1(CITY_PHI, CITY_SIGMA[p], random);
      }
      calibrate(tuning);
      this.stations = new StationAir[stations.size()];
      double[] meanBias = new double[N];
      for (int i = 0; i < stations.size(); i++) {
        this.stations[i] = new StationAir(stations.get(i), seed, spread);
        for (int p = 0; p < N; p++) {
          meanBias[p] += this.stations[i].bias[p] / stations.size();
        }
      }
      // Biases are centred within the city so that the city mean stays calibrated.
      for (StationAir station : this.stations) {
        for (int p = 0; p < N; p++) {
          station.bias[p] -= meanBias[p];
        }
      }
    }

    private void calibrate(AirTuning tuning) {
      String id = city.climate();
      // Scale PM to the city's calibrated annual PM2.5; gases keep their 2022-2023 level.
      double scale = city.pm25Annual() / climatology.annualMean(id, Pollutant.PM25) * tuning.pm();
      double[] pm25 = times(climatology.monthlyMeans(id, Pollutant.PM25), scale);
      double[] pm10 = times(climatology.monthlyMeans(id, Pollutant.PM10), scale);
      double[] coarse = new double[12];
      for (int m = 0; m < 12; m++) {
        coarse[m] = Math.max(1, pm10[m] - pm25[m]);
      }
      // The usual (non-episode) PM2.5 level and the episodes' contribution depend on each other:
      // iterate to the fixed point (converges in a handful of rounds).
      double[] episodeFactor = new double[12];
      Arrays.fill(episodeFactor, 1);
      for (int round = 0; round < 10; round++) {
        for (int m = 0; m < 12; m++) {
          usualPm25ByMonth[m] = pm25[m] / episodeFactor[m];
          episodeFactor[m] = monthFactor(m + 1, episodeLoading[PM25], usualPm25ByMonth[m]);
        }
      }
      double gases = tuning.gases();
      double[][] monthly = {
        pm25,
        times(climatology.monthlyMeans(id, Pollutant.SO2), gases),
        times(climatology.monthlyMeans(id, Pollutant.NO2), gases),
        times(climatology.monthlyMeans(id, Pollutant.CO), gases),
        times(climatology.monthlyMeans(id, Pollutant.O3), tuning.o3()),
        coarse
      };
      for (int p = 0; p < N; p++) {
        double[] withoutEpisodes = new double[12];
        for (int m = 0; m < 12; m++) {
          withoutEpisodes[m] =
              monthly[p][m] / monthFactor(m + 1, episodeLoading[p], usualPm25ByMonth[m]);
        }
        usual[p] = AirClimatology.daily(withoutEpisodes);
      }
    }

    private double monthFactor(int month, double loading, double usualPm25) {
      double share = HazeEpisodes.timeShare(month);
      if (share == 0 || loading == 0) {
        return 1;
      }
      return 1
          - share
          + share * HazeEpisodes.meanEpisodeFactor(loading, city.hazeExposure(), usualPm25);
    }

    void hour(
        SimHour hour, double weather, double sun, HazeEpisodes episodes, Consumer<AirReading> out) {
      double local = localWeather.step(random);
      if (episodes.active() && !inEpisode) {
        episodePeakLog =
            HazeEpisodes.peakLog(
                episodes.peak(), city.hazeExposure(), usualPm25ByMonth[episodes.startMonth() - 1]);
      }
      inEpisode = episodes.active();
      double episode = episodes.envelope(episodePeakLog);
      int day = hour.dayOfYear();
      // Near an episode's peak the stagnation is already in the envelope: the weather factors add
      // little more, which keeps peaks in the observed range instead of compounding the two.
      double calm =
          episode > 0 && haze > 0 ? 1 - PEAK_CALM * Math.min(1, episode / episodePeakLog) : 1;
      double stagnation = calm * (weather + local);
      double weatherVariance =
          calm * calm * (REGIONAL_SIGMA * REGIONAL_SIGMA + LOCAL_SIGMA * LOCAL_SIGMA);
      // The spread scales the log deviations and, squared, the variance divided out, so that each
      // factor keeps its mean of 1 whatever the spread.
      double spread2 = spread * spread;
      for (int p = 0; p < N; p++) {
        double loading = p == O3 ? o3WeatherLoading(day) : WEATHER_LOADING[p];
        double log =
            spread * (loading * stagnation + factors[p].step(random)) + episodeLoading[p] * episode;
        double variance =
            spread2
                * (loading * loading * weatherVariance
                    + CITY_SIGMA[p] * CITY_SIGMA[p]
                    + STATION_SIGMA[p] * STATION_SIGMA[p]
                    + BIAS_SIGMA[p] * BIAS_SIGMA[p]);
        if (p == O3) {
          log += spread * sun;
          variance += spread2 * (PHOTOCHEMISTRY_SIGMA * PHOTOCHEMISTRY_SIGMA);
        }
        level[p] =
            usual[p][day - 1]
                * climatology.diurnal(DIURNAL_OF[p], day, hour.hour())
                * Math.exp(log - variance / 2);
      }
      for (StationAir station : stations) {
        station.values(level, values);
        out.accept(values.toRecord(station.id, city.id(), hour));
      }
    }

    private static double[] times(double[] values, double factor) {
      double[] scaled = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        scaled[i] = values[i] * factor;
      }
      return scaled;
    }
  }

  private static final class StationAir {
    private final String id;
    private final SplittableRandom random;
    private final Ar1[] factors = new Ar1[N];
    private final double[] bias = new double[N];
    private final double spread;

    StationAir(AirStation station, long seed, double spread) {
      this.id = station.id();
      this.spread = spread;
      this.random = Seeds.random(seed, "air:" + station.id());
      for (int p = 0; p < N; p++) {
        bias[p] = BIAS_SIGMA[p] * random.nextGaussian();
        factors[p] = new Ar1(STATION_PHI, STATION_SIGMA[p], random);
      }
    }

    void values(double[] cityLevel, AirValues out) {
      out.pm25 = cityLevel[PM25] * factor(PM25);
      double coarse = cityLevel[COARSE] * factor(COARSE);
      out.pm10 = out.pm25 + coarse;
      out.so2 = cityLevel[SO2] * factor(SO2);
      out.no2 = cityLevel[NO2] * factor(NO2);
      out.co = cityLevel[CO] * factor(CO);
      out.o3 = cityLevel[O3] * factor(O3);
    }

    private double factor(int p) {
      return Math.exp(spread * (factors[p].step(random) + bias[p]));
    }
  }
}
