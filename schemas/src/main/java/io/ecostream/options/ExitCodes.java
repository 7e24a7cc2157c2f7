package io.ecostream.options;

/**
 * The exit codes every ecostream command shares, as picocli's {@code exitCodeList} entries, so that
 * each command's help lists them the same way: 0 done, 1 failed while running, 2 wrong arguments
 * (picocli's usage-error code).
 */
public final class ExitCodes {

  /** {@code exitCodeListHeading} of every command. */
  public static final String HEADING = "%nExit codes:%n";

  /** A wrong argument: one line on stderr naming it. */
  public static final String USAGE = "2:wrong arguments (one line on stderr says which)";

  private ExitCodes() {}
}
