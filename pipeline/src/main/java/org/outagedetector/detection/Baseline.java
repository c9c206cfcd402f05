package org.outagedetector.detection;

/**
 * What a service's distinct-author count per step (a minute in the job) normally is:
 * <ul>
 *   <li>a level: the exponentially weighted mean of recent steps (silent steps count as zero), bias-corrected
 *       so a new service is judged against the mean of the steps it has had, not against a level still
 *       climbing from zero;</li>
 *   <li>seasonal profiles by hour of week and hour of day, learned from fully observed hours;</li>
 *   <li>the spread: a negative binomial dispersion learned from the residuals, so a bursty series is not
 *       judged as if it were Poisson (and a calm one not as if it were bursty).</li>
 * </ul>
 * Every part is a fixed-size array or number, so the state per service is bounded whatever its traffic.
 * A Flink POJO.
 */
public class Baseline {
    static final long HOUR = 3_600_000L;
    private static final int HOURS_PER_DAY = 24;
    private static final int HOURS_PER_WEEK = 7 * HOURS_PER_DAY;

    /** Start of the first step ever folded in; 0 when the service is new. */
    public long firstMinute;
    /** Start of the step after the last one folded in. */
    public long nextMinute;
    /** Exponentially weighted sum of counts, and the weight it has accumulated (1 minus decay^steps). */
    public double level;
    public double levelWeight;
    public SeasonalProfile daily = SeasonalProfile.ofSlots(HOURS_PER_DAY);
    public SeasonalProfile weekly = SeasonalProfile.ofSlots(HOURS_PER_WEEK);
    /** The hour being accumulated (epoch hours), its sum so far, whether any of it went unobserved (or was
     * skipped in a held surge), and whether an open incident held any of it (see {@link #hold}). */
    public long currentHour;
    public double currentHourSum;
    public boolean currentHourIncomplete;
    public boolean currentHourHeld;
    /** How far above the baseline the count has stood in recent days. */
    public PeakRecord peakRecord = new PeakRecord();
    /** 1 / dispersion, learned; 0 means "not yet learned": the configured prior applies. */
    public double inverseDispersion;

    public Baseline() {}

    public boolean isNew() {
        return firstMinute == 0;
    }

    /** Steps of history before {@code minuteStart}. */
    public long historySteps(long minuteStart, DetectorConfig cfg) {
        return isNew() ? 0 : (minuteStart - firstMinute) / cfg.stepMillis;
    }

    /** Expected count in the step starting at {@code minuteStart}. */
    public double expected(long minuteStart, DetectorConfig cfg) {
        if (isNew()) {
            return cfg.priorRate;
        }
        double decayed = Math.pow(cfg.levelDecayPerStep(), gapSteps(minuteStart, cfg));
        double weight = 1 - (1 - levelWeight) * decayed;
        double recent = weight > 0 ? level * decayed / weight : 0;
        // The profile anticipates the daily rise that the level only follows, so take the larger: a false
        // alarm at every morning rise costs more than a slightly later alarm at night.
        return Math.max(cfg.priorRate, Math.max(recent, seasonal(minuteStart, cfg)));
    }

    /** The seasonal profile at this moment (see {@link #seasonalSlot}), 0 while this hour is unknown. */
    double seasonal(long minuteStart, DetectorConfig cfg) {
        double slot = seasonalSlot(minuteStart, cfg);
        return Double.isNaN(slot) ? 0 : slot;
    }

    /** A profile slot for this hour has been seen in enough periods to anticipate the hour's rhythm. */
    boolean knowsTheHour(long minuteStart, DetectorConfig cfg) {
        return !Double.isNaN(seasonalSlot(minuteStart, cfg));
    }

    /**
     * The profile at this moment. A slot is an hour's mean, so it stands for the hour's middle: between two
     * middles the profile is read along the line joining them, so a rush is anticipated along its slope
     * instead of at the hour's edge (an evening rush from 1 to 30 a minute around six read 17:55 as the
     * 17:00 hour's mean, a third of what it is every day); never below the hour's own mean, so a rush that
     * starts on the hour is not expected at half its height in its first minutes. NaN while this hour's own
     * slot is unknown.
     */
    private double seasonalSlot(long minuteStart, DetectorConfig cfg) {
        long hour = Math.floorDiv(minuteStart, HOUR);
        double own = slotMean(hour, cfg);
        if (Double.isNaN(own)) {
            return own;
        }
        double fromMiddle = (minuteStart - hour * HOUR) / (double) HOUR - 0.5;
        double neighbour = slotMean(fromMiddle < 0 ? hour - 1 : hour + 1, cfg);
        return Double.isNaN(neighbour) ? own : Math.max(own, own + Math.abs(fromMiddle) * (neighbour - own));
    }

    /**
     * The week's slot once two weeks have been seen, else the day's once two days have, else NaN. While the
     * day's slot is learning a rhythm that recurs every day (see {@link SeasonalProfile#close}), the larger of
     * the two: the week's slot learns it only a week at a time, so a service with weeks of history would
     * open on a new daily rush for weeks.
     */
    private double slotMean(long hour, DetectorConfig cfg) {
        double week = weekly.mean(hour, cfg.seasonalMinPeriods);
        double day = daily.mean(hour, cfg.seasonalMinPeriods);
        if (Double.isNaN(week)) {
            return day;
        }
        return daily.recurs(hour, cfg) && !Double.isNaN(day) ? Math.max(week, day) : week;
    }

    /** The negative binomial dispersion to judge this service with. */
    public double dispersion(DetectorConfig cfg) {
        return inverseDispersion > 0 ? 1 / inverseDispersion : cfg.dispersion;
    }

    /**
     * Folds in one step's count, judged against {@code expected}. The level and profiles learn the count
     * clipped a few standard deviations above expectation, so a burst does not become the norm; the spread
     * learns from the count itself, so a series that bursts often is judged as the bursty series it is.
     */
    public void observe(long minuteStart, double count, double expected, DetectorConfig cfg) {
        advanceTo(minuteStart, cfg);
        double dispersion = dispersion(cfg);
        double clipped = Math.min(count, Clip.ceiling(expected, dispersion));
        double decay = cfg.levelDecayPerStep();
        level = decay * level + (1 - decay) * clipped;
        levelWeight = decay * levelWeight + (1 - decay);
        currentHourSum += clipped;
        nextMinute = minuteStart + cfg.stepMillis;
        // Before the warm-up the residuals measure the level still settling, not the spread.
        if (historySteps(minuteStart, cfg) >= cfg.warmupMinutes) {
            learnSpread(count, expected, cfg);
        }
    }

    /** Moves past a step without learning from it, nor letting its hour teach the profiles (a held surge). */
    public void skip(long minuteStart, DetectorConfig cfg) {
        advanceTo(minuteStart, cfg);
        currentHourIncomplete = true;
        nextMinute = minuteStart + cfg.stepMillis;
    }

    /**
     * Moves past a step of an open incident without learning from it. The hour keeps its count, for the day
     * incidents turn out to cover it every day: then it is the hour's rhythm (see {@link SeasonalProfile#close}).
     */
    public void hold(long minuteStart, double count, DetectorConfig cfg) {
        advanceTo(minuteStart, cfg);
        currentHourSum += count;
        currentHourHeld = true;
        nextMinute = minuteStart + cfg.stepMillis;
    }

    /**
     * Method of moments for a negative binomial: E[(k - mean)² - mean] = mean² / dispersion. Below one
     * expected per step a residual says almost nothing about the spread, so those steps leave it alone.
     */
    private void learnSpread(double count, double expected, DetectorConfig cfg) {
        inverseDispersion = learnInverseDispersion(inverseDispersion, count, expected, cfg);
    }

    /**
     * One step of the method of moments, shared with {@link SustainedRise}'s windows: the next 1 / dispersion
     * after seeing {@code count} where {@code expected} was expected ({@code inverse} 0 means the prior).
     */
    static double learnInverseDispersion(double inverse, double count, double expected, DetectorConfig cfg) {
        if (expected < 1) {
            return inverse;
        }
        double r = count - expected;
        // Uncapped: the bursts are what the spread is for; the bounds below keep it sane.
        double sample = (r * r - expected) / (expected * expected);
        double current = inverse > 0 ? inverse : 1 / cfg.dispersion;
        double w = 1 - Math.pow(0.5, cfg.stepMillis / (cfg.dispersionHalfLifeHours * (double) HOUR));
        double next = (1 - w) * current + w * sample;
        return Math.max(1 / cfg.maxDispersion, Math.min(1 / cfg.minDispersion, next));
    }

    private long gapSteps(long minuteStart, DetectorConfig cfg) {
        return Math.max(0, (minuteStart - nextMinute) / cfg.stepMillis);
    }

    private void advanceTo(long minuteStart, DetectorConfig cfg) {
        if (isNew()) {
            firstMinute = minuteStart;
            nextMinute = minuteStart;
            currentHour = Math.floorDiv(minuteStart, HOUR);
            // The first hour is seen only from here on: its mean would understate the hour.
            currentHourIncomplete = Math.floorMod(minuteStart, HOUR) != 0;
            return;
        }
        // Steps nobody mentioned the service in are steps with zero reports.
        double decayed = Math.pow(cfg.levelDecayPerStep(), gapSteps(minuteStart, cfg));
        level *= decayed;
        levelWeight = 1 - (1 - levelWeight) * decayed;
        closeHoursBefore(Math.floorDiv(minuteStart, HOUR), cfg);
    }

    private void closeHoursBefore(long hour, DetectorConfig cfg) {
        // Past two weeks of silence every slot has been closed at zero already; skip ahead.
        if (hour - currentHour > 2 * HOURS_PER_WEEK) {
            currentHour = hour - 2 * HOURS_PER_WEEK;
            currentHourSum = 0;
            currentHourIncomplete = false;
            currentHourHeld = false;
        }
        while (currentHour < hour) {
            if (!currentHourIncomplete) {
                double mean = currentHourSum * cfg.stepMillis / HOUR;
                daily.close(currentHour, mean, currentHourHeld, cfg);
                weekly.close(currentHour, mean, currentHourHeld, cfg);
            }
            currentHour++;
            currentHourSum = 0;
            currentHourIncomplete = false;
            currentHourHeld = false;
        }
    }
}
