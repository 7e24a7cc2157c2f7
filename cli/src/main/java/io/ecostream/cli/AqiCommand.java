package io.ecostream.cli;

import io.ecostream.domain.air.AqiEdition;
import io.ecostream.options.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ecostream aqi}: an IAQI calculator for analysts, a filter from CSV readings to the same
 * lines with their IAQI appended. Each line stays where it was, so results can be pasted next to
 * the input.
 */
@Command(
    name = "aqi",
    mixinStandardHelpOptions = true,
    description = {
      "Rates concentrations with the individual air quality index (IAQI) of HJ 633.",
      "Reads CSV lines pollutant,period,concentration from standard input (or FILE)",
      "and writes each line back, trimmed, with an iaqi column appended.",
      "",
      "  pollutant      SO2, NO2, PM10, PM2.5 (or PM2_5), CO, O3; any case",
      "  period         1h or 24h; O3: 1h or 8h (PM 1h values are rated on the",
      "                 24h breakpoints, HJ 633-2026 §4.2.4)",
      "  concentration  µg/m³, CO mg/m³; rounded as GB/T 8170 requires (integer,",
      "                 CO one decimal) before it is rated",
      "  iaqi           the IAQI, 0-500 (500 above the last breakpoint);",
      "                 NA where the edition computes none (HJ 633-2012: SO2 1h",
      "                 or O3 8h above 800);",
      "                 ERROR for an invalid line, with the reason on standard",
      "                 error as 'ecostream aqi: line N: reason'",
      "",
      "A header line pollutant,period,concentration is written back with ,iaqi;",
      "blank lines are written back blank. Output lines end with \\n.",
      ""
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:every line rated (NA included)",
      "1:some lines were invalid (marked ERROR)",
      ExitCodes.USAGE
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  printf 'PM2.5,24h,80\\nSO2,1h,801\\n' | ecostream aqi --edition 2012",
      "  PM2.5,24h,80,107",
      "  SO2,1h,801,NA"
    })
public final class AqiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--edition",
      paramLabel = "YEAR",
      defaultValue = "2026",
      converter = EditionConverter.class,
      description =
          "HJ 633 edition: 2012 or 2026 (default: ${DEFAULT-VALUE}, in force since 2026-03-01); 2012 for data"
              + " before 2026-03-01.")
  AqiEdition edition;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Read FILE instead of standard input.")
  Path input;

  /** Where lines come from without {@code --input}; tests replace it. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    if (input == null) {
      // Not closed: standard input belongs to the process.
      return rate(reader(stdin));
    }
    if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
      throw new ParameterException(spec.commandLine(), "--input: cannot read file " + input);
    }
    try (BufferedReader reader = reader(Files.newInputStream(input))) {
      return rate(reader);
    }
  }

  /**
   * Malformed bytes become U+FFFD, so a stray non-UTF-8 line is one ERROR rather than a failed run.
   */
  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private int rate(BufferedReader reader) throws IOException {
    // write(), not println(): picocli's writer flushes on every println, too slow for millions of
    // lines.
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String errorPrefix = spec.qualifiedName() + ": line ";
    boolean anyInvalid = false;
    long lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1) {
        line = withoutByteOrderMark(line);
      }
      String trimmed = line.trim();
      if (!trimmed.isEmpty()) {
        String column;
        try {
          column = AqiCsv.column(trimmed, edition);
        } catch (AqiCsv.InvalidLineException e) {
          column = AqiCsv.ERROR;
          anyInvalid = true;
          err.println(errorPrefix + lineNumber + ": " + e.getMessage());
        }
        out.write(trimmed);
        out.write(',');
        out.write(column);
      }
      out.write('\n');
    }
    out.flush();
    return anyInvalid ? EcostreamCli.FAILURE : 0;
  }

  /**
   * Spreadsheets often save CSV as UTF-8 with a byte order mark, which {@link String#trim()} keeps.
   */
  private static String withoutByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** {@code 2012} or {@code 2026}: the year in the edition's number. */
  static final class EditionConverter implements ITypeConverter<AqiEdition> {
    @Override
    public AqiEdition convert(String value) {
      for (AqiEdition edition : AqiEdition.values()) {
        if (Integer.toString(edition.year()).equals(value.trim())) {
          return edition;
        }
      }
      throw new TypeConversionException("expected 2012 or 2026, got '" + value + "'");
    }
  }
}
