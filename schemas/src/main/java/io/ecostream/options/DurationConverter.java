package io.ecostream.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a positive duration as people write it on a command line: a number and a unit, {@code
 * 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d} (decimals allowed: {@code 1.5h}), or
 * ISO-8601 ({@code PT90S}). {@link BareSeconds} and {@link BareHours} also read a bare number, for
 * the options that took one before they took a duration.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern BARE = Pattern.compile("\\d{1,9}");

  /** A duration, or a bare number of seconds ({@code --stall-timeout 30} as before). */
  public static final class BareSeconds implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parse(value, ChronoUnit.SECONDS);
    }
  }

  /** A duration, or a bare number of hours ({@code --fault-fast-clock-hours 3} as before). */
  public static final class BareHours implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parse(value, ChronoUnit.HOURS);
    }
  }

  private static final Pattern SHORT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * @throws TypeConversionException with a one-line message naming the value
   */
  public static Duration parse(String value) {
    String text = value == null ? "" : value.trim();
    Duration duration = parseOrNull(text);
    if (duration == null) {
      throw new TypeConversionException(
          "expected a duration like 90s, 5m, 2h or 1d, got '" + value + "'");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new TypeConversionException("duration must be positive, got '" + value + "'");
    }
    return duration;
  }

  /**
   * As {@link #parse(String)}, and a bare number counts in {@code bareUnit}.
   *
   * @throws TypeConversionException with a one-line message naming the value
   */
  public static Duration parse(String value, ChronoUnit bareUnit) {
    String text = value == null ? "" : value.trim();
    if (BARE.matcher(text).matches()) {
      Duration duration = Duration.of(Long.parseLong(text), bareUnit);
      if (duration.isZero()) {
        throw new TypeConversionException("duration must be positive, got '" + value + "'");
      }
      return duration;
    }
    return parse(value);
  }

  private static Duration parseOrNull(String text) {
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      long nanosPerUnit =
          switch (m.group(2).toLowerCase()) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
          };
      double nanos = amount * nanosPerUnit;
      return nanos >= Long.MAX_VALUE ? null : Duration.ofNanos(Math.round(nanos));
    }
    if (text.toUpperCase().startsWith("P")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
