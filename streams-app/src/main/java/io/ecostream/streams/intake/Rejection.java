package io.ecostream.streams.intake;

/** Why a record goes to the dead-letter topic: a machine-readable reason and a human detail. */
public record Rejection(Reason reason, String detail) {

  /**
   * The reasons, as written to {@code DeadLetter.reason} and to the metric's {@code reason} tag.
   */
  public enum Reason {
    UNDECODABLE("undecodable"),
    INVALID("invalid"),
    /** Behind its partition's event time by more than the grace: its figures have closed. */
    LATE("late"),
    /** Stamped further ahead of the wall clock than the margin: a station clock running fast. */
    FUTURE("future");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public static Rejection undecodable(String detail) {
    return new Rejection(Reason.UNDECODABLE, detail);
  }

  public static Rejection invalid(String detail) {
    return new Rejection(Reason.INVALID, detail);
  }

  public static Rejection late(String detail) {
    return new Rejection(Reason.LATE, detail);
  }

  public static Rejection future(String detail) {
    return new Rejection(Reason.FUTURE, detail);
  }
}
