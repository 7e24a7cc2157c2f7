package io.ecostream.producer.cli;

import io.ecostream.producer.replay.ReplayFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --format by its command-line name; an unknown name lists the valid ones. */
public final class ReplayFormatConverter implements ITypeConverter<ReplayFormat> {

  @Override
  public ReplayFormat convert(String value) {
    String id = value == null ? "" : value.trim();
    return ReplayFormat.byId(id)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown format '"
                        + value
                        + "' (valid: "
                        + String.join(", ", ReplayFormat.ids())
                        + ")"));
  }
}
