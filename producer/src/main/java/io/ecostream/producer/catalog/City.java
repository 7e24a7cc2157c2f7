package io.ecostream.producer.catalog;

/**
 * A prefecture-level city.
 *
 * @param id lower-case pinyin, the cityId of every record
 * @param code two-letter prefix of the city's station ids (JN = Jinan, JI = Jining)
 * @param pm25Annual annual mean PM2.5 in µg/m³ the air model is calibrated to
 * @param hazeExposure share (0-1] of a regional winter haze episode's peak the city sees
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
    double hazeExposure) {}
