package io.ecostream.producer.replay;

import java.nio.file.Path;

/**
 * A line that was skipped.
 *
 * @param line 1-based line number in the (uncompressed) file
 * @param detail what exactly was wrong, e.g. the offending value
 */
public record BadLine(Path file, long line, BadLineReason reason, String detail) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason + (detail.isEmpty() ? "" : ": " + detail);
  }
}
