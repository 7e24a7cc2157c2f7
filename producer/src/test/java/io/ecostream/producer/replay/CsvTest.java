package io.ecostream.producer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void shouldSplitPlainAndQuotedCellsKeepingEmptyOnes() {
    assertThat(Csv.split("a,,b,")).containsExactly("a", "", "b", "");
    assertThat(Csv.split("1,\"NNW\",\"a, b\",\"say \"\"hi\"\"\""))
        .containsExactly("1", "NNW", "a, b", "say \"hi\"");
  }

  @Test
  void shouldRejectAnUnclosedQuote() {
    assertThat(Csv.split("1,\"open")).isNull();
  }

  @Test
  void shouldReadDecimalNumbersOnly() {
    assertThat(Csv.number("300")).isEqualTo(300.0);
    assertThat(Csv.number("-0.7")).isEqualTo(-0.7);
    assertThat(Csv.number(".5")).isEqualTo(0.5);
    assertThat(Csv.number("1e3")).isEqualTo(1000.0);
    for (String text : new String[] {"NaN", "Infinity", "12d", "0x1p3", "", "-", "1e", "1,5"}) {
      assertThatThrownBy(() -> Csv.number(text)).as(text).isInstanceOf(NumberFormatException.class);
    }
  }
}
