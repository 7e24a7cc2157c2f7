package io.ecostream.producer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-checked city table: a wrong id here would rename a city in every report, so the
 * rules of {@code china-cities.csv} are checked on the whole table and its hard cases one by one.
 */
class ChinaCityCatalogTest {

  private final ChinaCityCatalog catalog = ChinaCityCatalog.national();

  @Test
  void shouldHoldEveryColumnOfTheDailyFilesWithItsLevel() {
    // Counts of the data set's README: 337 prefecture-level units, 3 aliases, 29 county-level
    // cities, 2 XPCC cities, 4 new areas.
    Map<CityLevel, Long> perLevel =
        catalog.cities().stream()
            .collect(Collectors.groupingBy(ChinaCity::level, Collectors.counting()));

    assertThat(catalog.cities()).hasSize(375);
    assertThat(perLevel)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                CityLevel.PREFECTURE, 337L,
                CityLevel.PREFECTURE_ALIAS, 3L,
                CityLevel.COUNTY, 29L,
                CityLevel.XPCC, 2L,
                CityLevel.NEW_AREA, 4L));
    assertThat(catalog.cities().get(0).nameZh()).isEqualTo("北京");
    assertThat(catalog.cities().get(374).nameZh()).isEqualTo("西咸新区");
  }

  @Test
  void shouldCountThePrefecturesOfAProvinceAsTheAdministrativeDivisionsDo() {
    Map<String, Long> prefectures =
        catalog.cities().stream()
            .filter(c -> c.level() == CityLevel.PREFECTURE)
            .collect(Collectors.groupingBy(ChinaCity::province, Collectors.counting()));

    assertThat(prefectures)
        .containsEntry("Hebei", 11L)
        .containsEntry("Shandong", 16L)
        .containsEntry("Guangdong", 21L)
        .containsEntry("Sichuan", 21L)
        .containsEntry("Xinjiang", 14L)
        .containsEntry("Beijing", 1L)
        .hasSize(31);
  }

  @Test
  void shouldGiveEveryColumnAUniqueLowerCaseId() {
    List<String> ids = catalog.cities().stream().map(ChinaCity::id).toList();

    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+"));
  }

  @Test
  void shouldKeepTheSimulatorsIdsForTheSixteenShandongCities() {
    List<String> shandong =
        catalog.cities().stream()
            .filter(c -> c.province().equals("Shandong") && c.level() == CityLevel.PREFECTURE)
            .map(ChinaCity::id)
            .toList();

    assertThat(shandong).containsExactlyInAnyOrderElementsOf(StationCatalog.shandong().cityIds());
    assertThat(StationCatalog.shandong().cities())
        .allSatisfy(
            c ->
                assertThat(catalog.byName(c.nameZh()))
                    .get()
                    .extracting(ChinaCity::id)
                    .isEqualTo(c.id()));
  }

  @Test
  void shouldReadPolyphonicCharactersAsInThePlaceNames() {
    assertThat(
            Stream.of(
                    "重庆", "长沙", "长春", "长治", "厦门", "蚌埠", "六安", "成都", "佛山", "喀什地区", "阿勒泰地区", "吕梁",
                    "泰安")
                .map(this::idOf))
        .containsExactly(
            "chongqing",
            "changsha",
            "changchun",
            "changzhi",
            "xiamen",
            "bengbu",
            "luan",
            "chengdu",
            "foshan",
            "kashi",
            "aletai",
            "lvliang",
            "taian");
  }

  @Test
  void shouldLeaveOutAdministrativeSuffixesAndPeoples() {
    assertThat(
            Stream.of("延边朝鲜族自治州", "海西蒙古族藏族自治州", "楚雄州", "兴安盟", "铜仁地区", "伊犁哈萨克州", "雄安新区")
                .map(this::idOf))
        .containsExactly(
            "yanbian", "haixi", "chuxiong", "xingan", "tongren", "yili", "xionganxinqu");
  }

  @Test
  void shouldSuffixTheIdsThatWouldClash() {
    assertThat(
            Stream.of("苏州", "宿州", "泰州", "台州", "福州", "抚州", "伊春", "宜春", "玉林", "榆林", "阜阳", "富阳")
                .map(this::idOf))
        .containsExactly(
            "suzhou-jiangsu",
            "suzhou-anhui",
            "taizhou-jiangsu",
            "taizhou-zhejiang",
            "fuzhou-fujian",
            "fuzhou-jiangxi",
            "yichun-heilongjiang",
            "yichun-jiangxi",
            "yulin-guangxi",
            "yulin-shaanxi",
            "fuyang-anhui",
            "fuyang-zhejiang");
    assertThat(Stream.of("那曲地区", "那曲", "甘孜藏族自治州", "甘孜州").map(this::idOf))
        .containsExactly("naqu", "naqu-alias", "ganzi", "ganzi-alias");
  }

  @Test
  void shouldFindTheProvinceAndLevelOfAColumn() {
    assertThat(Stream.of("吉林", "石河子", "章丘", "黔东南州").map(name -> catalog.byName(name).orElseThrow()))
        .extracting(ChinaCity::id, ChinaCity::province, ChinaCity::provinceZh, ChinaCity::level)
        .containsExactly(
            tuple("jilin", "Jilin", "吉林", CityLevel.PREFECTURE),
            tuple("shihezi", "Xinjiang", "新疆", CityLevel.XPCC),
            tuple("zhangqiu", "Shandong", "山东", CityLevel.COUNTY),
            tuple("qiandongnan-alias", "Guizhou", "贵州", CityLevel.PREFECTURE_ALIAS));
    assertThat(catalog.byName("不存在")).isEmpty();
  }

  /**
   * Against the data set itself, where it is at hand ({@code $DATA/china-cities/}, see
   * docs/data.md): every column of {@code cities.csv} with its province and level, and the header
   * of the first and the last day, in the same order.
   */
  @Test
  void shouldMatchTheDataSetWhereItIsAtHand() throws IOException {
    String data = System.getenv("DATA");
    assumeThat(data).as("$DATA, the folder of the historical data").isNotNull();
    Path folder = Path.of(data, "china-cities");
    assumeThat(folder.resolve("cities.csv")).exists();

    List<String[]> rows =
        Files.readAllLines(folder.resolve("cities.csv"), StandardCharsets.UTF_8).stream()
            .skip(1)
            .map(line -> line.split(","))
            .toList();
    assertThat(catalog.cities())
        .extracting(
            ChinaCity::nameZh, ChinaCity::province, ChinaCity::provinceZh, c -> c.level().id())
        .containsExactlyElementsOf(rows.stream().map(r -> tuple(r[0], r[1], r[2], r[3])).toList());
    List<String> names = catalog.cities().stream().map(ChinaCity::nameZh).toList();
    for (String day : List.of("china_cities_20220101.csv.gz", "china_cities_20231231.csv.gz")) {
      assertThat(headerColumns(folder.resolve(day))).as(day).isEqualTo(names);
    }
  }

  private String idOf(String name) {
    return catalog.byName(name).map(ChinaCity::id).orElseThrow();
  }

  private static List<String> headerColumns(Path gzipped) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzipped)), StandardCharsets.UTF_8))) {
      return Arrays.stream(reader.readLine().split(",")).skip(3).toList();
    }
  }

  @Test
  void shouldCountOnlyPrefectureLevelCitiesAndCitiesOutsideTheCatalogueInTheMeans() {
    List<String> cities =
        List.of("jinan", "naqu", "zhangqiu", "naqu-alias", "xionganxinqu", "shihezi", "a-csv-city");

    assertThat(cities.stream().filter(ChinaCityCatalog.national()::countsInMeans))
        .containsExactly("jinan", "naqu", "a-csv-city");
  }
}
