package io.ecostream.producer.replay;

/** Why a line of an input file could not become a reading. */
public enum BadLineReason {
  COLUMN_COUNT("wrong column count"),
  UNBALANCED_QUOTES("unbalanced quotes"),
  NOT_A_NUMBER("not a number"),
  BAD_TIME("bad date or hour"),
  MISSING_STATION("no station or city"),
  UNKNOWN_TYPE("unknown type"),
  UNKNOWN_VALUE("unknown kind, flag or class"),
  DUPLICATE("duplicate value"),
  OUT_OF_ORDER("earlier than the rows before it"),
  NOT_JSON("not a record line"),
  UNKNOWN_TOPIC("unknown topic"),
  BAD_VALUE("value does not fit the schema");

  private final String description;

  BadLineReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
