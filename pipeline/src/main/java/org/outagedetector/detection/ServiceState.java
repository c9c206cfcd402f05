package org.outagedetector.detection;

import java.util.Arrays;

/** Everything the detector keeps for one service, held in one keyed value. A Flink POJO. */
public class ServiceState {
    public Baseline baseline = new Baseline();
    /** The current or most recent incident, or null. */
    public Incident incident;
    /** Consecutive steps that each looked anomalous, and the start of the first of them. */
    public int suspectSteps;
    public long suspectSince;
    /** The latest steps' excess over the baseline (count minus expected), newest last. */
    public double[] recentExcess = new double[0];
    /** The highest held excess in the current run of unlikely steps, not yet in the record. */
    public double runPeak;
    /** The last half hour's steps and what is known of this service's slow rises. */
    public SustainedRise rise = new SustainedRise();
    /** An official acknowledgement that came while no incident was open (the detector may open late). */
    public long unclaimedAckAt;
    public String unclaimedAckStatus;

    public ServiceState() {}

    /** An incident is open (not yet resolved). */
    boolean hasActiveIncident() {
        return incident != null && incident.active;
    }

    /** The rise test's state; null in state saved before it existed. */
    SustainedRise rise() {
        if (rise == null) {
            rise = new SustainedRise();
        }
        return rise;
    }

    /** Forgets the steps before a gap: they were not consecutive with the next. */
    void clearRun() {
        suspectSteps = 0;
        Arrays.fill(recentExcess, Double.NEGATIVE_INFINITY);
    }

    /**
     * Adds this step's excess and returns the excess held over the last {@code steps} steps (their smallest),
     * the currency of {@link PeakRecord}: a one-minute viral burst does not hold, an outage does.
     */
    double holdExcess(double excess, int steps) {
        if (recentExcess.length != steps) {
            recentExcess = new double[steps];
            Arrays.fill(recentExcess, Double.NEGATIVE_INFINITY);
        }
        System.arraycopy(recentExcess, 1, recentExcess, 0, steps - 1);
        recentExcess[steps - 1] = excess;
        double held = Double.POSITIVE_INFINITY;
        for (double e : recentExcess) {
            held = Math.min(held, e);
        }
        return held;
    }
}
