package io.ecostream.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecostream.domain.stats.DustDays.Designation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DustDaysTest {

  private static final LocalDate MAR_15 = LocalDate.of(2024, 3, 15);
  private static final LocalDate MAR_16 = LocalDate.of(2024, 3, 16);

  private static DustDays parse(String... lines) {
    return DustDays.parse("dust.csv", List.of(lines));
  }

  @Test
  void shouldParseDesignationsWithAndWithoutANote() {
    DustDays days =
        parse(
            "city_id,date,note",
            "jinan,2024-03-15,CNEMC dust bulletin, Mongolian plume",
            "binzhou,2024-03-16");

    assertThat(days.designations())
        .containsExactlyInAnyOrder(
            new Designation("jinan", MAR_15), new Designation("binzhou", MAR_16));
    assertThat(days.contains("jinan", MAR_15)).isTrue();
    assertThat(days.contains("jinan", MAR_16)).as("another day of a listed city").isFalse();
    assertThat(days.contains("binzhou", MAR_15)).as("another city on a listed day").isFalse();
  }

  @Test
  void shouldDesignateEveryCityWithAStar() {
    DustDays days = parse("city_id,date", "*,2024-03-15");

    assertThat(days.contains("jinan", MAR_15)).isTrue();
    assertThat(days.contains("binzhou", MAR_15)).isTrue();
    assertThat(days.contains("jinan", MAR_16)).isFalse();
  }

  @Test
  void shouldIgnoreCommentsBlankLinesSpacesAndRepeats() {
    DustDays days =
        parse(
            "\uFEFF# dust days of spring 2024",
            "",
            "city_id, date",
            "  # from the provincial bulletin",
            " jinan , 2024-03-15 ",
            "jinan,2024-03-15",
            "   ");

    assertThat(days.designations()).containsExactly(new Designation("jinan", MAR_15));
  }

  @Test
  void shouldAcceptAHeaderOnly() {
    assertThat(parse("city_id,date").designations()).isEmpty();
    assertThat(DustDays.none().contains("jinan", MAR_15)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "jinan,2024-03-15 | dust.csv line 2: expected the header 'city_id,date' or 'city_id,date,note', got 'jinan,2024-03-15'",
        "city,day | dust.csv line 2: expected the header 'city_id,date' or 'city_id,date,note', got 'city,day'",
      })
  void shouldRejectAMissingOrWrongHeader(String firstLine, String message) {
    assertThatThrownBy(() -> parse("# list", firstLine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void shouldRejectAFileWithoutHeader() {
    assertThatThrownBy(() -> parse("# nothing yet", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dust.csv: no header line 'city_id,date'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "jinan | dust.csv line 4: expected city_id,date[,note], got 'jinan'",
        ",2024-03-15 | dust.csv line 4: empty city_id in ',2024-03-15'",
        "jinan,2024-02-30 | dust.csv line 4: date '2024-02-30' is not a valid yyyy-MM-dd date",
        "jinan,15/03/2024 | dust.csv line 4: date '15/03/2024' is not a valid yyyy-MM-dd date",
        "jinan,2024-3-15 | dust.csv line 4: date '2024-3-15' is not a valid yyyy-MM-dd date",
      })
  void shouldRejectABadLineNamingFileAndLine(String badLine, String message) {
    // the line number counts the comment and the blank line: line 4 of the file
    assertThatThrownBy(() -> parse("city_id,date", "# spring", "", badLine))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void shouldReadAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dust.csv");
    Files.writeString(file, "city_id,date,note\n*,2024-03-15,北方沙尘暴\n", StandardCharsets.UTF_8);

    assertThat(DustDays.read(file).designations()).containsExactly(new Designation("*", MAR_15));
  }

  @Test
  void shouldRejectAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> DustDays.read(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read dust-days file " + missing);
  }

  @Test
  void shouldNameTheFileInALineError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dust.csv");
    Files.writeString(file, "city_id,date\njinan,tomorrow\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> DustDays.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " line 2: date 'tomorrow' is not a valid yyyy-MM-dd date");
  }
}
