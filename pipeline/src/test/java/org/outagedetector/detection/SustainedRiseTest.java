package org.outagedetector.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The half hour the rise test judges: what goes into its sum and what it is compared with. */
class SustainedRiseTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    private final DetectorConfig cfg = DetectorConfig.defaults();
    private final Baseline baseline = new Baseline();   // no profile yet: the frozen expectation alone
    private final SustainedRise rise = new SustainedRise();

    @Test
    void isJudgedAgainstTheExpectationFromBeforeItAndOneMinuteCannotMakeIt() {
        // The expectation climbs along with the counts (the one-hour level following a rise), and one minute
        // has a burst of 1,000.
        for (int m = 0; m < 30; m++) {
            rise.push(T0 + m * MINUTE, T0 + m * MINUTE, m == 29 ? 1_000 : 2 + m, 2 + m / 10.0, cfg);
        }
        SustainedRise.Window w = rise.window(T0 + 29 * MINUTE, baseline, cfg);
        assertThat(w.reference()).isCloseTo(30 * 2.0, within(1e-9));
        assertThat(w.referenceNow()).isCloseTo(2.0, within(1e-9));
        double clip = Clip.ceiling(2.0, baseline.dispersion(cfg));
        double expectedSum = 0;
        for (int m = 0; m < 29; m++) {
            expectedSum += Math.min(2 + m, clip);
        }
        assertThat(w.sum()).isCloseTo(expectedSum + clip, within(1e-9));
    }

    @Test
    void minutesNobodyMentionedTheServiceInAreZerosOfTheWindow() {
        for (int m = 0; m < 40; m++) {
            rise.push(T0 + m * MINUTE, T0 + m * MINUTE, 2, 2, cfg);
        }
        // The job passes no minute without mentions (unless an incident is open): the next comes 20 minutes on.
        rise.push(T0 + 59 * MINUTE, T0 + 40 * MINUTE, 3, 1.5, cfg);
        SustainedRise.Window w = rise.window(T0 + 59 * MINUTE, baseline, cfg);
        assertThat(w.sum()).isCloseTo(10 * 2 + 3, within(1e-9));       // 10 minutes of 2, 19 silent, then 3
        assertThat(w.reference()).isCloseTo(30 * 2.0, within(1e-9));  // still from the window's oldest minute
        // A silence longer than the window leaves only zeros and the new minute, judged by its expectation.
        rise.push(T0 + 200 * MINUTE, T0 + 60 * MINUTE, 3, 0.5, cfg);
        SustainedRise.Window after = rise.window(T0 + 200 * MINUTE, baseline, cfg);
        assertThat(after.sum()).isCloseTo(3, within(1e-9));
        assertThat(after.reference()).isCloseTo(30 * 0.5, within(1e-9));
    }

    @Test
    void thereIsNoWindowUntilItIsFull() {
        for (int m = 0; m < 29; m++) {
            rise.push(T0 + m * MINUTE, m == 0 ? 0 : T0 + m * MINUTE, 5, 5, cfg);
            assertThat(rise.window(T0 + m * MINUTE, baseline, cfg)).isNull();
        }
        rise.push(T0 + 29 * MINUTE, T0 + 29 * MINUTE, 5, 5, cfg);
        assertThat(rise.window(T0 + 29 * MINUTE, baseline, cfg)).isNotNull();
    }
}
