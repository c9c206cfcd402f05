package org.outagedetector.detection;

import java.io.Serializable;
import java.time.Duration;

/** The detector's knobs, with defaults that hold on the scenarios in the tests and the demo. */
public class DetectorConfig implements Serializable {
    /** The length of one count (the job's window); {@code nab} sets it to the series' spacing. */
    public long stepMillis = 60_000L;
    /** An incident opens when counts this unlikely under the baseline (the false-alarm rate per step)... */
    public double openTailProbability = 1e-6;
    /** ...are seen over consecutive steps spanning at least this long (a real outage lasts; a viral post's
     * minute does not), each step at its share of that budget. A step this long or longer decides alone. */
    public Duration confirmFor = Duration.ofMinutes(2);
    /** ...and at least this many distinct people report it: three people are never an outage. */
    public int minAuthors = 8;
    /** A minute counts as calm again when its count is no less likely than this. */
    public double calmTailProbability = 0.01;
    /** Consecutive calm minutes before an incident resolves (hysteresis). */
    public int calmMinutesToResolve = 15;
    /** A new spike this soon after a resolution is the same outage coming back, under the same id. */
    public Duration recurrenceWindow = Duration.ofMinutes(60);
    /** An incident still going this long after it opened is the service's new normal (a lasting shift: a new
     * feature, a new market, a bot that never stops): the baseline learns again, and the incident resolves as
     * {@code new_normal} once the counts are ordinary for it. Longer than any outage worth a page. */
    public Duration newNormalAfter = Duration.ofHours(24);
    /** An official acknowledgement this long before an alert still belongs to it (the detector was late). */
    public Duration ackMemory = Duration.ofHours(2);
    /** Half-life of the level (recent rate) in minutes. */
    public double levelHalfLifeMinutes = 60;
    /** Weight of each new period (day, week) in the seasonal profiles: about three periods of memory. */
    public double seasonalWeight = 0.3;
    /** Periods seen before a profile slot is trusted (two weeks for hour-of-week, two days for hour-of-day). */
    public int seasonalMinPeriods = 2;
    /** Rate assumed for a service never seen before, and the floor of every expectation (authors/minute). */
    public double priorRate = 0.05;
    /** Negative binomial dispersion (variance = mean + mean²/dispersion) until a service's own is learned. */
    public double dispersion = 10;
    /** The learned dispersion is kept within these bounds: never burstier than geometric (1), nor near-Poisson
     * beyond 100, so one quiet week cannot make a service's next busy hour look like an outage. */
    public double minDispersion = 1;
    public double maxDispersion = 100;
    /** Half-life of the learned spread, in hours of event time: a day, so it follows a service's season. */
    public double dispersionHalfLifeHours = 24;
    /** The record of how far above its baseline a service's count has stood is held for a day (a burst no bigger
     * than the day's biggest is that service's ordinary), then halves every three days, so a big outage stops
     * masking smaller ones within days (two days later a new incident needs 79% of its opening crowd). */
    public double peakRecordHoldHours = 24;
    public double peakRecordHalfLifeHours = 72;
    /** A shared surge counts only the part of the rise this many Poisson deviations sure (see StreamLoad). */
    public double surgeSigmas = 3;
    /** The stream's own baseline does not learn a surge of at least this many times its expectation... */
    public double surgeToHoldLoadBaseline = 2;
    /** ...for up to this long; a surge that lasts longer is the stream's new normal (see StreamLoadGauge). */
    public Duration maxHeldSurge = Duration.ofHours(6);
    /** A rise the one-hour level follows is judged over windows this long against the expectation as it stood
     * when the window began (see SustainedRise): long enough that the level has followed only a little of a
     * rise within it, short enough to open within the hour of a rise over 30-90 minutes. */
    public Duration sustainedWindow = Duration.ofMinutes(30);
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

    /** Consecutive unlikely steps that open an incident: {@link #confirmFor} in steps, at least one. */
    public int confirmSteps() {
        return (int) Math.max(1, Math.ceil(confirmFor.toMillis() / (double) stepMillis));
    }

    /** The sustained window in steps, at least two (one step is the spike test's). */
    public int sustainedSteps() {
        return (int) Math.max(2, Math.ceil(sustainedWindow.toMillis() / (double) stepMillis));
    }

    /** Each step's tail threshold: independent steps multiply, so the budget is split geometrically. */
    public double stepTailProbability() {
        return Math.pow(openTailProbability, 1.0 / confirmSteps());
    }

    /** Level decay per step, from the half-life. */
    public double levelDecayPerStep() {
        return Math.pow(0.5, stepMillis / (levelHalfLifeMinutes * 60_000.0));
    }
}
