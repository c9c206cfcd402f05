package org.outagedetector.cluster;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.time.Duration;

/**
 * A tiny endless job that tests the process cluster itself, independent of the outage detector: it is
 * packed into a jar, uploaded and run over REST, survives the loss of its TaskManager, and is cancelled.
 */
public final class SmokeJob {

    private SmokeJob() {}

    public static void main(String[] args) throws Exception {
        Configuration conf = new Configuration();
        // Without checkpointing Flink would not restart the job after losing its TaskManager.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSource(new DataGeneratorSource<>(n -> n, Long.MAX_VALUE, RateLimiterStrategy.perSecond(10), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .sinkTo(new DiscardingSink<>())
                .uid("discard")
                .name("discard");
        env.execute("process-cluster-smoke");
    }
}
