package io.ecostream.producer.model;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.catalog.WaterBaseline;
import io.ecostream.producer.catalog.WaterSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Water samples of every section and sea point:
 *
 * <ul>
 *   <li>automatic-station readings of the national surface-water sections every 4 hours (00, 04,
 *       ..., 20 local), with the items those stations measure (no COD, no BOD5);
 *   <li>a manual sample of every surface-water section on the 10th of each month, mid-morning, with
 *       the laboratory items COD and BOD5 as well;
 *   <li>manual samples of the sea points in the three national near-shore campaigns (May, August,
 *       October, on the 15th).
 * </ul>
 *
 * Each section varies around its baseline (medians of its real automatic readings) with seasonal
 * cycles (warm water holds less oxygen; ammonia is higher in winter when nitrification slows;
 * turbidity and phosphorus are higher in the rainy summer), a daily cycle of temperature, oxygen
 * and pH from photosynthesis, persistent log-normal fluctuations and summer storm run-off.
 */
public final class WaterModel {

  static final int MANUAL_DAY = 10;
  static final int SEA_DAY = 15;
  private static final boolean[] SEA_CAMPAIGN_MONTH = {
    false, false, false, false, true, false, false, true, false, true, false, false
  };

  /** Seawater of near-shore salinity (about 30) holds about a fifth less oxygen. */
  private static final double SEAWATER_OXYGEN_FACTOR = 0.82;

  private final List<SectionModel> sections = new ArrayList<>();

  public WaterModel(StationCatalog catalog, long seed) {
    for (WaterSection section : catalog.waterSections()) {
      sections.add(new SectionModel(section, seed));
    }
  }

  /** Emits the samples taken during the hour, in catalogue order. */
  public void hour(SimHour hour, Consumer<WaterSample> out) {
    boolean automaticSlot = hour.hour() % 4 == 0;
    boolean manualDay = hour.dayOfMonth() == MANUAL_DAY;
    boolean seaDay = hour.dayOfMonth() == SEA_DAY && SEA_CAMPAIGN_MONTH[hour.month() - 1];
    if (!automaticSlot && !manualDay && !seaDay) {
      return;
    }
    for (SectionModel section : sections) {
      if (automaticSlot && section.section.hasAutomaticStation()) {
        out.accept(section.automatic(hour));
      }
      boolean due = section.section.isSea() ? seaDay : manualDay;
      if (due && hour.hour() == section.manualHour) {
        out.accept(section.manual(hour));
      }
    }
  }

  /** Oxygen solubility in fresh water at 1 atm, mg/L (Benson and Krause polynomial fit). */
  static double oxygenSaturation(double temperature) {
    double t = temperature;
    return 14.652 - 0.41022 * t + 0.007991 * t * t - 0.000077774 * t * t * t;
  }

  private static final class SectionModel {
    private final WaterSection section;
    private final WaterBaseline base;
    private final SplittableRandom random;
    private final int manualHour;
    private final int manualMinute;

    /** COD / CODMn of this section's water (more refractory matter gives a higher ratio). */
    private final double codRatio;

    private final boolean reportsTp;
    private final boolean reportsTn;

    /** A lake or reservoir dilutes a storm's run-off in its volume; a river carries it along. */
    private final double runoffScale;

    // Persistent fluctuations, one step per 4-hour slot.
    private final Ar1 temperatureNoise;
    private final Ar1 oxygenNoise;
    private final Ar1 phNoise;
    private final Ar1 organic;
    private final Ar1 nutrient;
    private final Ar1 sediment;
    private final Ar1 salts;
    private double runoff;
    private long slot = Long.MIN_VALUE;
    // Current values, kept so that a manual sample between two slots sees the same water.
    private double temperature;
    private double ph;
    private double dissolvedOxygen;
    private double codMn;
    private double ammonia;
    private double phosphorus;
    private double nitrogen;
    private double conductivity;
    private double turbidity;

    SectionModel(WaterSection section, long seed) {
      this.section = section;
      this.base = section.baseline();
      this.random = Seeds.random(seed, "water:" + section.id());
      this.manualHour = 9 + random.nextInt(3);
      this.manualMinute = 5 * random.nextInt(12);
      this.codRatio = 3.4 + 0.8 * (random.nextDouble() - 0.5);
      this.reportsTp = !section.notReported().contains("tp");
      this.reportsTn = !section.notReported().contains("tn");
      this.runoffScale = section.waterBody() == WaterBodyType.RIVER ? 1.0 : 0.3;
      this.temperatureNoise = new Ar1(0.90, 0.8, random);
      this.oxygenNoise = new Ar1(0.90, 0.06, random);
      this.phNoise = new Ar1(0.95, 0.10, random);
      this.organic = new Ar1(0.97, 0.18, random);
      this.nutrient = new Ar1(0.95, 0.40, random);
      this.sediment = new Ar1(0.90, 0.40, random);
      this.salts = new Ar1(0.98, 0.10, random);
    }

    WaterSample automatic(SimHour hour) {
      update(hour);
      return sample(
          section.id(),
          section.city().id(),
          hour.start(),
          SamplingMethod.AUTOMATIC,
          round(temperature, 1),
          round(ph, 2),
          round(dissolvedOxygen, 2),
          round(codMn, 2),
          null,
          null,
          round(ammonia, 3),
          reportsTp ? round(phosphorus, 3) : null,
          reportsTn ? round(nitrogen, 2) : null,
          round(conductivity, 1),
          round(turbidity, 1));
    }

    WaterSample manual(SimHour hour) {
      Instant sampledAt = hour.start().plusSeconds(60L * manualMinute);
      if (section.isSea()) {
        return sea(hour, sampledAt);
      }
      // A no-op for a section with an automatic station: the sample sees the water of the slot.
      update(hour);
      double lab = 0.04;
      double cod = codMn * codRatio * Math.exp(0.08 * random.nextGaussian());
      double bod5 = cod * 0.18 * Math.exp(0.15 * random.nextGaussian());
      return sample(
          section.id(),
          section.city().id(),
          sampledAt,
          SamplingMethod.MANUAL,
          round(temperature, 1),
          round(Math.min(9.5, Math.max(6.0, ph + 0.03 * random.nextGaussian())), 2),
          round(dissolvedOxygen * Math.exp(lab * random.nextGaussian()), 2),
          round(Math.max(0.25, codMn * Math.exp(lab * random.nextGaussian())), 2),
          round(Math.max(4, cod), 1),
          round(Math.max(0.5, bod5), 1),
          round(Math.max(0.025, ammonia * Math.exp(lab * random.nextGaussian())), 3),
          round(Math.max(0.005, phosphorus * Math.exp(lab * random.nextGaussian())), 3),
          round(Math.max(0.05, nitrogen * Math.exp(lab * random.nextGaussian())), 2),
          round(conductivity, 1),
          round(turbidity, 1));
    }

    /** Brings the section's water to the hour's 4-hour slot. */
    private void update(SimHour hour) {
      long now = Math.floorDiv(hour.epochHour(), 4);
      long steps = slot == Long.MIN_VALUE ? 1 : now - slot;
      if (steps <= 0) {
        return;
      }
      slot = now;
      int day = hour.dayOfYear();
      // +1 in mid-July, -1 in mid-January.
      double season = Math.cos(2 * Math.PI * (day - 196) / 365.25);
      double summer = Math.max(0, season);
      double daylight = Math.cos(2 * Math.PI * (hour.hour() - 15) / 24.0);
      runoff *= Math.pow(0.94, steps);
      if (random.nextDouble() < runoffChance(hour.month())) {
        runoff += runoffScale * (0.5 + random.nextDouble());
      }
      double tNoise = temperatureNoise.advance(steps, random);
      double o2Noise = oxygenNoise.advance(steps, random);
      double phN = phNoise.advance(steps, random);
      double org = organic.advance(steps, random);
      double nut = nutrient.advance(steps, random);
      double sed = sediment.advance(steps, random);
      double salt = salts.advance(steps, random);

      temperature =
          Math.max(
              0.2,
              16.5 + 13 * Math.cos(2 * Math.PI * (day - 205) / 365.25) + 0.8 * daylight + tNoise);
      double oxygenRatio =
          base.doRatio()
              * (1 + (0.05 + 0.05 * summer) * daylight)
              * Math.exp(o2Noise - 0.1 * runoff);
      dissolvedOxygen = Math.max(0.1, oxygenSaturation(temperature) * oxygenRatio);
      ph =
          Math.min(
              9.5,
              Math.max(6.0, base.ph() + (0.05 + 0.05 * summer) * daylight + 0.05 * season + phN));
      codMn = Math.max(0.25, base.codMn() * Math.exp(0.1 * season + org + 0.25 * runoff));
      ammonia =
          Math.max(0.025, base.ammoniaNitrogen() * Math.exp(-0.3 * season + nut + 0.3 * runoff));
      phosphorus =
          Math.max(
              0.005, base.totalPhosphorus() * Math.exp(0.15 * season + 0.6 * nut + 0.5 * runoff));
      nitrogen = Math.max(0.05, base.totalNitrogen() * Math.exp(-0.15 * season + 0.5 * nut));
      conductivity = base.conductivity() * Math.exp(-0.08 * season + salt - 0.3 * runoff);
      turbidity = Math.max(0.5, base.turbidity() * Math.exp(0.2 * season + sed + runoff));
    }

    /** Chance per 4-hour slot of a storm that washes soil and nutrients into the water. */
    private static double runoffChance(int month) {
      if (month >= 6 && month <= 9) {
        return 1 / 25.0;
      }
      return month == 4 || month == 5 || month == 10 ? 1 / 60.0 : 1 / 150.0;
    }

    private WaterSample sea(SimHour hour, Instant sampledAt) {
      int day = hour.dayOfYear();
      double season = Math.cos(2 * Math.PI * (day - 196) / 365.25);
      // The sea warms and cools about a month later than rivers.
      double t =
          Math.max(
              0.5,
              13.5
                  + 11.5 * Math.cos(2 * Math.PI * (day - 222) / 365.25)
                  + 0.8 * random.nextGaussian());
      double oxygen =
          oxygenSaturation(t)
              * SEAWATER_OXYGEN_FACTOR
              * base.doRatio()
              * Math.exp(0.05 * random.nextGaussian());
      double cod = base.codMn() * Math.exp(0.15 * season + 0.25 * random.nextGaussian());
      return sample(
          section.id(),
          section.city().id(),
          sampledAt,
          SamplingMethod.MANUAL,
          round(t, 1),
          round(base.ph() + 0.05 * random.nextGaussian(), 2),
          round(oxygen, 2),
          null,
          round(cod, 2),
          round(Math.max(0.1, cod * 0.6 * Math.exp(0.2 * random.nextGaussian())), 1),
          round(
              Math.max(0.005, base.ammoniaNitrogen() * Math.exp(0.35 * random.nextGaussian())), 3),
          round(Math.max(0.005, base.totalPhosphorus() * Math.exp(0.3 * random.nextGaussian())), 3),
          round(base.totalNitrogen() * Math.exp(0.3 * random.nextGaussian()), 2),
          round(base.conductivity() * Math.exp(0.03 * random.nextGaussian()), 1),
          round(Math.max(0.5, base.turbidity() * Math.exp(0.4 * random.nextGaussian())), 1));
    }
  }

  /** The simulated items only; the items only real sources give (chlorophyll, class) stay null. */
  private static WaterSample sample(
      String stationId,
      String cityId,
      Instant sampledAt,
      SamplingMethod method,
      Double waterTemperature,
      Double ph,
      Double dissolvedOxygen,
      Double codMn,
      Double cod,
      Double bod5,
      Double ammoniaNitrogen,
      Double totalPhosphorus,
      Double totalNitrogen,
      Double conductivity,
      Double turbidity) {
    return WaterSample.newBuilder()
        .setStationId(stationId)
        .setCityId(cityId)
        .setSampledAt(sampledAt)
        .setMethod(method)
        .setWaterTemperature(waterTemperature)
        .setPh(ph)
        .setDissolvedOxygen(dissolvedOxygen)
        .setCodMn(codMn)
        .setCod(cod)
        .setBod5(bod5)
        .setAmmoniaNitrogen(ammoniaNitrogen)
        .setTotalPhosphorus(totalPhosphorus)
        .setTotalNitrogen(totalNitrogen)
        .setConductivity(conductivity)
        .setTurbidity(turbidity)
        .build();
  }

  private static Double round(double value, int decimals) {
    double scale = decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    return Math.round(value * scale) / scale;
  }
}
