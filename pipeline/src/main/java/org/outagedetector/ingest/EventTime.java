package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * Event-time rules. A time is taken only once it passes the parser's checks of that field, so an absurd time
 * (1970, 2099) is a dead letter and can never move the watermark. (A post rejected for another reason, say
 * without a text, has a plausible time: it moves its partition's watermark as a valid post would.)
 */
public final class EventTime {

    private EventTime() {}

    /** The time of a raw post whose {@code created_at} is unreadable or absurd: it never moves event time. */
    public static final long UNTIMED = Long.MIN_VALUE;

    /**
     * Event time of the raw posts, given at the source so that each source split (Kafka partition) has its own
     * watermark and the source's is the least of them. Were it given after the source, one watermark would
     * follow whichever partition a subtask happened to read first: catching up a backlog (a restart, a restore,
     * a lag), the consumer hands over a megabyte of one partition before the next, and the next partition's
     * posts of the same minutes would all arrive late.
     *
     * @param maxDisorder how far behind the newest post a post may arrive and still be on time; a post further
     *                    ahead than that moves event time only once the next agrees ({@link CorroboratedProgress})
     * @param idleness    after this long without input a source partition stops holding the watermark back, and
     *                    a partition that comes back waits as long again before it moves event time on
     *                    ({@link RejoiningIdleness}); null for bounded replays, whose watermark reaches the end
     *                    once the input is read; live, a partition's watermark also never passes the wall
     *                    clock ({@link NotAheadOfTheClock})
     */
    public static WatermarkStrategy<byte[]> forPosts(Duration maxDisorder, Duration idleness) {
        WatermarkStrategy<byte[]> strategy = live(ctx -> new CorroboratedProgress<>(maxDisorder), idleness);
        return WatermarkStrategy.<byte[]>forGenerator(ctx -> new TimedOnly<>(strategy.createWatermarkGenerator(ctx)))
                .withTimestampAssigner((raw, previous) -> timeOf(raw));
    }

    /**
     * The post's {@code created_at} as the parser checks it, or {@link #UNTIMED}: the parser says why. Nothing
     * thrown here may escape: it would fail the source, and a restore would read the same record again.
     */
    static long timeOf(byte[] raw) {
        try {
            return PostParser.createdAt(raw);
        } catch (InvalidRecordException | RuntimeException e) {
            return UNTIMED;
        }
    }

    /**
     * Bounded replays: the statements' watermark holds the detector back until the status file is read, so
     * each statement is applied at its moment whatever the reading speed.
     * <p>
     * Live (idleness set): the statements never move the detector's event time; the posts alone do. Were the
     * statements to drive it while the posts pause (a broker restart, a lagging producer, a statement dated
     * ahead of the posts), the detector would judge the paused minutes as silent, resolve open incidents, and
     * then receive those minutes too late. A statement that arrives after its moment is applied at the next
     * watermark; its lead time comes from event times, so it is unchanged.
     */
    public static WatermarkStrategy<StatusUpdate> forStatusUpdates(Duration maxDisorder, Duration idleness) {
        WatermarkStrategy<StatusUpdate> strategy = idleness == null
                ? WatermarkStrategy.forBoundedOutOfOrderness(maxDisorder)
                : WatermarkStrategy.forGenerator(ctx -> new AlwaysIdle<>());
        return strategy.withTimestampAssigner((status, previous) -> status.time);
    }

    /** An input that never holds back or moves the watermark of the operators it joins. */
    private static final class AlwaysIdle<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }

    /**
     * Untimed records (their time unreadable or absurd) are neither progress nor activity: a partition of them
     * goes idle.
     */
    private static final class TimedOnly<T> implements WatermarkGenerator<T> {
        private final WatermarkGenerator<T> watermarks;

        TimedOnly(WatermarkGenerator<T> watermarks) {
            this.watermarks = watermarks;
        }

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp != UNTIMED) {
                watermarks.onEvent(event, eventTimestamp, output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            watermarks.onPeriodicEmit(output);
        }
    }

    /** Live runs (idleness set): each partition's idleness, and its watermark never ahead of the wall clock. */
    private static <T> WatermarkStrategy<T> live(WatermarkStrategy<T> strategy, Duration idleness) {
        return idleness == null ? strategy : ctx -> new RejoiningIdleness<>(
                new NotAheadOfTheClock<>(strategy.createWatermarkGenerator(ctx), System::currentTimeMillis),
                idleness, ctx.getInputActivityClock());
    }
}
