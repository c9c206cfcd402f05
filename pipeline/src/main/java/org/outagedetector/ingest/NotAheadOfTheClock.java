package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.util.function.LongSupplier;

/**
 * Live runs: a partition's watermark never passes the wall clock. A post may be dated up to a day ahead (clocks
 * drift) and is kept, in its minute, until that minute comes; but were its time to move the watermark, the
 * partition would claim tomorrow has come, and once the other partitions went idle the job would judge the
 * hours in between as silent and take every post after as late. Replays of old data are far behind the
 * clock: for them this changes nothing.
 */
final class NotAheadOfTheClock<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final LongSupplier wallClockMillis;
    /** One per path, reused: {@code onEvent} runs for every post, and must not allocate a wrapper each time. */
    private final Capped onEvents = new Capped();
    private final Capped periodic = new Capped();

    NotAheadOfTheClock(WatermarkGenerator<T> watermarks, LongSupplier wallClockMillis) {
        this.watermarks = watermarks;
        this.wallClockMillis = wallClockMillis;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, onEvents.to(output));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        watermarks.onPeriodicEmit(periodic.to(output));
    }

    /** Passes on to the output it was last given, a watermark past the wall clock as the wall clock. */
    private final class Capped implements WatermarkOutput {
        private WatermarkOutput output;

        Capped to(WatermarkOutput target) {
            output = target;
            return this;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            long now = wallClockMillis.getAsLong();
            output.emitWatermark(watermark.getTimestamp() > now ? new Watermark(now) : watermark);
        }

        @Override
        public void markIdle() {
            output.markIdle();
        }

        @Override
        public void markActive() {
            output.markActive();
        }
    }
}
