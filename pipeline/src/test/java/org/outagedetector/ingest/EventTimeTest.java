package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.apache.flink.util.clock.SystemClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimeTest {

    private static final long T = 1_340_294_400_000L; // 2012-06-21T16:00:00Z

    /** What a generator told its output, in order. */
    private static final class Recorded implements WatermarkOutput {
        final List<String> calls = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            calls.add("idle");
        }

        @Override
        public void markActive() {
            calls.add("active");
        }
    }

    private static Recorded run(WatermarkStrategy<StatusUpdate> strategy, StatusUpdate u) {
        WatermarkGenerator<StatusUpdate> generator = strategy.createWatermarkGenerator(context());
        TimestampAssignerSupplier.Context assignerContext = UnregisteredMetricsGroup::new;
        long ts = strategy.createTimestampAssigner(assignerContext).extractTimestamp(u, Long.MIN_VALUE);
        Recorded out = new Recorded();
        generator.onEvent(u, ts, out);
        generator.onPeriodicEmit(out);
        generator.onPeriodicEmit(out);
        out.calls.add("timestamp " + ts);
        return out;
    }

    private static WatermarkGeneratorSupplier.Context context() {
        return context(SystemClock.getInstance());
    }

    private static WatermarkGeneratorSupplier.Context context(RelativeClock clock) {
        return new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        };
    }

    private static StatusUpdate statement() {
        StatusUpdate u = new StatusUpdate();
        u.service = "twitter";
        u.time = T;
        u.status = "investigating";
        return u;
    }

    @Test
    void liveStatementsNeverMoveOrHoldEventTime() {
        Recorded out = run(EventTime.forStatusUpdates(Duration.ofSeconds(30), Duration.ofSeconds(3)), statement());
        assertThat(out.calls).containsExactly("idle", "idle", "timestamp " + T);
    }

    @Test
    void replayedStatementsHoldEventTimeUntilRead() {
        Recorded out = run(EventTime.forStatusUpdates(Duration.ofSeconds(30), null), statement());
        assertThat(out.calls).containsExactly("watermark " + (T - 30_000 - 1), "watermark " + (T - 30_000 - 1),
                "timestamp " + T);
    }

    private static byte[] post(long createdAt) {
        return ("{\"text\":\"is twitter down?\",\"created_at\":" + createdAt + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** One partition's posts through the live strategy, with its periodic emits on a manual clock. */
    private static final class LivePartition {
        final ManualClock clock = new ManualClock();
        final Recorded out = new Recorded();
        final WatermarkStrategy<byte[]> strategy = EventTime.forPosts(Duration.ofSeconds(30), Duration.ofSeconds(3));
        final WatermarkGenerator<byte[]> generator = strategy.createWatermarkGenerator(context(clock));
        final List<Long> timestamps = new ArrayList<>();

        void read(long createdAt) {
            read(post(createdAt));
        }

        /** A partition's first posts: its event time starts once two agree ({@link CorroboratedProgress}). */
        void start(long createdAt) {
            read(createdAt - 1_000);
            read(createdAt);
        }

        void read(byte[] raw) {
            long ts = strategy.createTimestampAssigner(UnregisteredMetricsGroup::new).extractTimestamp(raw, 7L);
            timestamps.add(ts);
            generator.onEvent(raw, ts, out);
        }

        /** Periodic emits every 200 ms (Flink's default interval) for {@code millis}. */
        void tick(long millis) {
            for (long t = 0; t < millis; t += 200) {
                clock.advanceTime(Duration.ofMillis(200));
                generator.onPeriodicEmit(out);
            }
        }
    }

    @Test
    void aPartitionSilentForTheIdleTimeoutStopsHoldingEventTimeBack() {
        LivePartition p = new LivePartition();
        p.start(T);
        p.tick(2_800);
        assertThat(p.out.calls).containsOnly("watermark " + (T - 30_001));
        p.tick(800);
        assertThat(p.out.calls).endsWith("idle");
    }

    /** The broker restart of BrokerRestartIT: all partitions paused together must resume together. */
    @Test
    void aPartitionBackFromIdlenessHoldsEventTimeForOneIdleTimeoutBeforeMovingItOn() {
        LivePartition p = new LivePartition();
        p.start(T);
        p.tick(5_000);
        p.out.calls.clear();

        p.read(T + 599_999);
        p.read(T + 600_000);
        p.tick(200);
        assertThat(p.out.calls).containsExactly("active");
        p.tick(2_600);
        assertThat(p.out.calls).containsExactly("active");
        p.tick(400);
        assertThat(p.out.calls).containsExactly("active", "watermark " + (T + 600_000 - 30_001));
    }

    @Test
    void aPartitionThatRejoinsAndFallsSilentIsIdleAgain() {
        LivePartition p = new LivePartition();
        p.start(T);
        p.tick(5_000);
        p.read(T + 59_999);
        p.read(T + 60_000);
        p.tick(200);
        p.out.calls.clear();
        p.tick(3_600);
        assertThat(p.out.calls).contains("watermark " + (T + 60_000 - 30_001)).endsWith("idle");
    }

    @Test
    void aRawPostIsTimedByItsCreatedAt() {
        LivePartition p = new LivePartition();
        p.read("{\"id\":\"1\",\"text\":\"gmail not loading\",\"created_at\":\"2012-06-21T15:59:59Z\"}"
                .getBytes(StandardCharsets.UTF_8));
        p.read("{\"id\":\"2\",\"text\":\"gmail not loading\",\"created_at\":\"2012-06-21T16:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8));
        p.tick(200);
        assertThat(p.timestamps).containsExactly(T - 1_000, T);
        assertThat(p.out.calls).containsExactly("watermark " + (T - 30_001));
    }

    /** Records the parser will dead-letter: their time, if any, is not taken, and they keep nothing active. */
    @Test
    void anUntimedRecordNeitherMovesEventTimeNorKeepsItsPartitionActive() {
        LivePartition p = new LivePartition();
        p.start(T);
        p.tick(200);
        p.out.calls.clear();
        byte[][] broken = {post(4_102_444_800_000L), post(0), "{\"text\": truncated".getBytes(StandardCharsets.UTF_8),
                "{\"text\":\"x\",\"created_at\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < 18; i++) {
            p.read(broken[i % broken.length]);
            p.tick(200);
        }
        assertThat(p.timestamps.subList(2, p.timestamps.size())).containsOnly(EventTime.UNTIMED);
        assertThat(p.out.calls).containsOnly("watermark " + (T - 30_001), "idle").endsWith("idle");
    }

    /** The composition {@code run} uses: posts from a clock 12 hours fast move their partition's watermark to now. */
    @Test
    void liveAPartitionsWatermarkNeverPassesTheWallClock() {
        LivePartition p = new LivePartition();
        long now = System.currentTimeMillis();
        long fast = now + 12 * 3_600_000L;
        p.start(now - 60_000);
        p.read(fast);
        p.read(fast + 1_000);
        p.tick(200);
        long later = System.currentTimeMillis();
        assertThat(p.timestamps).containsExactly(now - 61_000, now - 60_000, fast, fast + 1_000);
        assertThat(p.out.calls).singleElement().satisfies(call -> assertThat(
                Long.parseLong(call.substring("watermark ".length()))).isBetween(now, later));
    }
}
