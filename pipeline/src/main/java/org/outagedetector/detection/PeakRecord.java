package org.outagedetector.detection;

/**
 * The highest a service's count has stood above its baseline in recent days (count minus expected, in
 * people per step): held at full height for a day, so bursts no bigger than the day's biggest are not news,
 * then decaying with a half-life so an old peak fades. Some services burst every day for
 * reasons that are not outages (a daily bot, a scheduled announcement, a game's evening rush): a tail fitted
 * to such a series either calls every burst an outage or, widened to fit them, misses the real ones. The
 * series' own record is the second opinion: a new incident needs a crowd above its baseline larger than any
 * moment of the last days, decayed. Two numbers per service. A Flink POJO.
 */
public class PeakRecord {
    /** The record's excess when it was set, and when. */
    public double peak;
    public long peakAt;

    public PeakRecord() {}

    /** The record as it stands at {@code minuteStart}: held for a day, then decayed; 0 for a new service. */
    public double at(long minuteStart, DetectorConfig cfg) {
        double hours = Math.max(0, (minuteStart - peakAt) / (double) Baseline.HOUR - cfg.peakRecordHoldHours);
        return peak * Math.pow(0.5, hours / cfg.peakRecordHalfLifeHours);
    }

    /** Folds in one step's excess over its expectation. */
    public void learn(long minuteStart, double excess, DetectorConfig cfg) {
        if (excess > at(minuteStart, cfg)) {
            peak = excess;
            peakAt = minuteStart;
        }
    }
}
