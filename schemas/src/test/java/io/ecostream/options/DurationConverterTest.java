package io.ecostream.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @ParameterizedTest
  @CsvSource({
    "90s, PT1M30S",
    "5m, PT5M",
    "2h, PT2H",
    "1d, PT24H",
    "1.5h, PT1H30M",
    "500ms, PT0.5S",
    "10 M, PT10M",
    "PT45S, PT45S"
  })
  void shouldReadDurationsAsPeopleWriteThem(String text, String expected) {
    assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "five minutes", "-5s", "5y", "PTxS"})
  void shouldRejectWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> DurationConverter.parse(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected a duration like 90s, 5m, 2h or 1d, got '" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({"30, PT30S", "45s, PT45S", "2m, PT2M", "PT1H, PT1H"})
  void shouldReadABareNumberAsSecondsWhereOptionsTookSecondsBefore(String text, String expected) {
    assertThat(new DurationConverter.BareSeconds().convert(text))
        .isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"3, PT3H", "90m, PT1H30M", "1d, PT24H"})
  void shouldReadABareNumberAsHoursWhereOptionsTookHoursBefore(String text, String expected) {
    assertThat(new DurationConverter.BareHours().convert(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "1.5", "soon"})
  void shouldStillRejectWhatIsNotADurationNorAPositiveWholeNumber(String text) {
    assertThatThrownBy(() -> new DurationConverter.BareSeconds().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void shouldRejectAZeroDuration() {
    assertThatThrownBy(() -> DurationConverter.parse("0s"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("duration must be positive, got '0s'");
  }
}
