package io.ecostream.streams.intake;

/** Why a record goes to the dead-letter topic: a machine-readable reason and a human detail. */
public record Rejection(Reason reason, String detail) {

  /** The reasons, as written to {@code DeadLetter.reason} and to the metric's {@code reason} tag. */
  public enum Reason {
    UNDECODABLE("undecodable"),
    INVALID("invalid");

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
}
