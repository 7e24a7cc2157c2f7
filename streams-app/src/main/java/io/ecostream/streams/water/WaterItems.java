package io.ecostream.streams.water;

import io.ecostream.avro.WaterBodyType;
import io.ecostream.avro.WaterSample;
import io.ecostream.domain.water.WaterItem;
import io.ecostream.domain.water.WaterQuality;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The water items the pipeline carries, and their packed form in state and repartition records: one
 * big-endian double per item of {@link #ITEMS}, NaN where not measured. Packed so that a month of
 * 4-hourly samples is one small byte array per sample rather than boxed doubles.
 */
final class WaterItems {

  static final List<WaterItem> ITEMS =
      List.of(
          WaterItem.PH,
          WaterItem.DISSOLVED_OXYGEN,
          WaterItem.COD_MN,
          WaterItem.COD,
          WaterItem.BOD5,
          WaterItem.AMMONIA_NITROGEN,
          WaterItem.TOTAL_PHOSPHORUS,
          WaterItem.TOTAL_NITROGEN,
          WaterItem.FLUORIDE,
          WaterItem.PETROLEUM,
          WaterItem.SEA_COD,
          WaterItem.INORGANIC_NITROGEN,
          WaterItem.ACTIVE_PHOSPHATE);

  static final int SIZE = ITEMS.size();

  /** Position in {@link #ITEMS} by {@link WaterItem#ordinal()}, -1 for the items not carried. */
  private static final int[] POSITION = new int[WaterItem.values().length];

  static {
    Arrays.fill(POSITION, -1);
    for (int i = 0; i < SIZE; i++) {
      POSITION[ITEMS.get(i).ordinal()] = i;
    }
  }

  private WaterItems() {}

  /**
   * The sample's values. A sea point's COD is seawater COD (alkaline permanganate, GB 17378.4), a
   * different measurement from the surface-water dichromate COD, so it lands in its own item.
   */
  static double[] of(WaterSample sample, WaterBodyType body) {
    double[] values = new double[SIZE];
    Arrays.fill(values, Double.NaN);
    put(values, WaterItem.PH, sample.getPh());
    put(values, WaterItem.DISSOLVED_OXYGEN, sample.getDissolvedOxygen());
    put(values, WaterItem.COD_MN, sample.getCodMn());
    put(values, body == WaterBodyType.SEA ? WaterItem.SEA_COD : WaterItem.COD, sample.getCod());
    put(values, WaterItem.BOD5, sample.getBod5());
    put(values, WaterItem.AMMONIA_NITROGEN, sample.getAmmoniaNitrogen());
    put(values, WaterItem.TOTAL_PHOSPHORUS, sample.getTotalPhosphorus());
    put(values, WaterItem.TOTAL_NITROGEN, sample.getTotalNitrogen());
    put(values, WaterItem.FLUORIDE, sample.getFluoride());
    put(values, WaterItem.PETROLEUM, sample.getPetroleum());
    put(values, WaterItem.INORGANIC_NITROGEN, sample.getInorganicNitrogen());
    put(values, WaterItem.ACTIVE_PHOSPHATE, sample.getActivePhosphate());
    return values;
  }

  static void put(double[] values, WaterItem item, Double value) {
    if (value != null) {
      values[POSITION[item.ordinal()]] = value;
    }
  }

  static double get(double[] values, WaterItem item) {
    return values[POSITION[item.ordinal()]];
  }

  static ByteBuffer pack(double[] values) {
    ByteBuffer packed = ByteBuffer.allocate(SIZE * Double.BYTES);
    for (double value : values) {
      packed.putDouble(value);
    }
    return packed.flip();
  }

  static double[] unpack(ByteBuffer packed) {
    ByteBuffer buffer = packed.duplicate();
    double[] values = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      values[i] = buffer.getDouble();
    }
    return values;
  }

  static WaterQuality quality(double[] values) {
    WaterQuality quality = WaterQuality.empty();
    for (int i = 0; i < SIZE; i++) {
      if (!Double.isNaN(values[i])) {
        quality = quality.with(ITEMS.get(i), values[i]);
      }
    }
    return quality;
  }

  static double[] values(WaterQuality quality) {
    double[] values = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      values[i] = quality.get(ITEMS.get(i)).orElse(Double.NaN);
    }
    return values;
  }
}
