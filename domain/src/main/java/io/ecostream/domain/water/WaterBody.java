package io.ecostream.domain.water;

/**
 * The kind of surface water a section or point lies in. GB 3838-2002 Table 1 has separate total
 * phosphorus limits for lakes and reservoirs (湖、库), and CWQI divides by the matching class III
 * limit.
 */
public enum WaterBody {
  /** 河流: rivers, and drinking-water sources of the river type (河流型). */
  RIVER,
  /** 湖泊、水库: lakes and reservoirs, and drinking-water sources of the lake/reservoir type (湖库型). */
  LAKE_RESERVOIR
}
