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
}
