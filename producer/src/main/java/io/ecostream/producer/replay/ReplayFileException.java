package io.ecostream.producer.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not in the format it was opened as (a missing column, no header line). */
public final class ReplayFileException extends IOException {

  private final transient Path file;

  public ReplayFileException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
