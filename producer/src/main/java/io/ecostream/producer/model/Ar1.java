package io.ecostream.producer.model;

import java.util.random.RandomGenerator;

/**
 * A stationary first-order autoregressive process x(t) = φ·x(t-1) + ε, ε ~ N(0, σ²(1-φ²)), so that
 * x is N(0, σ²) at every step: used in log space it multiplies a level by a persistent factor whose
 * spread does not depend on φ. Starts from the stationary distribution, so no warm-up is needed.
 */
final class Ar1 {

  private final double phi;
  private final double sigma;
  private final double innovation;
  private double x;

  Ar1(double phi, double sigma, RandomGenerator random) {
    this.phi = phi;
    this.sigma = sigma;
    this.innovation = sigma * Math.sqrt(1 - phi * phi);
    this.x = sigma * random.nextGaussian();
  }

  double step(RandomGenerator random) {
    x = phi * x + innovation * random.nextGaussian();
    return x;
  }

  /** Advances {@code steps} steps at once (exact for an AR(1)), for sparsely sampled series. */
  double advance(long steps, RandomGenerator random) {
    if (steps == 1) {
      return step(random);
    }
    double phiN = Math.pow(phi, steps);
    x = phiN * x + sigma * Math.sqrt(1 - phiN * phiN) * random.nextGaussian();
    return x;
  }

  double value() {
    return x;
  }

  double sigma() {
    return sigma;
  }
}
