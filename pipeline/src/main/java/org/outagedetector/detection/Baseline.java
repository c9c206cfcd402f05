package org.outagedetector.detection;

/**
 * What a service's distinct-author count per step (a minute in the job) normally is: a level (exponentially weighted recent
 * rate, where minutes without mentions count as zero) and an hour-of-day profile learned across days.
 * Kept in keyed state as a fixed-size POJO, so state per service is bounded whatever its traffic.
 */
public class Baseline {
    private static final long HOUR = 3_600_000L;
    private static final int HOURS_PER_DAY = 24;

    /** Start of the first minute ever folded in; 0 when the service is new. */
    public long firstMinute;
    /** Start of the minute after the last one folded in. */
    public long nextMinute;
    public double level;
    /** Mean authors per minute for each UTC hour of the day, and how many days went into each. */
    public double[] hourProfile = new double[HOURS_PER_DAY];
    public int[] hourDays = new int[HOURS_PER_DAY];
    /** The hour being accumulated (epoch hours), its sum so far, and whether any of it went unobserved. */
    public long currentHour;
    public double currentHourSum;
    public boolean currentHourIncomplete;

    public Baseline() {}

    public boolean isNew() {
        return firstMinute == 0;
    }

    /** Steps (minutes in the job) of history before {@code minuteStart}. */
    public long historySteps(long minuteStart, DetectorConfig cfg) {
        return isNew() ? 0 : (minuteStart - firstMinute) / cfg.stepMillis;
    }

    /** Expected distinct authors in the minute starting at {@code minuteStart}. */
    public double expected(long minuteStart, DetectorConfig cfg) {
        if (isNew()) {
            return cfg.priorRate;
        }
        long gap = Math.max(0, (minuteStart - nextMinute) / cfg.stepMillis);
        double lvl = level * Math.pow(cfg.levelDecayPerStep(), gap);
        int h = hourOfDay(minuteStart);
        // The profile anticipates the daily rise that the level only follows, so take the larger.
        double seasonal = hourDays[h] >= cfg.seasonalMinDays ? hourProfile[h] : 0;
        return Math.max(cfg.priorRate, Math.max(lvl, seasonal));
    }

    /** Folds in one minute's count (the caller clips outliers so an outage does not become normal). */
    public void observe(long minuteStart, double count, DetectorConfig cfg) {
        advanceTo(minuteStart, cfg);
        double decay = cfg.levelDecayPerStep();
        level = decay * level + (1 - decay) * count;
        currentHourSum += count;
        nextMinute = minuteStart + cfg.stepMillis;
    }

    /** Moves past a minute without learning from it (used while an incident is open). */
    public void skip(long minuteStart, DetectorConfig cfg) {
        advanceTo(minuteStart, cfg);
        currentHourIncomplete = true;
        nextMinute = minuteStart + cfg.stepMillis;
    }

    private void advanceTo(long minuteStart, DetectorConfig cfg) {
        if (isNew()) {
            firstMinute = minuteStart;
            nextMinute = minuteStart;
            currentHour = minuteStart / HOUR;
            // The first hour is seen only from here on: its mean would understate the hour.
            currentHourIncomplete = minuteStart % HOUR != 0;
            level = cfg.priorRate;
            return;
        }
        long gap = Math.max(0, (minuteStart - nextMinute) / cfg.stepMillis);
        level *= Math.pow(cfg.levelDecayPerStep(), gap);
        closeHoursBefore(minuteStart / HOUR, cfg);
    }

    private void closeHoursBefore(long hour, DetectorConfig cfg) {
        // Past two days of silence every hour has been closed at zero already; skip ahead.
        if (hour - currentHour > 2 * HOURS_PER_DAY) {
            currentHour = hour - 2 * HOURS_PER_DAY;
            currentHourSum = 0;
            currentHourIncomplete = false;
        }
        while (currentHour < hour) {
            if (!currentHourIncomplete) {
                int h = (int) (currentHour % HOURS_PER_DAY);
                double mean = currentHourSum * cfg.stepMillis / HOUR;
                hourProfile[h] = hourDays[h] == 0 ? mean
                        : (1 - cfg.seasonalDayWeight) * hourProfile[h] + cfg.seasonalDayWeight * mean;
                hourDays[h]++;
            }
            currentHour++;
            currentHourSum = 0;
            currentHourIncomplete = false;
        }
    }

    static int hourOfDay(long millis) {
        return (int) Math.floorMod(millis / HOUR, HOURS_PER_DAY);
    }
}
