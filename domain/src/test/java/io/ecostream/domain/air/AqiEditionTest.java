package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static io.ecostream.domain.air.AqiEdition.HJ_633_2026;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AqiEditionTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2013-01-01, HJ_633_2012",
    "2025-12-31, HJ_633_2012",
    "2026-02-28, HJ_633_2012",
    // HJ 633-2026 is in force from 2026-03-01.
    "2026-03-01, HJ_633_2026",
    "2026-03-02, HJ_633_2026",
    "2031-01-01, HJ_633_2026"
  })
  void shouldChooseTheEditionByTheDateOfTheData(LocalDate date, AqiEdition expected) {
    assertThat(AqiEdition.forDate(date)).isEqualTo(expected);
  }

  @Test
  void shouldNameTheStandard() {
    assertThat(HJ_633_2012.label()).isEqualTo("HJ 633-2012");
    assertThat(HJ_633_2026.label()).isEqualTo("HJ 633-2026");
    assertThat(HJ_633_2012.year()).isEqualTo(2012);
    assertThat(HJ_633_2026.year()).isEqualTo(2026);
  }
}
