package io.ecostream.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecostream.avro.AqiEdition;
import io.ecostream.avro.CityDaily;
import io.ecostream.domain.stats.PeriodRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirReportTest {

  private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
  private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);

  private final AirReport report = new AirReport(PeriodRules.defaults());

  private static CityDaily day(
      String city,
      LocalDate date,
      double so2,
      double no2,
      double pm10,
      double pm25,
      double co,
      double o3,
      int aqi) {
    return CityDaily.newBuilder()
        .setCityId(city)
        .setDate(date)
        .setEdition(AqiEdition.HJ_633_2012)
        .setSo2(so2)
        .setNo2(no2)
        .setPm10(pm10)
        .setPm25(pm25)
        .setCo(co)
        .setO3Mda8(o3)
        .setAqi(aqi)
        .setValid(true)
        .setStationsReporting(1)
        .setStationsComplete(1)
        .setStationHours(24)
        .setRevision(1)
        .build();
  }

  private static List<CityDaily> twoCities() {
    return List.of(
        day("a", JAN_1, 10, 40, 100, 50, 1.0, 100, 80),
        day("a", JAN_2, 20, 20, 60, 30, 0.6, 140, 120),
        day("b", JAN_1, 10, 40, 100, 60, 1.0, 100, 82),
        day("b", JAN_2, 10, 40, 100, 60, 1.0, 100, 82));
  }

  @Test
  void shouldReportEachCityAndYearRoundedAsBulletinsPublish() {
    List<ObjectNode> lines = report.lines(twoCities(), Map.of(), null);

    assertThat(lines).hasSize(2);
    // a: PM2.5 (50 + 30) / 2 = 40, PM10 80, SO2 15, NO2 30; CO p95 of {0.6, 1.0}: k = 1.95 ->
    // 0.6 + 0.95 * 0.4 = 0.98 -> 1.0; O3 p90 of {100, 140}: k = 1.9 -> 136;
    // index 15/60 + 30/40 + 80/70 + 40/35 + 1.0/4 + 136/160
    //     = 0.25 + 0.75 + 1.142857 + 1.142857 + 0.25 + 0.85 = 4.3857 -> 4.39
    assertThat(lines.get(0))
        .hasToString(
            "{\"city\":\"a\",\"year\":2024,\"validDays\":2,\"goodDays\":1,\"goodRatio\":50.0,"
                + "\"heavyDays\":0,\"heavyRatio\":0.0,\"severeDays\":0,\"pm25\":40,\"pm10\":80,"
                + "\"so2\":15,\"no2\":30,"
                + "\"co95\":1.0,\"o3p90\":136,\"compositeIndex\":4.39,\"dustDays\":0,"
                + "\"pm25Dust\":40,\"pm10Dust\":80,\"compositeIndexDust\":4.39}");
    // b: 10/60 + 40/40 + 100/70 + 60/35 + 1.0/4 + 100/160 = 5.1845 -> 5.18
    assertThat(lines.get(1).get("compositeIndex").asDouble()).isEqualTo(5.18);
    assertThat(lines.get(1).get("goodRatio").asDouble()).isEqualTo(100.0);
  }

  @Test
  void shouldEndWithTheMeanOfTheCitiesOfAProvince() {
    List<ObjectNode> lines = report.lines(twoCities(), Map.of("a", "P", "b", "P"), null);

    assertThat(lines).hasSize(3);
    ObjectNode province = lines.get(2);
    assertThat(province.get("city").asText()).isEqualTo("P");
    assertThat(province.get("year").asInt()).isEqualTo(2024);
    assertThat(province.get("cities").asInt()).isEqualTo(2);
    assertThat(province.get("pm25").asLong()).isEqualTo(50); // (40 + 60) / 2
    assertThat(province.get("goodRatio").asDouble()).isEqualTo(75.0); // (50.0 + 100.0) / 2
    assertThat(province.get("goodDays").asDouble()).isEqualTo(1.5);
    assertThat(province.get("o3p90").asLong()).isEqualTo(118); // (136 + 100) / 2
    // (4.39 + 5.18) / 2 = 4.785, a tie: half to even -> 4.78
    assertThat(province.get("compositeIndex").asDouble()).isEqualTo(4.78);
  }

  @Test
  void shouldGiveAHeavyDayRatioOfTheValidDays() {
    List<ObjectNode> lines = report.lines(threeCitiesAndACounty(), Map.of(), null);

    // c: AQI 250 on Jan 1 (heavily polluted), 82 on Jan 2: 1 heavy of 2 valid days.
    assertThat(lines)
        .filteredOn(l -> l.get("city").asText().equals("c"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("heavyDays").asInt()).isEqualTo(1);
              assertThat(c.get("heavyRatio").asDouble()).isEqualTo(50.0);
              assertThat(c.get("goodRatio").asDouble()).isEqualTo(50.0);
            });
  }

  /**
   * a (province P) and b, c (Q) are prefecture-level; x, a county-level city of Q with far dirtier
   * air, has its own line but is in no mean.
   */
  private static List<CityDaily> threeCitiesAndACounty() {
    List<CityDaily> days = new java.util.ArrayList<>(twoCities());
    days.add(day("c", JAN_1, 10, 40, 100, 60, 1.0, 100, 250));
    days.add(day("c", JAN_2, 10, 40, 100, 60, 1.0, 100, 82));
    days.add(day("x", JAN_1, 10, 40, 300, 200, 1.0, 100, 300));
    days.add(day("x", JAN_2, 10, 40, 300, 200, 1.0, 100, 300));
    return days;
  }

  @Test
  void shouldEndANationalReportWithEveryProvinceAndTheMeanOfAllPrefectureLevelCities() {
    AirReport national = new AirReport(PeriodRules.defaults(), city -> !city.equals("x"));

    List<ObjectNode> lines =
        national.lines(
            threeCitiesAndACounty(), Map.of("a", "P", "b", "Q", "c", "Q", "x", "Q"), null);

    assertThat(lines)
        .extracting(l -> l.get("city").asText())
        .containsExactly("a", "b", "c", "x", "P", "Q", "China");
    // P, one city, has a's figures: a line of its own, as the report covers two provinces.
    ObjectNode p = lines.get(4);
    assertThat(p.get("cities").asInt()).isEqualTo(1);
    assertThat(p.get("pm25").asLong()).isEqualTo(40);
    assertThat(p.get("compositeIndex").asDouble()).isEqualTo(4.39);
    // Q = b and c, not x: PM2.5 (60 + 60) / 2 = 60; good (100.0 + 50.0) / 2 = 75.0;
    // heavy (0.0 + 50.0) / 2 = 25.0; heavy days (0 + 1) / 2 = 0.5; index (5.18 + 5.18) / 2.
    ObjectNode q = lines.get(5);
    assertThat(q.get("cities").asInt()).isEqualTo(2);
    assertThat(q.get("pm25").asLong()).isEqualTo(60);
    assertThat(q.get("goodRatio").asDouble()).isEqualTo(75.0);
    assertThat(q.get("heavyRatio").asDouble()).isEqualTo(25.0);
    assertThat(q.get("heavyDays").asDouble()).isEqualTo(0.5);
    assertThat(q.get("compositeIndex").asDouble()).isEqualTo(5.18);
    // China = a, b, c (not the mean of P and Q): PM2.5 (40 + 60 + 60) / 3 = 53.3 -> 53;
    // PM10 (80 + 100 + 100) / 3 = 93.3 -> 93; good (50 + 100 + 50) / 3 = 66.67 -> 66.7;
    // heavy (0 + 0 + 50) / 3 = 16.67 -> 16.7; index (4.39 + 5.18 + 5.18) / 3 = 4.9167 -> 4.92.
    ObjectNode china = lines.get(6);
    assertThat(china.get("year").asInt()).isEqualTo(2024);
    assertThat(china.get("cities").asInt()).isEqualTo(3);
    assertThat(china.get("pm25").asLong()).isEqualTo(53);
    assertThat(china.get("pm10").asLong()).isEqualTo(93);
    assertThat(china.get("goodRatio").asDouble()).isEqualTo(66.7);
    assertThat(china.get("heavyRatio").asDouble()).isEqualTo(16.7);
    assertThat(china.get("compositeIndex").asDouble()).isEqualTo(4.92);
    assertThat(china.get("compositeIndexDust").asDouble()).isEqualTo(4.92);
  }

  @Test
  void shouldLeaveOutAProvinceOfOneCity() {
    assertThat(report.lines(twoCities(), Map.of("a", "P"), null)).hasSize(2);
  }

  @Test
  void shouldReportAGivenPeriodInsteadOfCalendarYears() {
    List<ObjectNode> lines =
        report.lines(twoCities(), Map.of(), AirReport.Period.parse("2024-01-02..2024-01-02"));

    assertThat(lines.get(0).get("period").asText()).isEqualTo("2024-01-02..2024-01-02");
    assertThat(lines.get(0).has("year")).isFalse();
    assertThat(lines.get(0).get("pm25").asLong()).isEqualTo(30);
    assertThat(lines.get(0).get("validDays").asInt()).isEqualTo(1);
  }

  @Test
  void shouldLeaveOutAYearWithoutAnyDailyValue() {
    CityDaily lastHourOfTheYearBefore =
        CityDaily.newBuilder()
            .setCityId("a")
            .setDate(LocalDate.of(2023, 12, 31))
            .setEdition(AqiEdition.HJ_633_2012)
            .setStationsReporting(1)
            .setStationsComplete(0)
            .setStationHours(1)
            .setRevision(1)
            .build();
    List<CityDaily> days = new java.util.ArrayList<>(twoCities());
    days.add(lastHourOfTheYearBefore);

    assertThat(report.lines(days, Map.of(), null))
        .extracting(l -> l.get("year").asInt())
        .containsOnly(2024);
  }

  @Test
  void shouldRejectAMalformedPeriod() {
    assertThatThrownBy(() -> AirReport.Period.parse("2024-01-01"))
        .hasMessageContaining("expected FROM..TO");
    assertThatThrownBy(() -> AirReport.Period.parse("2024-03-01..2024-01-01"))
        .hasMessageContaining("must run forwards");
  }
}
