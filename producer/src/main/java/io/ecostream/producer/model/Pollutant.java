package io.ecostream.producer.model;

/** The six pollutants of an air reading, with their label in the climatology tables. */
enum Pollutant {
  PM25("PM2.5"),
  PM10("PM10"),
  SO2("SO2"),
  NO2("NO2"),
  CO("CO"),
  O3("O3");

  private final String label;

  Pollutant(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
