package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

import java.time.Duration;

/**
 * Flink's idleness ({@code WatermarkStrategy.withIdleness}) with one change: a partition that comes back from
 * idleness rejoins at the watermark it had, and moves event time on only after one more idle timeout.
 * <p>
 * Why: when every partition pauses together (a broker restart, a producer outage), all of them go idle. With
 * plain idleness the first partition to be read again drives event time alone, straight to its newest post,
 * and the posts the other partitions hold for the same minutes arrive late: those minutes are judged nearly
 * silent, an open incident resolves, and the late mentions become dead letters. Holding for an idle timeout
 * gives the others the time a partition always has to speak before it stops counting. A partition that
 * really stays silent is idle again after that, as before.
 */
final class RejoiningIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final RelativeClock clock;
    private final long idleNanos;

    /** An event came since the last periodic check. */
    private boolean active;
    /** When the current silence began; -1 while events come. */
    private long silentSince = -1;
    private boolean idle;
    /** After rejoining, event time stays where it was until then. */
    private long holdUntil = Long.MIN_VALUE;

    RejoiningIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        this.watermarks = watermarks;
        this.clock = clock;
        this.idleNanos = idleTimeout.toNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        active = true;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.relativeTimeNanos();
        if (active) {
            active = false;
            silentSince = -1;
            if (idle) {
                idle = false;
                holdUntil = now + idleNanos;
                // Active again at the old watermark: downstream waits for this partition from now on.
                output.markActive();
            }
        } else if (silentSince < 0) {
            silentSince = now;
        } else if (!idle && now - silentSince > idleNanos) {
            idle = true;
            output.markIdle();
        }
        if (!idle && now >= holdUntil) {
            watermarks.onPeriodicEmit(output);
        }
    }
}
