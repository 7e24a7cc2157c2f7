package io.ecostream.producer.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a probability as a fraction ({@code 0.01}, {@code 1e-4}) or a percentage ({@code 1%}). */
public final class RateConverter implements ITypeConverter<Double> {

  @Override
  public Double convert(String value) {
    return parse(value);
  }

  /**
   * @throws TypeConversionException with a one-line message naming the value
   */
  public static double parse(String value) {
    String text = value == null ? "" : value.trim();
    boolean percent = text.endsWith("%");
    String number = percent ? text.substring(0, text.length() - 1).trim() : text;
    double rate;
    try {
      rate = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      rate = Double.NaN;
    }
    // parseDouble also reads "NaN", "Infinity" and "1d"; a rate is written with digits only.
    if (Double.isNaN(rate) || !number.matches("[0-9.eE+-]+")) {
      throw new TypeConversionException(
          "expected a rate between 0 and 1 like 0.01 or 1%, got '" + value + "'");
    }
    if (percent) {
      rate /= 100;
    }
    if (rate < 0 || rate > 1) {
      throw new TypeConversionException("rate must be between 0 and 1, got '" + value + "'");
    }
    return rate;
  }
}
