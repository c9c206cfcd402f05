package org.outagedetector.detection;

import java.io.Serializable;
import java.time.Duration;

/** The detector's knobs, with defaults that hold on the scenarios in the tests and the demo. */
public class DetectorConfig implements Serializable {
    /** The length of one count (the job's window); {@code nab} sets it to the series' spacing. */
    public long stepMillis = 60_000L;
    /** An incident opens when the count is this unlikely under the baseline... */
    public double openTailProbability = 1e-6;
    /** ...and at least this many distinct people report it: three people are never an outage. */
    public int minAuthors = 8;
    /** A minute counts as calm again when its count is no less likely than this. */
    public double calmTailProbability = 0.01;
    /** Consecutive calm minutes before an incident resolves (hysteresis). */
    public int calmMinutesToResolve = 15;
    /** A new spike this soon after a resolution is the same outage coming back, under the same id. */
    public Duration recurrenceWindow = Duration.ofMinutes(60);
    /** An official acknowledgement this long before an alert still belongs to it (the detector was late). */
    public Duration ackMemory = Duration.ofHours(2);
    /** Half-life of the level (recent rate) in minutes. */
    public double levelHalfLifeMinutes = 60;
    /** Weight of each new day in the hour-of-day profile. */
    public double seasonalDayWeight = 0.3;
    /** Days of profile needed before the seasonal term is trusted. */
    public int seasonalMinDays = 2;
    /** Rate assumed for a service never seen before, and the floor of every expectation (authors/minute). */
    public double priorRate = 0.05;
    /** Negative binomial dispersion (variance = mean + mean²/dispersion). */
    public double dispersion = 10;
    /** Minutes of history before a service's baseline is trusted... */
    public int warmupMinutes = 60;
    /** ...unless the crowd is at least this large: an unheard-of crowd needs no history. */
    public int coldStartMinAuthors = 50;
    /** Severity: major from this many authors at this multiple of the baseline, critical likewise. */
    public int majorAuthors = 30;
    public double majorRatio = 10;
    public int criticalAuthors = 100;
    public double criticalRatio = 20;
    /** Baselines of services nobody has mentioned for this long are dropped. */
    public Duration stateTtl = Duration.ofDays(30);

    public static DetectorConfig defaults() {
        return new DetectorConfig();
    }

    /** Level decay per step, from the half-life. */
    public double levelDecayPerStep() {
        return Math.pow(0.5, stepMillis / (levelHalfLifeMinutes * 60_000.0));
    }
}
