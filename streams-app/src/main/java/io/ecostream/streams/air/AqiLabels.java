package io.ecostream.streams.air;

import io.ecostream.domain.air.AqiCategory;
import io.ecostream.domain.air.AqiEdition;
import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Pollutant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How AQI results are written on the topics. */
final class AqiLabels {

  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  /**
   * The schemas' enums by the domain's ordinals: every station-hour writes both, and a lookup by
   * name per figure showed in profiles.
   */
  private static final io.ecostream.avro.AqiEdition[] EDITIONS =
      Arrays.stream(AqiEdition.values())
          .map(edition -> io.ecostream.avro.AqiEdition.valueOf(edition.name()))
          .toArray(io.ecostream.avro.AqiEdition[]::new);

  private static final io.ecostream.avro.AqiCategory[] CATEGORIES =
      Arrays.stream(AqiCategory.values())
          .map(category -> io.ecostream.avro.AqiCategory.valueOf(category.name()))
          .toArray(io.ecostream.avro.AqiCategory[]::new);

  private AqiLabels() {}

  /** The schemas' value of the edition. */
  static io.ecostream.avro.AqiEdition edition(AqiEdition edition) {
    return EDITIONS[edition.ordinal()];
  }

  /** The schemas' category of a published AQI; null when it is not published. */
  static io.ecostream.avro.AqiCategory category(AqiResult result) {
    return result.available() ? CATEGORIES[result.category().ordinal()] : null;
  }

  /**
   * The primary pollutants' labels (PM2.5, PM10, …) in table order; none when the AQI is not
   * published.
   */
  static List<String> primaryPollutants(AqiResult result) {
    if (!result.available()) {
      return List.of();
    }
    List<String> labels = new ArrayList<>(2);
    for (Pollutant pollutant : POLLUTANTS) {
      if (result.isPrimary(pollutant)) {
        labels.add(pollutant.label());
      }
    }
    return labels;
  }
}
