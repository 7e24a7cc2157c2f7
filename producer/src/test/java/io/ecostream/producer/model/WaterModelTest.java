package io.ecostream.producer.model;

import static io.ecostream.producer.fixtures.Simulations.SEED;
import static io.ecostream.producer.fixtures.Simulations.days;
import static io.ecostream.producer.fixtures.Simulations.local;
import static io.ecostream.producer.fixtures.Simulations.run;
import static io.ecostream.producer.fixtures.Simulations.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.avro.SamplingMethod;
import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.producer.catalog.StationCatalog;
import io.ecostream.producer.catalog.WaterSection;
import io.ecostream.producer.fixtures.RecordingSink;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WaterModelTest {

  private static final LocalDate JANUARY_2 = LocalDate.of(2024, 1, 2);
  private static final LocalDate JANUARY_9 = LocalDate.of(2024, 1, 9);
  private static final LocalDate MAY_14 = LocalDate.of(2024, 5, 14);
  private static final StationCatalog NETWORK = StationCatalog.shandong();

  private static List<WaterSample> binzhouYear;

  @BeforeAll
  static void simulateAYearOfBinzhouWater() {
    binzhouYear = run(days(SEED, LocalDate.of(2023, 1, 1), 365).cities(List.of("binzhou"))).water;
  }

  @Test
  void shouldReadNationalSectionsAutomaticallyEveryFourHours() {
    RecordingSink sink = simulate(JANUARY_2, 2, "binzhou");
    List<String> automaticSections =
        sections("binzhou").stream()
            .filter(WaterSection::hasAutomaticStation)
            .map(WaterSection::id)
            .toList();

    assertThat(automaticSections).hasSize(11);
    assertThat(sink.water).allMatch(s -> s.getMethod() == SamplingMethod.AUTOMATIC);
    assertThat(
            sink.water.stream()
                .collect(Collectors.groupingBy(WaterSample::getStationId, Collectors.counting())))
        .containsOnlyKeys(automaticSections)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(12));
    assertThat(sink.water)
        .allSatisfy(
            s -> {
              LocalDateTime t = local(s.getSampledAt());
              assertThat(t.getHour() % 4).isZero();
              assertThat(t.getMinute()).isZero();
              assertThat(s.getCod()).isNull();
              assertThat(s.getBod5()).isNull();
              assertThat(s.getCodMn()).isNotNull();
            });
  }

  @Test
  void shouldSampleEverySurfaceSectionByHandOnTheTenthOfTheMonth() {
    RecordingSink sink = run(days(SEED, JANUARY_9, 3).water(true));
    List<WaterSample> manual =
        sink.water.stream().filter(s -> s.getMethod() == SamplingMethod.MANUAL).toList();

    assertThat(manual)
        .extracting(WaterSample::getStationId)
        .containsExactlyInAnyOrderElementsOf(
            NETWORK.waterSections().stream()
                .filter(s -> !s.isSea())
                .map(WaterSection::id)
                .toList());
    assertThat(manual)
        .allSatisfy(
            s -> {
              LocalDateTime t = local(s.getSampledAt());
              assertThat(t.toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
              assertThat(t.getHour()).isBetween(9, 11);
              assertThat(s.getCod()).isGreaterThan(2 * s.getCodMn());
              assertThat(s.getBod5()).isPositive().isLessThan(s.getCod());
            });
  }

  @Test
  void shouldSampleSeaPointsInTheNearShoreCampaigns() {
    RecordingSink sink = simulate(MAY_14, 3, "weihai");
    List<WaterSample> sea =
        sink.water.stream().filter(s -> s.getStationId().startsWith("WH-S")).toList();

    assertThat(sea).extracting(WaterSample::getStationId).containsExactly("WH-S01", "WH-S02");
    assertThat(sea)
        .allSatisfy(
            s -> {
              assertThat(s.getMethod()).isEqualTo(SamplingMethod.MANUAL);
              assertThat(local(s.getSampledAt()).toLocalDate())
                  .isEqualTo(LocalDate.of(2024, 5, 15));
              assertThat(s.getCodMn()).isNull();
              assertThat(s.getCod()).isBetween(0.2, 4.0);
              assertThat(s.getPh()).isBetween(7.6, 8.6);
              assertThat(s.getConductivity()).isGreaterThan(30_000);
            });
    assertThat(simulate(LocalDate.of(2024, 6, 14), 3, "weihai").water)
        .noneMatch(s -> s.getStationId().startsWith("WH-S"));
  }

  @Test
  void shouldLeaveItemsTheAnalysersDoNotMeasureEmpty() {
    // 清泉寺 (Linyi) has no TP or TN analyser; the laboratory measures them.
    List<WaterSample> qingquansi = simulate(JANUARY_9, 2, "linyi").waterOf("LY-W07");

    assertThat(qingquansi)
        .filteredOn(s -> s.getMethod() == SamplingMethod.AUTOMATIC)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.getTotalPhosphorus()).isNull();
              assertThat(s.getTotalNitrogen()).isNull();
            });
    assertThat(qingquansi)
        .filteredOn(s -> s.getMethod() == SamplingMethod.MANUAL)
        .singleElement()
        .satisfies(s -> assertThat(s.getTotalPhosphorus()).isNotNull());
  }

  @Test
  void shouldKeepWaterReadingsPlausible() {
    assertThat(binzhouYear)
        .filteredOn(s -> s.getMethod() == SamplingMethod.AUTOMATIC)
        .hasSize(11 * 6 * 365)
        .allSatisfy(
            s -> {
              assertThat(s.getPh()).isBetween(6.0, 9.5);
              assertThat(s.getDissolvedOxygen()).isBetween(0.1, 25.0);
              assertThat(s.getWaterTemperature()).isBetween(0.0, 36.0);
              assertThat(s.getAmmoniaNitrogen()).isGreaterThanOrEqualTo(0.025);
              assertThat(s.getTotalPhosphorus()).isGreaterThanOrEqualTo(0.005);
              assertThat(s.getCodMn()).isBetween(0.25, 30.0);
              assertThat(s.getConductivity()).isPositive();
              assertThat(s.getTurbidity()).isPositive();
            });
  }

  @Test
  void shouldHoldLessOxygenInWarmSummerWater() {
    assertThat(mean(7, WaterSample::getWaterTemperature)).isGreaterThan(25);
    assertThat(mean(1, WaterSample::getWaterTemperature)).isLessThan(8);
    assertThat(mean(7, WaterSample::getDissolvedOxygen))
        .isLessThan(0.8 * mean(1, WaterSample::getDissolvedOxygen));
    assertThat(mean(1, WaterSample::getAmmoniaNitrogen))
        .isGreaterThan(mean(7, WaterSample::getAmmoniaNitrogen));
  }

  @Test
  void shouldKeepMostBinzhouSectionsInClassesTwoToFourWithOneOrTwoOccasionallyWorse() {
    Map<String, List<Integer>> classes =
        binzhouYear.stream()
            .filter(s -> s.getMethod() == SamplingMethod.AUTOMATIC)
            .collect(
                Collectors.groupingBy(
                    WaterSample::getStationId,
                    Collectors.mapping(WaterModelTest::surfaceWaterClass, Collectors.toList())));

    long all = classes.values().stream().mapToLong(List::size).sum();
    long twoToFour =
        classes.values().stream().flatMap(List::stream).filter(c -> c >= 2 && c <= 4).count();
    assertThat((double) twoToFour / all).isGreaterThan(0.8);
    List<String> oftenWorseThanFour =
        classes.entrySet().stream()
            .filter(e -> share(e.getValue(), cls -> cls > 4) > 0.10)
            .map(Map.Entry::getKey)
            .toList();
    assertThat(oftenWorseThanFour).hasSizeBetween(1, 2);
  }

  /**
   * Single-factor GB 3838-2002 class (1-5, 6 = worse than V) of an automatic reading from the items
   * the automatic stations measure (docs/standards.md#surface-water-classes), lake TP limits for
   * reservoirs.
   */
  private static int surfaceWaterClass(WaterSample s) {
    WaterSection section =
        NETWORK.waterSections().stream()
            .filter(w -> w.id().equals(s.getStationId()))
            .findFirst()
            .orElseThrow();
    boolean lake = section.waterBody() != WaterBodyType.RIVER;
    double[] tpLimits =
        lake ? new double[] {0.01, 0.025, 0.05, 0.1, 0.2} : new double[] {0.02, 0.1, 0.2, 0.3, 0.4};
    int cls = atMost(s.getCodMn(), new double[] {2, 4, 6, 10, 15});
    cls = Math.max(cls, atMost(s.getAmmoniaNitrogen(), new double[] {0.15, 0.5, 1.0, 1.5, 2.0}));
    cls = Math.max(cls, atMost(s.getTotalPhosphorus(), tpLimits));
    double[] doLimits = {7.5, 6, 5, 3, 2};
    int doClass = 6;
    for (int c = 0; c < 5; c++) {
      if (s.getDissolvedOxygen() >= doLimits[c]) {
        doClass = c + 1;
        break;
      }
    }
    return Math.max(cls, doClass);
  }

  private static int atMost(double value, double[] limits) {
    for (int c = 0; c < limits.length; c++) {
      if (value <= limits[c]) {
        return c + 1;
      }
    }
    return 6;
  }

  private static double share(List<Integer> classes, java.util.function.IntPredicate test) {
    return (double) classes.stream().filter(test::test).count() / classes.size();
  }

  private static double mean(int month, ToDoubleFunction<WaterSample> value) {
    return binzhouYear.stream()
        .filter(s -> s.getMethod() == SamplingMethod.AUTOMATIC)
        .filter(s -> local(s.getSampledAt()).getMonthValue() == month)
        .mapToDouble(value)
        .average()
        .orElseThrow();
  }

  private static List<WaterSection> sections(String cityId) {
    return NETWORK.waterSections().stream().filter(s -> s.city().id().equals(cityId)).toList();
  }
}
