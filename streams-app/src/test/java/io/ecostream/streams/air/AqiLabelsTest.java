package io.ecostream.streams.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.DailyAqi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AqiLabelsTest {

  @ParameterizedTest
  @EnumSource(AqiEdition.class)
  void shouldWriteEachEditionAsTheSchemasValueOfTheSameName(AqiEdition edition) {
    assertThat(AqiLabels.edition(edition).name()).isEqualTo(edition.name());
  }

  @Test
  void shouldWriteTheCategoryOfAPublishedAqiAndNoneOtherwise() {
    // PM2.5 24 h of 160 µg/m³: IAQI 210 on the 150-250 segment (HJ 633 Table 1), heavily polluted.
    assertThat(
            AqiLabels.category(
                    DailyAqi.builder(AqiEdition.HJ_633_2012)
                        .so2(5.0)
                        .no2(20.0)
                        .co(0.5)
                        .o3Max8h(60.0)
                        .pm10(100.0)
                        .pm25(160.0)
                        .compute())
                .name())
        .isEqualTo("HEAVILY_POLLUTED");
    assertThat(AqiLabels.category(DailyAqi.builder(AqiEdition.HJ_633_2012).compute())).isNull();
  }
}
