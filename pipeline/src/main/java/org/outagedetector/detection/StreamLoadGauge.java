package org.outagedetector.detection;

/**
 * Judges the whole stream's volume per step against its own {@link Baseline} (the same level and seasonal
 * profiles as a service's, which clips each step's lesson so a surge does not become the norm too soon).
 * Pure; the job holds one per stream in keyed state under a single key.
 */
public final class StreamLoadGauge {

    private StreamLoadGauge() {}

    public static StreamLoad next(Baseline b, long minuteStart, long posts, DetectorConfig cfg) {
        double expected = b.expected(minuteStart, cfg);
        b.observe(minuteStart, posts, expected, cfg);
        return new StreamLoad(minuteStart, posts, expected);
    }
}
