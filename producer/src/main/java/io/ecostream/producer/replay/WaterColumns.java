package io.ecostream.producer.replay;

import io.ecostream.avro.WaterSample;
import io.ecostream.producer.replay.CsvReadingReader.BadLineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The measured items of the water formats: which column holds which {@link WaterSample} field (mg/L
 * unless noted), found by name in a file's header. Shared by {@code water-csv} and {@code
 * cnemc-water}, which name the common items alike.
 */
final class WaterColumns {

  private static final Map<String, BiConsumer<WaterSample.Builder, Double>> FIELDS =
      new LinkedHashMap<>();

  static {
    FIELDS.put("water_temp", WaterSample.Builder::setWaterTemperature); // °C
    FIELDS.put("ph", WaterSample.Builder::setPh); // dimensionless
    FIELDS.put("do", WaterSample.Builder::setDissolvedOxygen);
    FIELDS.put("conductivity", WaterSample.Builder::setConductivity); // µS/cm
    FIELDS.put("turbidity", WaterSample.Builder::setTurbidity); // NTU
    FIELDS.put("codmn", WaterSample.Builder::setCodMn);
    FIELDS.put("cod", WaterSample.Builder::setCod);
    FIELDS.put("bod5", WaterSample.Builder::setBod5);
    FIELDS.put("nh3n", WaterSample.Builder::setAmmoniaNitrogen); // as N
    FIELDS.put("tp", WaterSample.Builder::setTotalPhosphorus); // as P
    FIELDS.put("tn", WaterSample.Builder::setTotalNitrogen); // as N
    FIELDS.put("chla", WaterSample.Builder::setChlorophyllA); // mg/L, as CNEMC publishes it
    FIELDS.put("algae", WaterSample.Builder::setAlgalDensity); // cells/L
    FIELDS.put("fluoride", WaterSample.Builder::setFluoride);
    FIELDS.put("inorganic_n", WaterSample.Builder::setInorganicNitrogen); // as N
    FIELDS.put("phosphate", WaterSample.Builder::setActivePhosphate); // as P
    FIELDS.put("petroleum", WaterSample.Builder::setPetroleum);
  }

  private final List<String> names = new ArrayList<>();
  private final List<Integer> indexes = new ArrayList<>();
  private final List<BiConsumer<WaterSample.Builder, Double>> setters = new ArrayList<>();
  private final Predicate<String> missing;

  private WaterColumns(Predicate<String> missing) {
    this.missing = missing;
  }

  /**
   * The columns of these items the header has; an absent one stays null in every sample.
   *
   * @param missing which cells mean "no value"
   */
  static WaterColumns find(CsvHeader header, List<String> items, Predicate<String> missing) {
    WaterColumns columns = new WaterColumns(missing);
    for (String item : items) {
      BiConsumer<WaterSample.Builder, Double> setter = FIELDS.get(item);
      if (setter == null) {
        throw new IllegalArgumentException("no water item " + item);
      }
      int index = header.find(item);
      if (index >= 0) {
        columns.names.add(item);
        columns.indexes.add(index);
        columns.setters.add(setter);
      }
    }
    return columns;
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  /** Sets the values of a line; a missing cell leaves its field null. */
  void read(String[] cells, WaterSample.Builder sample) throws BadLineException {
    for (int i = 0; i < names.size(); i++) {
      String cell = cells[indexes.get(i)];
      if (!missing.test(cell.strip())) {
        setters.get(i).accept(sample, CsvReadingReader.concentration(cell, names.get(i)));
      }
    }
  }
}
