package org.outagedetector.detection;

/** The most one step may teach a baseline: a robust ceiling a few standard deviations above what it expected. */
final class Clip {
    private Clip() {}

    static double ceiling(double expected, double dispersion) {
        double sd = CountTail.standardDeviation(expected, dispersion);
        return expected + 3 * sd + 1;
    }
}
