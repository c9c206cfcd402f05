package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Duration;

/**
 * A partition's watermark: its newest post's time less the allowed disorder, like Flink's bounded
 * out-of-orderness, except that a post dated further ahead of the partition than that disorder moves it
 * only once the next post lands ahead too.
 * <p>
 * Why: one post with a wrong date, say 2026 in a replay of 2012 (a client's bad clock, a test record, a
 * mislabelled export), would otherwise move its partition's event time to 2026, and every post after it
 * would be late: the whole rest of the replay would go to the dead letters and its outages would never
 * open. A stream that really moves on (a pause ended, a backfill skipped ahead) keeps on from there, so the
 * post after the jump confirms it; a stray is followed by posts of the stream's own time, which refute it.
 * The stray itself is kept, in its own minute. The cost: after a gap longer than the disorder, a partition's
 * watermark waits for the second post, and the first post of a partition counts only with the second.
 */
final class CorroboratedProgress<T> implements WatermarkGenerator<T> {

    private static final long NONE = Long.MIN_VALUE;

    private final long disorderMillis;
    /** The partition's newest confirmed time, or NONE before two posts agreed. */
    private long newest = NONE;
    /** A post too far ahead of {@code newest}, waiting for the next one; NONE when there is none. */
    private long jump = NONE;

    CorroboratedProgress(Duration maxDisorder) {
        this.disorderMillis = maxDisorder.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (withinReach(eventTimestamp)) {
            newest = Math.max(newest, eventTimestamp);
            jump = NONE; // back at the partition's own time: the jump was a stray
        } else if (jump == NONE || eventTimestamp == jump) {
            // A post repeated (a producer's retry, a duplicated line) is the same stray again: no confirmation.
            jump = eventTimestamp;
        } else {
            // A second post in a row beyond reach, at another time: the partition has moved on, at least to the
            // earlier of the two.
            long later = Math.max(jump, eventTimestamp);
            newest = Math.min(jump, eventTimestamp);
            jump = NONE;
            if (withinReach(later)) {
                newest = later;
            } else {
                jump = later;
            }
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (newest != NONE) {
            output.emitWatermark(new Watermark(newest - disorderMillis - 1));
        }
    }

    private boolean withinReach(long timestamp) {
        return newest != NONE && timestamp <= newest + disorderMillis;
    }
}
