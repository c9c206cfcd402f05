package org.outagedetector.scenario;

import java.util.SplittableRandom;

/** Random counts for synthetic traffic. */
public final class Counts {

    private Counts() {}

    /** A Poisson draw (normal approximation above a mean of 50, where the exact loop gets slow). */
    public static int poisson(double mean, SplittableRandom rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
        }
        double limit = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > limit);
        return k;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
