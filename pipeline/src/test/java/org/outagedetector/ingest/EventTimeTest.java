package org.outagedetector.ingest;

import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.RelativeClock;
import org.apache.flink.util.clock.SystemClock;
import org.junit.jupiter.api.Test;

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
        return new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return SystemClock.getInstance();
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
}
