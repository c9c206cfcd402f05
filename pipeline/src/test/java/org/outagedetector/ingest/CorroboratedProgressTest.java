package org.outagedetector.ingest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorroboratedProgressTest {

    private static final long T = 1_340_294_400_000L; // 2012-06-21T16:00:00Z
    private static final long SECOND = 1_000L;
    private static final long DISORDER = 30 * SECOND;
    private static final long STRAY = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final CorroboratedProgress<String> generator = new CorroboratedProgress<>(Duration.ofMillis(DISORDER));
    private final WatermarksSeen out = new WatermarksSeen();
    private final List<Long> watermarks = out.timestamps;

    /** Feeds the posts' times, then asks for the watermark; returns it, or null if none was emitted. */
    private Long after(long... times) {
        for (long t : times) {
            generator.onEvent("post", t, out);
        }
        watermarks.clear();
        generator.onPeriodicEmit(out);
        return watermarks.isEmpty() ? null : watermarks.get(0);
    }

    @Test
    void postsInStepMoveTheWatermarkAsBoundedDisorderWould() {
        assertThat(after(T, T + SECOND, T + 3 * SECOND, T + 2 * SECOND)).isEqualTo(T + 3 * SECOND - DISORDER - 1);
        assertThat(after(T + 20 * SECOND)).isEqualTo(T + 20 * SECOND - DISORDER - 1);
    }

    @Test
    void aStrayPostDatedYearsAheadIsRefutedByTheNextPost() {
        after(T, T + SECOND);
        assertThat(after(STRAY)).isEqualTo(T + SECOND - DISORDER - 1);
        assertThat(after(T + 2 * SECOND)).isEqualTo(T + 2 * SECOND - DISORDER - 1);
        assertThat(after(T + 3 * SECOND)).isEqualTo(T + 3 * SECOND - DISORDER - 1);
    }

    /** A producer's retry or a duplicated line repeats the stray exactly: that confirms nothing. */
    @Test
    void aRepeatedStrayIsStillAStray() {
        after(T, T + SECOND);
        assertThat(after(STRAY, STRAY, STRAY)).isEqualTo(T + SECOND - DISORDER - 1);
        assertThat(after(T + 2 * SECOND)).isEqualTo(T + 2 * SECOND - DISORDER - 1);
    }

    @Test
    void aStreamThatMovesOnIsFollowedFromTheSecondPostThere() {
        after(T, T + SECOND);
        long resumed = T + 2 * 3_600_000L; // the producer was down for two hours
        assertThat(after(resumed)).isEqualTo(T + SECOND - DISORDER - 1);
        assertThat(after(resumed + 400)).isEqualTo(resumed + 400 - DISORDER - 1);
    }

    @Test
    void aStrayAsThePartitionsFirstPostDoesNotSetItsTime() {
        assertThat(after(STRAY)).isNull();
        assertThat(after(T)).isEqualTo(T - DISORDER - 1);
        assertThat(after(T + SECOND)).isEqualTo(T + SECOND - DISORDER - 1);
    }

    @Test
    void aPartitionWhosePostsAreFarApartLagsOnePostBehind() {
        long hour = 3_600_000L;
        assertThat(after(T)).isNull();
        assertThat(after(T + hour)).isEqualTo(T - DISORDER - 1);
        assertThat(after(T + 2 * hour)).isEqualTo(T + hour - DISORDER - 1);
    }

    @Test
    void aLatePostBetweenTheJumpAndItsConfirmationOnlyDelaysIt() {
        after(T, T + SECOND);
        long resumed = T + 3_600_000L;
        after(resumed, T + 5 * SECOND);
        assertThat(after(resumed + SECOND)).isEqualTo(T + 5 * SECOND - DISORDER - 1);
        assertThat(after(resumed + 2 * SECOND)).isEqualTo(resumed + 2 * SECOND - DISORDER - 1);
    }
}
