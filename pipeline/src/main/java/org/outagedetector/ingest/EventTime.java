package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * Event-time rules. Timestamps are assigned only to records that passed validation, so an absurd time
 * (1970, 2099) is a dead letter and can never move the watermark.
 */
public final class EventTime {

    private EventTime() {}

    /**
     * @param maxDisorder how far behind the newest post a post may arrive and still be on time
     * @param idleness    after this long without input a source partition stops holding the watermark back;
     *                    null for bounded replays, where every split ends with a final watermark anyway
     */
    public static WatermarkStrategy<Post> forPosts(Duration maxDisorder, Duration idleness) {
        return withIdleness(WatermarkStrategy.<Post>forBoundedOutOfOrderness(maxDisorder)
                .withTimestampAssigner((post, previous) -> post.createdAt), idleness);
    }

    /** Status updates are rare, so without idleness their input would stall the detector's watermark. */
    public static WatermarkStrategy<StatusUpdate> forStatusUpdates(Duration maxDisorder, Duration idleness) {
        return withIdleness(WatermarkStrategy.<StatusUpdate>forBoundedOutOfOrderness(maxDisorder)
                .withTimestampAssigner((status, previous) -> status.time), idleness);
    }

    private static <T> WatermarkStrategy<T> withIdleness(WatermarkStrategy<T> strategy, Duration idleness) {
        return idleness == null ? strategy : strategy.withIdleness(idleness);
    }
}
