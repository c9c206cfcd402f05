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
    /** On how many periods running an open incident covered each slot's hour (capped: only
     * "enough" matters; a byte a slot, as the hour-of-week profile has 168). */
    public byte[] heldPeriods;

    public SeasonalProfile() {}

    public static SeasonalProfile ofSlots(int slots) {
        SeasonalProfile p = new SeasonalProfile();
        p.means = new double[slots];
        p.samples = new int[slots];
        p.heldPeriods = new byte[slots];
        return p;
    }

    /**
     * Closes one fully observed hour. An hour an open incident covered ({@code held}) teaches the slot nothing, so
     * an outage does not become the hour's normal; unless incidents covered this slot in
     * {@code seasonalMinPeriods} periods running. What comes back at the same hour every day (or week) is that
     * hour's rhythm (a market's open, a school day's first logins, a game's daily reset), by the profile's own
     * rule that a slot seen in that many periods is known: without this, a rush steeper than an hourly profile
     * follows opened an incident every day, and each incident kept the profile from ever learning it.
     */
    public void close(long epochHour, double meanPerStep, boolean held, DetectorConfig cfg) {
        if (heldPeriods == null) {
            heldPeriods = new byte[means.length]; // state saved before this field existed
        }
        int slot = slot(epochHour);
        heldPeriods[slot] = held ? (byte) Math.min(heldPeriods[slot] + 1, Byte.MAX_VALUE) : 0;
        if (!held || recurs(epochHour, cfg)) {
            learn(epochHour, meanPerStep, cfg.seasonalWeight);
        }
    }

    /** This slot's hour was covered by incidents on enough periods running to be learned as its rhythm. */
    public boolean recurs(long epochHour, DetectorConfig cfg) {
        return heldPeriods != null && heldPeriods[slot(epochHour)] >= cfg.seasonalMinPeriods;
    }

    /** Folds in the mean of one fully observed hour. */
    void learn(long epochHour, double meanPerStep, double weight) {
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
