package org.outagedetector.detection;

/**
 * Judges the whole stream's load per step against its own {@link Baseline} (the same level and seasonal
 * profiles as a service's). Pure; the job holds one {@link StreamLoadState} per stream in keyed state under a
 * single key.
 * <ul>
 *   <li>Until the baseline has had {@code warmupMinutes} of history it knows no normal, so it calls no surge,
 *       and it learns each step unclipped: the clip protects a normal there is not yet, and from the prior of
 *       a service (a twentieth of a person) it would hold a crowd of thousands far below itself for hours.</li>
 *   <li>A surge of at least {@code surgeToHoldLoadBaseline} times the expectation teaches the baseline nothing
 *       (like a service's open incident): learning it, even clipped, would make an hour-long final half normal
 *       by its end, and its bursts would teach the spread that the stream is bursty, which widens the clip.
 *       A daily rhythm never rises that fast against a level that follows it within the hour. Nor does a surge
 *       that comes back at the same hour teach it (unlike a service's recurring incident): the stream learning
 *       two evenings of a final as normal would leave the third evening's services unprotected.</li>
 *   <li>A surge held for {@code maxHeldSurge} is the stream's new normal (a new source of posts, a lasting
 *       change): the baseline learns again, clipped as usual, so it catches up within hours instead of
 *       inflating every service's expectation for good.</li>
 * </ul>
 */
public final class StreamLoadGauge {

    private StreamLoadGauge() {}

    public static StreamLoad next(StreamLoadState s, long minuteStart, double people, double relativeError,
                                  DetectorConfig cfg) {
        Baseline b = s.baseline;
        double expected = b.expected(minuteStart, cfg);
        boolean warmedUp = b.historySteps(minuteStart, cfg) >= cfg.warmupMinutes;
        StreamLoad load = new StreamLoad(minuteStart, people, warmedUp ? expected : 0, relativeError);
        boolean surge = load.surgeFactor(cfg) >= cfg.surgeToHoldLoadBaseline;
        if (!surge) {
            s.surgeSince = 0;
        } else if (s.surgeSince == 0) {
            s.surgeSince = minuteStart;
        }
        if (!warmedUp) {
            b.observe(minuteStart, people, Math.max(expected, people), cfg);
        } else if (surge && minuteStart - s.surgeSince < cfg.maxHeldSurge.toMillis()) {
            b.skip(minuteStart, cfg);
            load.held = true;
        } else {
            b.observe(minuteStart, people, expected, cfg);
        }
        return load;
    }
}
