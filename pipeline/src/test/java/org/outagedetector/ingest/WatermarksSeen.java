package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.util.ArrayList;
import java.util.List;

/** A generator's output that keeps the watermarks it was given, in order; idleness is not recorded. */
final class WatermarksSeen implements WatermarkOutput {
    final List<Long> timestamps = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
        timestamps.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
}
