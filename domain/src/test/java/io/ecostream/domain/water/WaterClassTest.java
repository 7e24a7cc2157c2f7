package io.ecostream.domain.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaterClassTest {

  @Test
  void shouldLabelAndGradeEveryClass() {
    assertThat(WaterClass.values())
        .extracting(WaterClass::label)
        .containsExactly("I", "II", "III", "IV", "V", "劣V");
    assertThat(WaterClass.values())
        .extracting(WaterClass::number)
        .containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(WaterClass.values())
        .extracting(c -> c.grade().label())
        .containsExactly("优", "优", "良好", "轻度污染", "中度污染", "重度污染");
    assertThat(WaterClass.values())
        .extracting(WaterClass::isGood)
        .containsExactly(true, true, true, false, false, false);
  }

  @Test
  void shouldFindTheClassOfATargetNumber() {
    assertThat(WaterClass.ofNumber(3)).isEqualTo(WaterClass.III);
    assertThat(WaterClass.ofNumber(6)).isEqualTo(WaterClass.WORSE_THAN_V);
    assertThatThrownBy(() -> WaterClass.ofNumber(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WaterClass.ofNumber(7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPickTheWorseClass() {
    assertThat(WaterClass.II.worse(WaterClass.IV)).isEqualTo(WaterClass.IV);
    assertThat(WaterClass.WORSE_THAN_V.worse(WaterClass.I)).isEqualTo(WaterClass.WORSE_THAN_V);
  }

  @Test
  void shouldCodeSeaClassesOneToFive() {
    assertThat(SeaClass.values()).extracting(SeaClass::code).containsExactly(1, 2, 3, 4, 5);
    assertThat(SeaClass.values())
        .extracting(SeaClass::label)
        .containsExactly("一类", "二类", "三类", "四类", "劣四类");
    assertThat(SeaClass.values())
        .extracting(SeaClass::isGood)
        .containsExactly(true, true, false, false, false);
  }
}
