package org.outagedetector.detection;

/**
 * Upper tail of a negative binomial count: how likely at least {@code k} distinct authors are in a minute
 * whose expected count is {@code mean}. The negative binomial is a Poisson whose rate itself wanders
 * (variance mean + mean²/dispersion), which is how mention counts behave: small services are judged
 * almost as Poisson, large ones with the extra spread their traffic really has.
 */
public final class CountTail {

    private CountTail() {}

    /** P(X ≥ k) for X ~ NegBin(mean, dispersion); 1 for k ≤ 0. */
    public static double atLeast(int k, double mean, double dispersion) {
        if (k <= 0) {
            return 1.0;
        }
        if (mean <= 0) {
            return 0.0;
        }
        double r = dispersion;
        double logP = Math.log(r / (r + mean));     // log probability of "success" per trial
        double q = mean / (r + mean);               // probability of "failure"
        // Each term from its neighbour (pmf(j+1) = pmf(j) (j+r)/(j+1) q): one multiplication a term, so a
        // big service's counts cost a few thousand flops, not a log-gamma each.
        if (k <= mean) {
            // Below the mean the tail is large: 1 minus the lower sum, walked down from its largest term.
            double term = Math.exp(logPmf(k - 1, r, logP, Math.log(q)));
            double lower = 0;
            for (int j = k - 1; j >= 0 && term > 0; j--) {
                lower += term;
                term *= j / ((j - 1 + r) * q);
            }
            return Math.max(0.0, Math.min(1.0, 1.0 - lower));
        }
        // Above the mean the terms fall steadily: sum them directly so tiny tails keep their precision.
        double term = Math.exp(logPmf(k, r, logP, Math.log(q)));
        double sum = 0;
        for (int j = k; term > 0; j++) {
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
            term *= (j + r) / (j + 1) * q;
        }
        return Math.min(1.0, sum);
    }

    /** The standard deviation of the count: sqrt(mean + mean² / dispersion). */
    public static double standardDeviation(double mean, double dispersion) {
        return Math.sqrt(mean + mean * mean / dispersion);
    }

    /** The largest count whose upper tail is still above {@code p}: the top of the normal band. */
    public static int bandTop(double p, double mean, double dispersion) {
        int k = (int) Math.floor(mean);
        double tail = atLeast(k + 1, mean, dispersion);
        if (tail <= p || mean <= 0) {
            return k;
        }
        double r = dispersion;
        double q = mean / (r + mean);
        double term = Math.exp(logPmf(k + 1, r, Math.log(r / (r + mean)), Math.log(q)));
        // Walk up one count at a time, taking each count's probability off the tail.
        while (tail > p && term > 0) {
            tail -= term;
            k++;
            term *= (k + r) / (k + 1) * q;
        }
        return k;
    }

    private static double logPmf(int j, double r, double logP, double logQ) {
        return logGamma(j + r) - logGamma(j + 1.0) - logGamma(r) + r * logP + j * logQ;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };
}
