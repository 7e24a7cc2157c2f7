package io.ecostream.streams.water;

import io.ecostream.avro.CityWaterPeriod;
import io.ecostream.avro.PeriodType;
import io.ecostream.avro.SectionMonth;
import io.ecostream.avro.WaterBodyFigures;
import io.ecostream.avro.internal.CityWaterYearState;
import io.ecostream.avro.internal.SectionYear;
import io.ecostream.domain.stats.BulletinRounding;
import io.ecostream.domain.water.ComplianceRates;
import io.ecostream.domain.water.Cwqi;
import io.ecostream.domain.water.CwqiRules;
import io.ecostream.domain.water.RiverGrading;
import io.ecostream.domain.water.RiverGradingRules;
import io.ecostream.domain.water.SeaClass;
import io.ecostream.domain.water.SeaPointShares;
import io.ecostream.domain.water.SectionShares;
import io.ecostream.domain.water.WaterBody;
import io.ecostream.domain.water.WaterClass;
import io.ecostream.domain.water.WaterGrade;
import io.ecostream.domain.water.WaterQuality;
import io.ecostream.domain.water.WaterYearOnYear;
import java.nio.ByteBuffer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A city's water figures of a month and of the year to date from its sections' monthly means. A
 * section's period values are the means of its monthly means (so a month of 4-hourly automatic
 * readings weighs as much as a month with one manual sample); its class, CWQI and compliance are
 * then assessed on those. A drinking-water source is compliant over a period only if it was in
 * every month it was assessed (全年均达标). Year on year compares the same months of last year. Each
 * named river, lake or reservoir gets its shares and grade ({@link RiverGrading}) from its
 * sections' period values.
 */
final class CityWaterPeriods {

  private final SectionAssessor assessor;
  private final CwqiRules cwqiRules;
  private final RiverGradingRules gradingRules;

  CityWaterPeriods(SectionAssessor assessor, CwqiRules cwqiRules, RiverGradingRules gradingRules) {
    this.assessor = assessor;
    this.cwqiRules = cwqiRules;
    this.gradingRules = gradingRules;
  }

  /** {@code cityId@yyyy}: the key of a city's year in the city years' store. */
  static String yearKey(String cityId, int year) {
    return yearKeyPrefix(cityId) + year;
  }

  /** What the keys of a city's years begin with. */
  static String yearKeyPrefix(String cityId) {
    return cityId + "@";
  }

  static CityWaterYearState emptyYear(String cityId, int year) {
    return new CityWaterYearState(cityId, year, new HashMap<>(), new HashMap<>());
  }

  /**
   * Puts the section's month into the year; false when it holds that already, under the same name.
   */
  static boolean put(CityWaterYearState year, SectionMonth figure) {
    SectionYear section =
        year.getSections()
            .computeIfAbsent(
                figure.getStationId(),
                id ->
                    new SectionYear(
                        figure.getWaterBody(), figure.getDrinkingSource(), null, new HashMap<>()));
    section.setWaterBody(figure.getWaterBody());
    section.setDrinkingSource(figure.getDrinkingSource());
    boolean renamed = !Objects.equals(section.getWaterBodyName(), figure.getWaterBodyName());
    section.setWaterBodyName(figure.getWaterBodyName());
    ByteBuffer means = WaterItems.pack(SectionMonthAggregation.publishedMeans(figure));
    String month = Integer.toString(YearMonth.parse(figure.getMonth()).getMonthValue());
    return !means.equals(section.getMonths().put(month, means)) || renamed;
  }

  /** The month's figure and the year-to-date figure, each against the same period of last year. */
  List<CityWaterPeriod> figures(
      CityWaterYearState year, CityWaterYearState previousYear, int month) {
    int lastMonth = lastMonth(year);
    Figures monthNow = figures(year, m -> m == month);
    Figures ytdNow = figures(year, m -> m <= lastMonth);
    Figures monthLast = previousYear == null ? null : figures(previousYear, m -> m == month);
    Figures ytdLast = previousYear == null ? null : figures(previousYear, m -> m <= lastMonth);
    String monthPeriod = YearMonth.of(year.getYear(), month).toString();
    return List.of(
        record(
            year.getCityId(),
            PeriodType.MONTH_TO_DATE,
            monthPeriod,
            monthNow,
            monthLast,
            YearMonth.of(year.getYear() - 1, month).toString()),
        record(
            year.getCityId(),
            PeriodType.YEAR_TO_DATE,
            Integer.toString(year.getYear()),
            ytdNow,
            ytdLast,
            Integer.toString(year.getYear() - 1)));
  }

  /**
   * The figures of the months that pass {@code months}; shares NaN when there is nothing to share.
   */
  private record Figures(
      int sections,
      double goodShare,
      double classIvShare,
      double classVShare,
      double worseThanVShare,
      double cwqi,
      int drinkingSources,
      double drinkingCompliance,
      int seaPoints,
      double seaGoodShare,
      List<WaterBodyFigures> waterBodies) {
    boolean empty() {
      return sections == 0 && drinkingSources == 0 && seaPoints == 0;
    }
  }

  private Figures figures(CityWaterYearState year, IntPredicate months) {
    List<WaterClass> classes = new ArrayList<>();
    List<Cwqi.SectionIndex> indices = new ArrayList<>();
    List<ComplianceRates.SourcePeriod> sources = new ArrayList<>();
    List<SeaClass> sea = new ArrayList<>();
    Map<String, NamedWater> named = new TreeMap<>();
    for (Map.Entry<String, SectionYear> entry : year.getSections().entrySet()) {
      SectionYear section = entry.getValue();
      List<WaterQuality> monthly = new ArrayList<>();
      boolean compliantEveryMonth = true;
      boolean assessedAsSource = false;
      for (Map.Entry<String, ByteBuffer> month : section.getMonths().entrySet()) {
        if (!months.test(Integer.parseInt(month.getKey()))) {
          continue;
        }
        double[] means = WaterItems.unpack(month.getValue());
        monthly.add(WaterItems.quality(means));
        if (section.getDrinkingSource()) {
          Boolean compliant =
              assessor.assess(means, section.getWaterBody(), true, null).drinkingCompliant();
          if (compliant != null) {
            assessedAsSource = true;
            compliantEveryMonth &= compliant;
          }
        }
      }
      if (monthly.isEmpty()) {
        continue;
      }
      WaterQuality periodValues = WaterQuality.mean(monthly);
      SectionAssessor.Assessment period =
          assessor.assess(WaterItems.values(periodValues), section.getWaterBody(), false, null);
      if (period.surfaceClass() != null && section.getWaterBodyName() != null) {
        named
            .computeIfAbsent(section.getWaterBodyName(), name -> new NamedWater())
            .add(
                periodValues,
                period.surfaceClass(),
                SectionAssessor.surface(section.getWaterBody()));
      }
      if (period.seaClass() != null) {
        sea.add(period.seaClass());
      }
      if (period.surfaceClass() != null) {
        classes.add(period.surfaceClass());
      }
      if (period.cwqi() != null) {
        indices.add(
            new Cwqi.SectionIndex(period.cwqi(), SectionAssessor.surface(section.getWaterBody())));
      }
      if (assessedAsSource) {
        sources.add(new ComplianceRates.SourcePeriod(entry.getKey(), compliantEveryMonth, 0));
      }
    }
    SectionShares shares = SectionShares.of(classes);
    OptionalDouble cwqi = Cwqi.city(indices, cwqiRules);
    return new Figures(
        classes.size(),
        shares.goodPercent(),
        shares.classIvPercent(),
        shares.classVPercent(),
        shares.worseThanVPercent(),
        cwqi.isPresent() ? Cwqi.published(cwqi.getAsDouble(), cwqiRules) : Double.NaN,
        sources.size(),
        sources.isEmpty() ? Double.NaN : ComplianceRates.of(sources).byCountPercent(),
        sea.size(),
        SeaPointShares.of(sea).goodPointPercent(),
        waterBodies(named));
  }

  /**
   * The sections of one named water body. A name shared by a river and a lake is graded on the
   * river limits unless all its sections are lakes or reservoirs (independent of arrival order).
   */
  private static final class NamedWater {
    private final List<WaterQuality> values = new ArrayList<>();
    private final List<WaterClass> classes = new ArrayList<>();
    private WaterBody body = WaterBody.LAKE_RESERVOIR;

    void add(WaterQuality periodValues, WaterClass waterClass, WaterBody sectionBody) {
      values.add(periodValues);
      classes.add(waterClass);
      if (sectionBody == WaterBody.RIVER) {
        body = WaterBody.RIVER;
      }
    }
  }

  private List<WaterBodyFigures> waterBodies(Map<String, NamedWater> named) {
    List<WaterBodyFigures> figures = new ArrayList<>(named.size());
    named.forEach(
        (name, water) -> {
          SectionShares shares = SectionShares.of(water.classes);
          figures.add(
              new WaterBodyFigures(
                  name,
                  shares.total(),
                  orNull(shares.goodPercent()),
                  orNull(shares.worseThanVPercent()),
                  null,
                  null,
                  RiverGrading.of(water.values, water.body, gradingRules)
                      .map(WaterGrade::label)
                      .orElse(null)));
        });
    return figures;
  }

  private static CityWaterPeriod record(
      String cityId,
      PeriodType type,
      String period,
      Figures now,
      Figures last,
      String previousPeriod) {
    boolean compare = last != null && !last.empty();
    return CityWaterPeriod.newBuilder()
        .setCityId(cityId)
        .setPeriodType(type)
        .setPeriod(period)
        .setSections(now.sections())
        .setGoodShare(orNull(now.goodShare()))
        .setClassIVShare(orNull(now.classIvShare()))
        .setClassVShare(orNull(now.classVShare()))
        .setWorseThanVShare(orNull(now.worseThanVShare()))
        .setCwqi(orNull(now.cwqi()))
        .setDrinkingSources(now.drinkingSources())
        .setDrinkingCompliance(orNull(now.drinkingCompliance()))
        .setSeaPoints(now.seaPoints())
        .setSeaGoodShare(orNull(now.seaGoodShare()))
        .setWaterBodies(
            compare ? withChanges(now.waterBodies(), last.waterBodies()) : now.waterBodies())
        .setPreviousPeriod(compare ? previousPeriod : null)
        .setGoodShareChangePoints(compare ? points(now.goodShare(), last.goodShare()) : null)
        .setWorseThanVShareChangePoints(
            compare ? points(now.worseThanVShare(), last.worseThanVShare()) : null)
        .setCwqiChange(compare ? rate(now.cwqi(), last.cwqi()) : null)
        .setDrinkingComplianceChangePoints(
            compare ? points(now.drinkingCompliance(), last.drinkingCompliance()) : null)
        .setSeaGoodShareChangePoints(
            compare ? points(now.seaGoodShare(), last.seaGoodShare()) : null)
        .setRevision(0)
        .build();
  }

  /**
   * The water bodies with their change against the one of the same name last year, where there was
   * one.
   */
  private static List<WaterBodyFigures> withChanges(
      List<WaterBodyFigures> now, List<WaterBodyFigures> last) {
    Map<String, WaterBodyFigures> lastByName = new HashMap<>();
    last.forEach(body -> lastByName.put(body.getName(), body));
    for (WaterBodyFigures body : now) {
      WaterBodyFigures before = lastByName.get(body.getName());
      if (before != null) {
        body.setGoodShareChangePoints(
            points(orNaN(body.getGoodShare()), orNaN(before.getGoodShare())));
        body.setWorseThanVShareChangePoints(
            points(orNaN(body.getWorseThanVShare()), orNaN(before.getWorseThanVShare())));
      }
    }
    return now;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  private static int lastMonth(CityWaterYearState year) {
    int last = 1;
    for (SectionYear section : year.getSections().values()) {
      for (String month : section.getMonths().keySet()) {
        last = Math.max(last, Integer.parseInt(month));
      }
    }
    return last;
  }

  private static Double points(double now, double last) {
    OptionalDouble change = WaterYearOnYear.sharePoints(now, last);
    return change.isPresent() ? BulletinRounding.ratio(change.getAsDouble()) : null;
  }

  private static Double rate(double now, double last) {
    OptionalDouble change = WaterYearOnYear.cwqiChangeRate(now, last);
    return change.isPresent() ? BulletinRounding.changeRate(change.getAsDouble()) : null;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
