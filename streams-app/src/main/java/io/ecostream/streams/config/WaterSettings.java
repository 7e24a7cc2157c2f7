package io.ecostream.streams.config;

import io.ecostream.domain.water.CwqiRules;
import io.ecostream.domain.water.Gb3097Rules;
import java.util.Objects;

/**
 * Rules of the water figures that a deployment may set.
 *
 * @param cwqi how the city CWQI is aggregated and published; the default publishes 4 decimals, as
 *     bulletins print it ("城市水质指数 5.6360"), with the domain's other defaults
 * @param sea which GB 3097-1997 items classify a sea point, and whether DO must exceed its limit
 */
public record WaterSettings(CwqiRules cwqi, Gb3097Rules sea) {

  public static final int CWQI_DECIMALS = 4;

  public WaterSettings {
    Objects.requireNonNull(cwqi, "cwqi");
    Objects.requireNonNull(sea, "sea");
  }

  public static WaterSettings defaults() {
    CwqiRules cwqi = CwqiRules.defaults();
    return new WaterSettings(
        new CwqiRules(cwqi.cityAggregation(), cwqi.belowDetectionLimitFactor(), CWQI_DECIMALS),
        Gb3097Rules.defaults());
  }
}
