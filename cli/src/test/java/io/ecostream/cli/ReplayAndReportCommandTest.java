package io.ecostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayAndReportCommandTest {

  @Test
  void shouldAverageOnlyThePrefectureLevelCitiesOfTheNationalCatalogue() {
    List<String> cities =
        List.of("jinan", "naqu", "zhangqiu", "naqu-alias", "xionganxinqu", "shihezi", "a-csv-city");

    assertThat(cities.stream().filter(ReplayAndReportCommand::isPrefectureLevel))
        .containsExactly("jinan", "naqu", "a-csv-city");
  }
}
