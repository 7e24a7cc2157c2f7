package io.ecostream.producer.model;

import java.util.SplittableRandom;

/**
 * Derives an independent random stream per simulated entity (region, city, station) from the run's
 * seed and the entity's key, so that a station's values depend only on the seed and its own id:
 * running a subset of the cities gives those cities exactly the values of a full run.
 */
public final class Seeds {

  private Seeds() {}

  public static SplittableRandom random(long seed, String key) {
    // FNV-1a over the key, then the SplitMix64 finaliser over (seed, key hash) so that nearby seeds
    // and similar ids still give unrelated streams.
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash ^= key.charAt(i);
      hash *= 0x100000001b3L;
    }
    return new SplittableRandom(mix(mix(seed) ^ hash));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
