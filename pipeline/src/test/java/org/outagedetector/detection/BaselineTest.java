package org.outagedetector.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BaselineTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY3 = Instant.parse("2024-03-06T00:00:00Z").toEpochMilli();

    private final DetectorConfig cfg = DetectorConfig.defaults();
    private final Baseline baseline = new Baseline();

    /** Two days of hour means: 4 a minute, but 28 in the six o'clock hour. */
    private void twoDaysWithARushAtSix() {
        for (long hour = DAY3 / Baseline.HOUR - 48; hour < DAY3 / Baseline.HOUR; hour++) {
            baseline.daily.close(hour, hour % 24 == 18 ? 28 : 4, false, cfg);
        }
    }

    private double at(int hour, int minute) {
        return baseline.seasonal(DAY3 + (hour * 60L + minute) * MINUTE, cfg);
    }

    @Test
    void theProfileIsReadAlongTheLineBetweenTheHoursMiddlesNeverBelowTheHoursOwnMean() {
        twoDaysWithARushAtSix();
        assertThat(at(17, 30)).isCloseTo(4, within(1e-9));
        assertThat(at(17, 45)).isCloseTo(10, within(1e-9));   // the rush anticipated along its slope
        assertThat(at(18, 0)).isCloseTo(28, within(1e-9));    // the line says 16: the hour's own mean holds
        assertThat(at(18, 45)).isCloseTo(28, within(1e-9));
        assertThat(at(19, 15)).isCloseTo(10, within(1e-9));   // and it is let go along the slope
        assertThat(at(12, 10)).isCloseTo(4, within(1e-9));
    }

    @Test
    void anUnknownNeighbourLeavesTheHourAtItsOwnMean() {
        twoDaysWithARushAtSix();
        baseline.daily.samples[19] = 1; // the seven o'clock hour seen on one day only: not yet known
        assertThat(at(18, 50)).isCloseTo(28, within(1e-9));
        assertThat(at(19, 10)).isCloseTo(0, within(1e-9)); // its own hour unknown: no profile at all
        assertThat(baseline.knowsTheHour(DAY3 + 19 * 60 * MINUTE, cfg)).isFalse();
    }

    @Test
    void anHourHeldByAnIncidentIsLearnedOnlyOnceItRecursOnConsecutiveDays() {
        SeasonalProfile daily = SeasonalProfile.ofSlots(24);
        long sixOClock = DAY3 / Baseline.HOUR + 18;
        daily.close(sixOClock - 72, 2, false, cfg);
        daily.close(sixOClock - 48, 2, false, cfg);
        daily.close(sixOClock - 24, 30, true, cfg);     // one day's incident: not the hour's normal
        assertThat(daily.mean(sixOClock, 2)).isEqualTo(2);
        daily.close(sixOClock, 30, true, cfg);          // the second day running: the hour's rhythm
        assertThat(daily.mean(sixOClock, 2)).isCloseTo(0.7 * 2 + 0.3 * 30, within(1e-9));
        daily.close(sixOClock + 24, 2, false, cfg);     // a quiet day breaks the run
        daily.close(sixOClock + 48, 30, true, cfg);
        assertThat(daily.samples[18]).isEqualTo(4);
        assertThat(daily.recurs(sixOClock, cfg)).isFalse();
    }

    @Test
    void weeksOfSilenceEndARunOfHeldDays() {
        // An incident at six on one day, then three weeks nobody mentions the service (the hours close at
        // zero, skipped ahead past two weeks), then an incident at six again: not two days running.
        long sixOClock = DAY3 + 18 * 60 * MINUTE;
        for (long m = 0; m < 60; m++) {
            baseline.hold(sixOClock + m * MINUTE, 30, cfg);
        }
        long later = sixOClock + 21 * 24 * 60 * MINUTE;
        for (long m = 0; m < 61; m++) {
            baseline.hold(later + m * MINUTE, 30, cfg);
        }
        assertThat(baseline.daily.heldPeriods[18]).isEqualTo((byte) 1);
        assertThat(baseline.daily.mean(later / Baseline.HOUR, 1)).isZero();
    }

    @Test
    void stateSavedBeforeHeldPeriodsExistedClosesItsHours() {
        SeasonalProfile daily = SeasonalProfile.ofSlots(24);
        daily.heldPeriods = null; // as a savepoint of an earlier build restores it
        assertThat(daily.recurs(18, cfg)).isFalse();
        daily.close(18, 3, false, cfg);
        daily.close(42, 30, true, cfg);
        assertThat(daily.heldPeriods).hasSize(24);
        assertThat(daily.mean(18, 1)).isEqualTo(3);
    }

    @Test
    void aWeeklyProfileDefersToADailyRhythmThatRecurs() {
        // Three weeks of 4 a minute at every hour: the week's slots are known. Then a rush at six that incidents
        // covered on two days running: the day's slot learns it, and is read until the week's catches up.
        long first = DAY3 / Baseline.HOUR - 21 * 24;
        for (long hour = first; hour < DAY3 / Baseline.HOUR - 48; hour++) {
            baseline.daily.close(hour, 4, false, cfg);
            baseline.weekly.close(hour, 4, false, cfg);
        }
        for (long hour = DAY3 / Baseline.HOUR - 48; hour < DAY3 / Baseline.HOUR; hour++) {
            boolean rush = hour % 24 == 18;
            baseline.daily.close(hour, rush ? 30 : 4, rush, cfg);
            baseline.weekly.close(hour, rush ? 30 : 4, rush, cfg);
        }
        assertThat(at(18, 30)).isCloseTo(0.7 * 4 + 0.3 * 30, within(1e-9));
        assertThat(at(12, 30)).isCloseTo(4, within(1e-9));
    }

    @Test
    void aHeldStepKeepsItsCountForTheHourAndASkippedOneSpoilsIt() {
        long start = DAY3 - 72 * Baseline.HOUR;
        for (long m = 0; m < 72 * 60; m++) {
            long minute = start + m * MINUTE;
            long hourOfDay = (m / 60) % 24;
            if (hourOfDay == 18) {
                baseline.hold(minute, 30, cfg);          // an incident, three days running
            } else if (hourOfDay == 3) {
                baseline.skip(minute, cfg);              // a held surge: never the hour's rhythm
            } else {
                baseline.observe(minute, 4, 4, cfg);
            }
        }
        baseline.observe(DAY3, 4, 4, cfg);               // closes the last hour
        assertThat(baseline.currentHourHeld).isFalse();
        assertThat(baseline.daily.mean(DAY3 / Baseline.HOUR + 18, 1)).isCloseTo(30, within(1e-9));
        assertThat(baseline.daily.samples[18]).isEqualTo(2);  // the second and third days
        assertThat(baseline.daily.samples[3]).isZero();
    }
}
