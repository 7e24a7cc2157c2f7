package io.ecostream.domain.water;

/**
 * The sea water class of GB 3097-1997 (海水水质类别), best first: classes 1 to 4 and 劣四类 (the standard:
 * "劣于第四类海水水质标准"), coded 5. The declaration order is the order of quality.
 */
public enum SeaClass {
  ONE("一类"),
  TWO("二类"),
  THREE("三类"),
  FOUR("四类"),
  /** 劣四类, coded 5. */
  WORSE_THAN_FOUR("劣四类");

  private final String label;

  SeaClass(String label) {
    this.label = label;
  }

  /** The class as printed in bulletins, e.g. 二类, 劣四类. */
  public String label() {
    return label;
  }

  /** The code of the class: 1 to 4, and 5 for 劣四类. */
  public int code() {
    return ordinal() + 1;
  }

  /** Whether the class counts as 优良 (classes 1 and 2). */
  public boolean isGood() {
    return compareTo(TWO) <= 0;
  }
}
