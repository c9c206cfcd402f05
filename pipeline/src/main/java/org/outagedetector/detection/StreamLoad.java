package org.outagedetector.detection;

/**
 * The whole stream's load in one step and what the stream's own baseline expected, so that each service can
 * be judged against a shared surge: during a final or an election every service gets more complaints because
 * more people are posting. The load is the distinct people who posted something other than an outage report
 * (estimated by a sketch): a flood of "netflix is down" is netflix's spike, not a surge of the stream, and
 * one account posting a thousand times is one person. A Flink POJO.
 */
public class StreamLoad {
    public long minuteStart;
    /** Distinct people who posted something other than an outage report. */
    public double people;
    /** What the stream's baseline expected; 0 while that baseline is still warming up (no surge is called). */
    public double expectedPeople;
    /** The standard error of {@link #people} relative to it (the sketch's). */
    public double relativeError;
    /** The stream's baseline did not learn this minute: a surge it holds as no part of the normal. */
    public boolean held;

    public StreamLoad() {}

    public StreamLoad(long minuteStart, double people, double expectedPeople, double relativeError) {
        this.minuteStart = minuteStart;
        this.people = people;
        this.expectedPeople = expectedPeople;
        this.relativeError = relativeError;
    }

    /**
     * How many times busier than usual the stream is, counting only the rise we are sure of: the observed
     * crowd is taken at its lower bound, {@code surgeSigmas} deviations of Poisson noise and of the sketch's
     * error below the estimate. Never below 1: a quiet stream makes no one more suspect.
     */
    public double surgeFactor(DetectorConfig cfg) {
        if (expectedPeople <= 0) {
            return 1;
        }
        double sd = Math.sqrt(people + Math.pow(relativeError * people, 2));
        return Math.max(1, (people - cfg.surgeSigmas * sd) / expectedPeople);
    }

    /**
     * What a service's count in this minute teaches its baseline: in a surge the stream's baseline holds, the
     * count as it would have been without the surge, so the service learns neither the surge's level nor its
     * rise (as burstiness); otherwise the count itself, so a service follows a lasting change of the stream
     * (a daily rise, a surge held too long) as fast as the stream's baseline does.
     */
    public double lesson(int count, DetectorConfig cfg) {
        return held ? count / surgeFactor(cfg) : count;
    }
}
