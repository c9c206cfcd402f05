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
    void theProfileIsReadAlongTheLineBetweenTheHoursMiddles() {
        twoDaysWithARushAtSix();
        assertThat(at(17, 30)).isCloseTo(4, within(1e-9));
        assertThat(at(17, 45)).isCloseTo(10, within(1e-9));
        assertThat(at(18, 0)).isCloseTo(16, within(1e-9));
        assertThat(at(18, 30)).isCloseTo(28, within(1e-9));
        assertThat(at(18, 45)).isCloseTo(22, within(1e-9));
        assertThat(at(12, 10)).isCloseTo(4, within(1e-9));
    }

    @Test
    void anUnknownNeighbourLeavesTheHourAtItsOwnMean() {
        twoDaysWithARushAtSix();
        baseline.daily.heldPeriods[19] = 0;
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
    }
}
