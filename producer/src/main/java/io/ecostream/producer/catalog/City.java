package io.ecostream.producer.catalog;

/**
 * A prefecture-level city.
 *
 * @param id lower-case pinyin, the cityId of every record
 * @param code two-letter prefix of the city's station ids (JN = Jinan, JI = Jining)
 * @param pm25Annual annual mean PM2.5 in µg/m³ the air model is calibrated to
 * @param hazeExposure share (0-1] of a regional winter haze episode's peak the city sees
 * @param climate id of the catalogue city whose measured climatology the air model follows: the
 *     city itself for the bundled cities; one of them for a synthetic city (the bench's national
 *     network), which has no measured data of its own
 */
public record City(
    String id,
    String code,
    String nameZh,
    String nameEn,
    double latitude,
    double longitude,
    boolean coastal,
    double pm25Annual,
    double hazeExposure,
    String climate) {

  /** A city with its own measured climatology. */
  public City(
      String id,
      String code,
      String nameZh,
      String nameEn,
      double latitude,
      double longitude,
      boolean coastal,
      double pm25Annual,
      double hazeExposure) {
    this(id, code, nameZh, nameEn, latitude, longitude, coastal, pm25Annual, hazeExposure, id);
  }
}
