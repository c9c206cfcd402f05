package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class NotAheadOfTheClockTest {

    private static final long NOW = 1_796_342_400_000L; // 2026-12-03T00:00:00Z
    private static final long HOUR = 3_600_000L;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final WatermarksSeen out = new WatermarksSeen();
    private final List<Long> watermarks = out.timestamps;
    private final NotAheadOfTheClock<String> generator =
            new NotAheadOfTheClock<>(new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(30)), clock::get);

    @Test
    void aPostDatedHoursAheadMovesTheWatermarkOnlyToTheClock() {
        generator.onEvent("post", NOW - 60_000, out);
        generator.onPeriodicEmit(out);
        generator.onEvent("a post from a clock 12 hours fast", NOW + 12 * HOUR, out);
        generator.onPeriodicEmit(out);
        assertThat(watermarks).containsExactly(NOW - 90_001, NOW);

        clock.set(NOW + HOUR);
        generator.onPeriodicEmit(out);
        assertThat(watermarks).last().isEqualTo(NOW + HOUR);
    }

    @Test
    void postsBehindTheClockAreNotTouched() {
        generator.onEvent("post of 2012", 1_340_294_400_000L, out);
        generator.onPeriodicEmit(out);
        assertThat(watermarks).containsExactly(1_340_294_400_000L - 30_001);
    }
}
