package org.outagedetector.detection;

/**
 * Mean count per step for each slot of a repeating period (hour of day, hour of week), learned one closed
 * hour at a time with exponential forgetting across periods, so it follows a service whose rhythm drifts.
 * Fixed size: a Flink POJO held inside {@link Baseline}.
 */
public class SeasonalProfile {
    /** Mean count per step in each slot. */
    public double[] means;
    /** How many closed hours went into each slot (capped: only "enough" matters, and it must not overflow). */
    public int[] samples;

    public SeasonalProfile() {}

    public static SeasonalProfile ofSlots(int slots) {
        SeasonalProfile p = new SeasonalProfile();
        p.means = new double[slots];
        p.samples = new int[slots];
        return p;
    }

    /** Folds in the mean of one fully observed hour. */
    public void learn(long epochHour, double meanPerStep, double weight) {
        int slot = slot(epochHour);
        means[slot] = samples[slot] == 0 ? meanPerStep : (1 - weight) * means[slot] + weight * meanPerStep;
        samples[slot] = Math.min(samples[slot] + 1, 1_000);
    }

    /** The slot's mean once it has been seen in at least {@code minSamples} periods; otherwise NaN. */
    public double mean(long epochHour, int minSamples) {
        int slot = slot(epochHour);
        return samples[slot] >= minSamples ? means[slot] : Double.NaN;
    }

    private int slot(long epochHour) {
        return (int) Math.floorMod(epochHour, (long) means.length);
    }
}
