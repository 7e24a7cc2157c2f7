package io.ecostream.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

final class Ports {

  private Ports() {}

  static void check(CommandSpec spec, String option, int port) {
    if (port < 1 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), option + " must be 1-65535, got " + port);
    }
  }
}
