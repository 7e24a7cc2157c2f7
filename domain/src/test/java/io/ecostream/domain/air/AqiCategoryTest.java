package io.ecostream.domain.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AqiCategoryTest {

  @ParameterizedTest(name = "AQI {0} → {1}")
  @CsvSource({
    "0, EXCELLENT",
    "50, EXCELLENT",
    "51, GOOD",
    "100, GOOD",
    "101, LIGHTLY_POLLUTED",
    "150, LIGHTLY_POLLUTED",
    "151, MODERATELY_POLLUTED",
    "200, MODERATELY_POLLUTED",
    "201, HEAVILY_POLLUTED",
    "300, HEAVILY_POLLUTED",
    "301, SEVERELY_POLLUTED",
    "500, SEVERELY_POLLUTED"
  })
  void shouldMapEveryCategoryBoundary(int aqi, AqiCategory expected) {
    assertThat(AqiCategory.of(aqi)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {Iaqi.NONE, -2, 501, Integer.MAX_VALUE})
  void shouldRejectValuesOffTheAqiScale(int aqi) {
    assertThatThrownBy(() -> AqiCategory.of(aqi)).isInstanceOf(IllegalArgumentException.class);
  }

  // HJ 633-2012 Table 2 / A.1 and HJ 633-2026 Table 1 / A.1; hex is the RGB triple of Table A.1.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "EXCELLENT, 1, 优, excellent, #00E400",
    "GOOD, 2, 良, good, #FFFF00",
    "LIGHTLY_POLLUTED, 3, 轻度污染, lightly polluted, #FF7E00",
    "MODERATELY_POLLUTED, 4, 中度污染, moderately polluted, #FF0000",
    "HEAVILY_POLLUTED, 5, 重度污染, heavily polluted, #99004C",
    "SEVERELY_POLLUTED, 6, 严重污染, severely polluted, #7E0023"
  })
  void shouldCarryTheLevelNamesAndColourOfTheStandard(
      AqiCategory category, int level, String chinese, String english, String hex) {
    assertThat(category.level()).isEqualTo(level);
    assertThat(category.chineseName()).isEqualTo(chinese);
    assertThat(category.englishName()).isEqualTo(english);
    assertThat(category.hexColour()).isEqualTo(hex);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // (R, G, B) of Table A.1, packed as 0xRRGGBB.
    "EXCELLENT, 0, 228, 0",
    "GOOD, 255, 255, 0",
    "LIGHTLY_POLLUTED, 255, 126, 0",
    "MODERATELY_POLLUTED, 255, 0, 0",
    "HEAVILY_POLLUTED, 153, 0, 76",
    "SEVERELY_POLLUTED, 126, 0, 35"
  })
  void shouldPackTheRgbTriple(AqiCategory category, int red, int green, int blue) {
    assertThat(category.rgb()).isEqualTo(red * 65536 + green * 256 + blue);
  }

  @ParameterizedTest(name = "{0}: {1}–{2}")
  @CsvSource({
    "EXCELLENT, 0, 50",
    "GOOD, 51, 100",
    "LIGHTLY_POLLUTED, 101, 150",
    "MODERATELY_POLLUTED, 151, 200",
    "HEAVILY_POLLUTED, 201, 300",
    "SEVERELY_POLLUTED, 301, 500"
  })
  void shouldExposeItsAqiRange(AqiCategory category, int min, int max) {
    assertThat(category.minAqi()).isEqualTo(min);
    assertThat(category.maxAqi()).isEqualTo(max);
  }
}
