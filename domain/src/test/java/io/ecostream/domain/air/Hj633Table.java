package io.ecostream.domain.air;

import static io.ecostream.domain.air.AqiEdition.HJ_633_2012;
import static io.ecostream.domain.air.AqiEdition.HJ_633_2026;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAQI breakpoint table, copied row for row from docs/standards.md#iaqi-breakpoints (HJ
 * 633-2012 Table 1, HJ 633-2026 Table 3) and parsed here, so that the tests do not depend on the
 * production copy of the table.
 */
final class Hj633Table {

  // | IAQI | SO2 24h | SO2 1h ¹ | NO2 24h | NO2 1h ¹ | PM10 24h (2012) | ★PM10 24h (2026) | CO 24h
  // | CO 1h ¹ | O3 1h | O3 8h | PM2.5 24h (2012) | ★PM2.5 24h (2026) |
  private static final String TABLE =
      """
      | 0   | 0    | 0   | 0   | 0    | 0   | 0   | 0  | 0   | 0    | 0   | 0   | 0   |
      | 50  | 50   | 150 | 40  | 100  | 50  | 50  | 2  | 5   | 160  | 100 | 35  | 35  |
      | 100 | 150  | 500 | 80  | 200  | 150 | **120** | 4  | 10  | 200  | 160 | 75  | **60** |
      | 150 | 475  | 650 | 180 | 700  | 250 | 250 | 14 | 35  | 300  | 215 | 115 | 115 |
      | 200 | 800  | 800 | 280 | 1200 | 350 | 350 | 24 | 60  | 400  | 265 | 150 | 150 |
      | 300 | 1600 | ²   | 565 | 2340 | 420 | 420 | 36 | 90  | 800  | 800 | 250 | 250 |
      | 400 | 2100 | ²   | 750 | 3090 | 500 | 500 | 48 | 120 | 1000 | ³   | 350 | 350 |
      | 500 | 2620 | ²   | 940 | 3840 | 600 | 600 | 60 | 150 | 1200 | ³   | 500 | 500 |
      """;

  /** One breakpoint: a concentration (µg/m³, CO mg/m³) and the IAQI of its row. */
  record Breakpoint(BigDecimal concentration, int iaqi) {}

  private Hj633Table() {}

  /**
   * The breakpoints of the column the indicator is evaluated on under the edition, in row order.
   */
  static List<Breakpoint> column(AqiEdition edition, Indicator indicator) {
    int position = position(edition, indicator);
    List<Breakpoint> column = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] cells = line.strip().split("\\|");
      // cells[0] is the empty text before the leading '|'.
      int iaqi = Integer.parseInt(cells[1].strip());
      String cell = cells[position + 1].replace("*", "").strip();
      if (!cell.equals("²") && !cell.equals("³")) {
        column.add(new Breakpoint(new BigDecimal(cell), iaqi));
      }
    }
    return column;
  }

  /** The position of the indicator's column in the table, the IAQI column being 0. */
  private static int position(AqiEdition edition, Indicator indicator) {
    boolean is2012 = edition == HJ_633_2012;
    return switch (indicator) {
      case SO2_24H -> 1;
      case SO2_1H -> 2;
      case NO2_24H -> 3;
      case NO2_1H -> 4;
      // HJ 633-2026 §4.2.4: PM 1-hour values on the daily breakpoints; the same choice is made for
      // 2012.
      case PM10_24H, PM10_1H -> is2012 ? 5 : 6;
      case CO_24H -> 7;
      case CO_1H -> 8;
      case O3_1H -> 9;
      case O3_8H -> 10;
      case PM2_5_24H, PM2_5_1H -> is2012 ? 11 : 12;
    };
  }

  static AqiEdition[] editions() {
    return new AqiEdition[] {HJ_633_2012, HJ_633_2026};
  }
}
