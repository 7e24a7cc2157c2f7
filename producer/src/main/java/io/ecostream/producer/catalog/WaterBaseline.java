package io.ecostream.producer.catalog;

/**
 * Typical (median) values of a water section, around which the water model varies. Units as in
 * WaterSample. For sea points {@code codMn} holds the seawater COD (alkaline permanganate method),
 * which is not comparable with the surface-water permanganate index.
 *
 * @param doRatio dissolved oxygen as a fraction of saturation at the water temperature
 */
public record WaterBaseline(
    double ph,
    double doRatio,
    double codMn,
    double ammoniaNitrogen,
    double totalPhosphorus,
    double totalNitrogen,
    double conductivity,
    double turbidity) {}
