package io.ecostream.producer.catalog;

/**
 * One city column of the national platform's daily city files.
 *
 * @param id stable lower-case id, the cityId of its records (rules in {@code china-cities.csv})
 * @param nameZh the column's name as the platform writes it (铜仁地区, 延边朝鲜族自治州)
 * @param province English name as the data set's cities.csv gives it (Shandong, Inner Mongolia)
 * @param provinceZh the province in Chinese (山东)
 */
public record ChinaCity(
    String id, String nameZh, String province, String provinceZh, CityLevel level) {}
