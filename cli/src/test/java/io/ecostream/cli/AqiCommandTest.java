package io.ecostream.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code ecostream aqi} run in-process. Expected IAQIs are worked out by hand from the breakpoint
 * table of HJ 633-2012 Table 1 / HJ 633-2026 Table 3 (docs/standards.md#iaqi-breakpoints), as
 * IAQI_Lo + ⌈(IAQI_Hi − IAQI_Lo)(C − BP_Lo)/(BP_Hi − BP_Lo)⌉.
 */
class AqiCommandTest {

  @ParameterizedTest(name = "HJ 633-{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // CO 24 h 2-4 mg/m³ -> 50-100: 50 + 50·0.2/2 = 55 exactly (a double evaluation gives 56).
        "2012 | CO,24h,2.2     | 55",
        "2026 | CO,24h,2.2     | 55",
        // PM2.5 24 h: 2012 75-115 -> 100 + ⌈50·5/40⌉ = 107; 2026 60-115 -> 100 + ⌈50·20/55⌉ = 119.
        "2012 | PM2.5,24h,80   | 107",
        "2026 | PM2.5,24h,80   | 119",
        // PM10 24 h: 2012 150 is the IAQI-100 breakpoint; 2026 120-250 -> 100 + ⌈50·30/130⌉ = 112.
        "2012 | PM10,24h,150   | 100",
        "2026 | PM10,24h,150   | 112",
        // SO2 1 h above 800: 2012 computes none, 2026 counts 200; 800 itself is the last
        // breakpoint.
        "2012 | SO2,1h,801     | NA",
        "2026 | SO2,1h,801     | 200",
        "2012 | SO2,1h,800     | 200",
        // O3 8 h above 800: 2012 computes none, 2026 counts 300; 800 itself is the last breakpoint.
        "2012 | O3,8h,801      | NA",
        "2026 | O3,8h,801      | 300",
        "2012 | O3,8h,800      | 300",
        // PM 1 h on the 24 h breakpoints (HJ 633-2026 §4.2.4).
        "2026 | PM2.5,1h,80    | 119",
        "2026 | PM10,1h,150    | 112",
        // CO 1 h 60-90 -> 200-300: 200 + 100·5.4/30 = 218 exactly (a double evaluation gives 219).
        "2026 | CO,1h,65.4     | 218",
        // NO2 24 h 40-80 -> 50 + ⌈50·5/40⌉ = 57; O3 1 h 200-300 -> 100 + ⌈50·30/100⌉ = 115.
        "2026 | NO2,24h,45     | 57",
        "2026 | O3,1h,230      | 115",
        // Above the last PM2.5 breakpoint (500): capped at 500.
        "2026 | PM2.5,24h,501  | 500",
        // GB/T 8170 first: 34.5 -> 34 (half to even), then ⌈50·34/35⌉ = 49.
        "2026 | PM2.5,24h,34.5 | 49",
        "2026 | SO2,24h,0      | 0",
        // An exponent is a decimal too: 1e2 = 100 -> 100 + ⌈50·40/55⌉ = 137.
        "2026 | PM2.5,24h,1e2  | 137"
      })
  void shouldAppendTheIaqiOfAReading(String edition, String line, String iaqi) {
    CliRun run = aqi(line + "\n", "--edition", edition);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(line + "," + iaqi + "\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldDefaultToThe2026Edition() {
    CliRun run = aqi("PM2.5,24h,80\nPM10,24h,150\n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("PM2.5,24h,80,119\nPM10,24h,150,112\n");
  }

  @Test
  void shouldWriteBackTheHeaderAndBlankLines() {
    CliRun run =
        aqi(
            "pollutant,period,concentration\nCO,24h,2.2\n\n   \nPM2.5,24h,80\n",
            "--edition",
            "2012");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("pollutant,period,concentration,iaqi\nCO,24h,2.2,55\n\n\nPM2.5,24h,80,107\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldKeepTheTrimmedLineAndIgnoreCase() {
    CliRun run =
        aqi(
            "  Pollutant, Period, Concentration \n  pm2_5 , 24H , 80\t\nco,1H,2.2\nPm2.5,1h,80\n",
            "--edition",
            "2026");

    assertThat(run.exitCode()).isZero();
    // CO 1 h 0-5 -> 0-50: 50·2.2/5 = 22.
    assertThat(run.out().lines())
        .containsExactly(
            "Pollutant, Period, Concentration,iaqi",
            "pm2_5 , 24H , 80,119",
            "co,1H,2.2,22",
            "Pm2.5,1h,80,119");
  }

  @Test
  void shouldMarkAnInvalidLineAndGoOn() {
    CliRun run = aqi("CO,24h,2.2\nCO,8h,1\nPM2.5,24h,80\n", "--edition", "2026");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .containsExactly("CO,24h,2.2,55", "CO,8h,1,ERROR", "PM2.5,24h,80,119");
    assertThat(run.errLines())
        .containsExactly("ecostream aqi: line 2: HJ 633 has no CO 8h IAQI (only 1h and 24h)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "O3,24h,100        | HJ 633 has no O3 24h IAQI (only 1h and 8h)",
        "SO2,8h,10         | HJ 633 has no SO2 8h IAQI (only 1h and 24h)",
        "NO2,8h,10         | HJ 633 has no NO2 8h IAQI (only 1h and 24h)",
        "PM10,8h,10        | HJ 633 has no PM10 8h IAQI (only 1h and 24h)",
        "NOx,1h,10         | unknown pollutant 'NOx' (expected one of SO2, NO2, PM10, PM2.5, CO, O3)",
        "PM2.5,2h,10       | unknown period '2h' (expected 1h, 8h or 24h)",
        "PM2.5,24h         | expected 3 fields pollutant,period,concentration, got 2",
        "PM2.5,24h,80,119  | expected 3 fields pollutant,period,concentration, got 4",
        "PM2.5,24h,        | concentration is missing",
        "PM2.5,24h,abc     | concentration 'abc' is not a decimal number",
        "PM2.5,24h,-5      | concentration must not be negative, got -5",
        "PM2.5,24h,NaN     | concentration 'NaN' is not a decimal number",
        "PM2.5,24h,Infinity | concentration 'Infinity' is not a decimal number",
        "PM2.5,24h,80d     | concentration '80d' is not a decimal number",
        "PM2.5,24h,1e999   | concentration 1e999 is out of range"
      })
  void shouldMarkEveryKindOfInvalidLine(String line, String reason) {
    CliRun run = aqi(line + "\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(line + ",ERROR\n");
    assertThat(run.errLines()).containsExactly("ecostream aqi: line 1: " + reason);
  }

  @Test
  void shouldCountHeaderAndBlankLinesInTheLineNumber() {
    CliRun run = aqi("pollutant,period,concentration\n\nO3,8h,100\nO3,24h,100\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly("ecostream aqi: line 4: HJ 633 has no O3 24h IAQI (only 1h and 8h)");
  }

  @Test
  void shouldReadSpreadsheetCsvWithAByteOrderMarkAndCrlf() {
    CliRun run = aqi("\uFEFFpollutant,period,concentration\r\nCO,24h,2.2\r\n", "--edition", "2026");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("pollutant,period,concentration,iaqi\nCO,24h,2.2,55\n");
  }

  @Test
  void shouldWriteNothingForEmptyInput() {
    CliRun run = aqi("");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldReadTheFileGivenWithInput(@TempDir Path dir) throws IOException {
    Path readings = Files.writeString(dir.resolve("readings.csv"), "SO2,1h,801\nO3,8h,801\n");

    CliRun run = aqi("PM2.5,24h,80\n", "--edition", "2012", "--input", readings.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("SO2,1h,801,NA\nO3,8h,801,NA\n");
  }

  @Test
  void shouldRejectAMissingInputFileInOneLine() {
    CliRun run = aqi("", "--input", "/nonexistent/readings.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "ecostream aqi: --input: cannot read file /nonexistent/readings.csv (see 'ecostream aqi --help')");
  }

  @Test
  void shouldRejectAnUnknownEditionInOneLine() {
    CliRun run = aqi("PM2.5,24h,80\n", "--edition", "2019");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "ecostream aqi: Invalid value for option '--edition': expected 2012 or 2026, got '2019'"
                + " (see 'ecostream aqi --help')");
  }

  @Test
  void shouldListTheFormatsInTheHelp() {
    CliRun run = aqi("", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: ecostream aqi")
        .contains("--edition=YEAR", "--input=FILE", "pollutant,period,concentration")
        .contains("SO2, NO2, PM10, PM2.5", "1h or 24h; O3: 1h or 8h", "µg/m³, CO mg/m³")
        .contains("NA where", "ERROR for an invalid line", "Exit codes:");
  }

  /** Runs {@code ecostream aqi ARGS} with the given standard input. */
  private static CliRun aqi(String stdin, String... args) {
    CommandLine cli = EcostreamCli.commandLine();
    AqiCommand command = cli.getSubcommands().get("aqi").getCommand();
    command.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode =
        cli.execute(Stream.concat(Stream.of("aqi"), Stream.of(args)).toArray(String[]::new));
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
