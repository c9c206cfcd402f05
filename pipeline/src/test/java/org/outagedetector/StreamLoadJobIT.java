package org.outagedetector;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.testing.OperatorMetrics;
import org.outagedetector.testing.ReportingCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole graph on a MiniCluster at parallelism 2 through a big live event: for an hour eight times as many
 * people post (about the match), every service's everyday complaints rise with them, and gmail really goes
 * down in the middle of it. The stream's load is sketched per subtask, gathered, broadcast and attached to
 * each service's minute, and shown on the gauge operator's metrics.
 */
class StreamLoadJobIT {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ReportingCluster.reportingTo(METRICS);

    /** Four hours of ordinary traffic, then the event from 18:00 to 19:00, then an hour after it. */
    private static ScenarioSpec liveEvent() {
        ScenarioSpec spec = new ScenarioSpec(Instant.parse("2024-03-04T14:00:00Z"), Duration.ofHours(6)).seed(11)
                .chatter(25).background("twitter", 3).background("gmail", 0.5).background("netflix", 1);
        spec.decoy("world cup", "2024-03-04T18:00:00Z", Duration.ofMinutes(60), 7 * 25);
        for (ScenarioSpec.Background b : List.copyOf(spec.background)) {
            spec.outage(b.service(), "2024-03-04T18:00:00Z", "2024-03-04T19:00:00Z", 7 * b.peakPerMinute());
        }
        return spec.outage("gmail", "2024-03-04T18:20:00Z", "2024-03-04T18:40:00Z", 60)
                .statement("gmail", "2024-03-04T18:35:00Z", "investigating", "Looking into it.");
    }

    @Test
    void aSharedSurgeRaisesNothingWhileAnOutageDuringItStillOpens() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        Scenario scenario = new Scenario(liveEvent());
        DataStream<AlertEvent> out = OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())),
                new OutageDetectorJob.Outputs(List.of(), null), OutageDetectorJob.Timing.replay(),
                DetectorConfig.defaults());
        List<AlertEvent> alerts = new ArrayList<>();
        JobID job;
        try (CloseableIterator<AlertEvent> it = out.collectAsync()) {
            job = env.execute("live event").getJobID();
            it.forEachRemaining(alerts::add);
        }

        List<AlertEvent> opens = alerts.stream().filter(a -> a.state.equals(AlertEvent.OPEN)).toList();
        assertThat(opens).extracting(a -> a.service).containsExactly("gmail");
        long start = Instant.parse("2024-03-04T18:20:00Z").toEpochMilli();
        assertThat(opens.get(0).detectedAt).isBetween(start + 60_000L, start + 4 * 60_000L);
        // The last minute's crowd (an ordinary evening minute, after the event) and what the stream expected.
        assertThat(OperatorMetrics.sum(METRICS, job, "gauge-stream-load", "streamPeople")).isBetween(15L, 40L);
        assertThat(OperatorMetrics.sum(METRICS, job, "gauge-stream-load", "streamExpectedPeople")).isBetween(15L, 40L);
        // Only the subtask that holds the whole stream's key reports it: summed, the calm evening is no surge.
        assertThat(OperatorMetrics.subtasksWith(METRICS, job, "gauge-stream-load", "streamSurgeFactor")).isEqualTo(1);
        assertThat(OperatorMetrics.sum(METRICS, job, "gauge-stream-load", "streamSurgeFactor")).isEqualTo(1);
    }
}
