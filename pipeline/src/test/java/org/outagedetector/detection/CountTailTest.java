package org.outagedetector.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CountTailTest {

    @Test
    void matchesThePoissonTailWhenDispersionIsLarge() {
        // P(X >= 3 | Poisson(1)) = 1 - e^-1 (1 + 1 + 1/2)
        double poisson = 1 - Math.exp(-1) * 2.5;
        assertThat(CountTail.atLeast(3, 1.0, 1e9)).isCloseTo(poisson, within(1e-6));
    }

    @Test
    void tinyTailsKeepTheirPrecision() {
        // P(X >= 40 | Poisson(1)) is about 1/40! = 1.2e-48: far below what 1 - lower sum could express.
        double tail = CountTail.atLeast(40, 1.0, 1e9);
        assertThat(tail).isGreaterThan(0).isLessThan(1e-45);
    }

    @Test
    void overdispersionMakesBigCountsLessSurprising() {
        assertThat(CountTail.atLeast(60, 20, 10)).isGreaterThan(CountTail.atLeast(60, 20, 1e9) * 1000);
        assertThat(CountTail.atLeast(0, 5, 10)).isEqualTo(1.0);
        assertThat(CountTail.atLeast(5, 5, 10)).isBetween(0.3, 0.7);
    }

    @Test
    void aGeometricTailIsExactEvenForBigCounts() {
        // Dispersion 1 is the geometric law: P(X >= k) = q^k with q = mean / (1 + mean), here far from the mean.
        double q = 5_000.0 / 5_001.0;
        assertThat(CountTail.atLeast(40_000, 5_000, 1)).isCloseTo(Math.pow(q, 40_000), within(1e-6 * Math.pow(q, 40_000)));
        assertThat(CountTail.atLeast(2_000, 5_000, 1)).isCloseTo(Math.pow(q, 2_000), within(1e-9));
        // The band's top: the largest k with P(X >= k) > p, i.e. q^k > p.
        int top = CountTail.bandTop(0.01, 5_000, 1);
        assertThat(Math.pow(q, top)).isGreaterThan(0.01);
        assertThat(Math.pow(q, top + 1)).isLessThanOrEqualTo(0.01);
    }
}
