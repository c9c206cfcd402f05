package org.outagedetector.detection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stream's own baseline: when it calls a surge, and what it learns from one. */
class StreamLoadGaugeTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    private final DetectorConfig cfg = DetectorConfig.defaults();
    private final StreamLoadState state = new StreamLoadState();
    private final SplittableRandom rng = new SplittableRandom(7);
    private final List<StreamLoad> loads = new ArrayList<>();

    /** Minutes [from, to) with about {@code people} each (Poisson-like noise). */
    private void minutes(long from, long to, double people) {
        for (long m = from; m < to; m++) {
            double noisy = Math.max(0, Math.round(people + Math.sqrt(people) * rng.nextGaussian()));
            loads.add(StreamLoadGauge.next(state, T0 + m * MINUTE, noisy, 0.016, cfg));
        }
    }

    private StreamLoad at(long m) {
        return loads.get((int) m);
    }

    @Test
    void callsNoSurgeUntilItsOwnBaselineHasWarmedUp() {
        minutes(0, 30, 1_000);
        minutes(30, 60, 8_000); // the job started during a final: no normal yet to call it a surge
        assertThat(loads).allSatisfy(l -> assertThat(l.surgeFactor(cfg)).isEqualTo(1.0));
        minutes(60, 61, 8_000);
        assertThat(at(60).expectedPeople).isPositive();
    }

    @Test
    void anOrdinaryStreamIsNoSurge() {
        minutes(0, 24 * 60, 2_000);
        assertThat(loads.subList(60, loads.size())).allSatisfy(l -> assertThat(l.surgeFactor(cfg)).isEqualTo(1.0));
    }

    @Test
    void anHourLongSurgeIsNotLearnedAsNormal() {
        minutes(0, 180, 2_000);
        double before = at(179).expectedPeople;
        minutes(180, 240, 16_000);
        // To its last minute the final is eight times the stream's normal, less the sure margin.
        assertThat(at(180).surgeFactor(cfg)).isBetween(7.0, 8.0);
        assertThat(at(239).surgeFactor(cfg)).isBetween(7.0, 8.0);
        assertThat(at(239).expectedPeople).isBetween(0.97 * before, 1.03 * before);
        // Services learn the surge's minutes as they would have been without it: 80 people are 10 ordinary ones.
        assertThat(loads.subList(180, 240)).allMatch(l -> l.held);
        assertThat(at(200).lesson(80, cfg)).isCloseTo(80 / at(200).surgeFactor(cfg), within(1e-9))
                .isBetween(10.0, 11.5);
        minutes(240, 300, 2_000);
        // And after it, nothing: the spread did not learn the surge's bursts either.
        assertThat(loads.subList(241, 300)).allSatisfy(l -> assertThat(l.surgeFactor(cfg)).isEqualTo(1.0));
        assertThat(state.baseline.dispersion(cfg)).isGreaterThan(9.0);
    }

    @Test
    void aDailyRhythmIsFollowedNotHeld() {
        // Three days of a stream that triples from night to evening; the level follows the rise.
        for (long m = 0; m < 3 * 1440; m++) {
            double hourOfDay = (m % 1440) / 60.0;
            minutes(m, m + 1, 1_000 * (2 - Math.cos(2 * Math.PI * hourOfDay / 24)));
        }
        assertThat(state.surgeSince).isZero();
        assertThat(loads).noneMatch(l -> l.held);
        assertThat(loads.get(3 * 1440 - 1).lesson(80, cfg)).isEqualTo(80.0);
        assertThat(loads.subList(60, loads.size())).allSatisfy(l -> assertThat(l.surgeFactor(cfg)).isLessThan(1.3));
    }

    @Test
    void aSurgeThatLastsIsTheNewNormalAfterMaxHeldSurge() {
        cfg.maxHeldSurge = Duration.ofHours(2);
        minutes(0, 180, 2_000);
        minutes(180, 180 + 14 * 60, 6_000); // a new source of posts, for good
        assertThat(at(180 + 119).surgeFactor(cfg)).isGreaterThan(2.5);
        assertThat(at(180 + 119).held).isTrue();
        assertThat(at(180 + 120).held).isFalse(); // services learn the new normal with the stream's baseline
        // Learning again, clipped, it catches up within hours instead of inflating every expectation for good.
        assertThat(at(180 + 14 * 60 - 1).surgeFactor(cfg)).isEqualTo(1.0);
    }
}
