package io.ecostream.domain.water;

/**
 * A measured water-quality item (监测项目), the key of a {@link WaterQuality}. Units are those of the
 * limit tables that evaluate the item: mg/L unless noted, pH dimensionless.
 *
 * <p>One item is one quantity, whatever the water body: {@link #NITRATE_NITROGEN} is the Table 2
 * nitrate of GB 3838 (as N), the nitrate of GB/T 14848 (as N) and the nitrate part of sea inorganic
 * nitrogen. The exception is COD: sea water COD is measured by the alkaline permanganate method (GB
 * 17378.4) and is its own item, {@link #SEA_COD}, so that neither surface COD (dichromate) nor
 * CODMn can slip into a GB 3097 assessment (docs/standards.md#sea-water-classes).
 */
public enum WaterItem {
  PH("pH", "dimensionless"),
  DISSOLVED_OXYGEN("溶解氧", "mg/L"),
  /** Permanganate index; GB/T 14848 calls it 耗氧量 (CODMn method, as O2). */
  COD_MN("高锰酸盐指数", "mg/L"),
  /** Surface water chemical oxygen demand (dichromate method). */
  COD("化学需氧量", "mg/L"),
  BOD5("五日生化需氧量", "mg/L"),
  AMMONIA_NITROGEN("氨氮", "mg/L"),
  TOTAL_PHOSPHORUS("总磷", "mg/L"),
  TOTAL_NITROGEN("总氮", "mg/L"),
  COPPER("铜", "mg/L"),
  ZINC("锌", "mg/L"),
  FLUORIDE("氟化物", "mg/L"),
  SELENIUM("硒", "mg/L"),
  ARSENIC("砷", "mg/L"),
  MERCURY("汞", "mg/L"),
  CADMIUM("镉", "mg/L"),
  CHROMIUM_VI("六价铬", "mg/L"),
  LEAD("铅", "mg/L"),
  CYANIDE("氰化物", "mg/L"),
  VOLATILE_PHENOL("挥发酚", "mg/L"),
  PETROLEUM("石油类", "mg/L"),
  /** Anionic surfactants (阴离子表面活性剂). */
  LAS("阴离子表面活性剂", "mg/L"),
  SULFIDE("硫化物", "mg/L"),
  SULFATE("硫酸盐", "mg/L"),
  CHLORIDE("氯化物", "mg/L"),
  NITRATE_NITROGEN("硝酸盐氮", "mg/L"),
  NITRITE_NITROGEN("亚硝酸盐氮", "mg/L"),
  IRON("铁", "mg/L"),
  MANGANESE("锰", "mg/L"),
  /** Sea water COD, alkaline permanganate method (碱性高锰酸钾法). */
  SEA_COD("化学需氧量（海水）", "mg/L"),
  /** Sea inorganic nitrogen (无机氮) = NO3-N + NO2-N + NH3-N, as N; give it, or the three forms. */
  INORGANIC_NITROGEN("无机氮", "mg/L"),
  /** Sea active phosphate (活性磷酸盐), as P. */
  ACTIVE_PHOSPHATE("活性磷酸盐", "mg/L"),
  COLOUR("色", "platinum-cobalt degrees"),
  TURBIDITY("浑浊度", "NTU"),
  TOTAL_HARDNESS("总硬度", "mg/L as CaCO3"),
  TOTAL_DISSOLVED_SOLIDS("溶解性总固体", "mg/L"),
  ALUMINIUM("铝", "mg/L"),
  SODIUM("钠", "mg/L"),
  IODIDE("碘化物", "mg/L"),
  TOTAL_COLIFORMS("总大肠菌群", "MPN/100 mL"),
  TOTAL_BACTERIA("菌落总数", "CFU/mL"),
  CHLOROFORM("三氯甲烷", "µg/L"),
  CARBON_TETRACHLORIDE("四氯化碳", "µg/L"),
  BENZENE("苯", "µg/L"),
  TOLUENE("甲苯", "µg/L"),
  GROSS_ALPHA("总α放射性", "Bq/L"),
  GROSS_BETA("总β放射性", "Bq/L");

  private final String chineseName;
  private final String unit;

  WaterItem(String chineseName, String unit) {
    this.chineseName = chineseName;
    this.unit = unit;
  }

  /** The name the standards and bulletins use, e.g. 氨氮. */
  public String chineseName() {
    return chineseName;
  }

  /** The unit a value of this item is given in. */
  public String unit() {
    return unit;
  }
}
