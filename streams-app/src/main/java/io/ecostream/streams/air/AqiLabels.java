package io.ecostream.streams.air;

import io.ecostream.domain.air.AqiResult;
import io.ecostream.domain.air.Pollutant;
import java.util.ArrayList;
import java.util.List;

/** How AQI results are written on the topics. */
final class AqiLabels {

  private static final Pollutant[] POLLUTANTS = Pollutant.values();

  private AqiLabels() {}

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
