package org.outagedetector.testing;

import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a fault-free run of the job graph makes of a scenario: the reference a disturbed run must match. */
public final class UndisturbedRun {

    private UndisturbedRun() {}

    /**
     * The alert events (JSON, by detection time) up to the first resolution. A replay ends with a final
     * watermark that closes everything; a live topic only gets as far as the posts' event time allows, which
     * for the scenarios of these tests is past the first resolution.
     */
    public static List<String> alertsUpToFirstResolution(Scenario scenario) throws Exception {
        List<AlertEvent> all = alerts(scenario);
        long resolvedAt = all.stream().filter(a -> a.state.equals(AlertEvent.RESOLVED)).mapToLong(a -> a.detectedAt)
                .min().orElseThrow(() -> new AssertionError("the scenario never resolves: " + all));
        return all.stream().filter(a -> a.detectedAt <= resolvedAt).map(AlertJson::write).toList();
    }

    /** Every alert event of a replay of the scenario and its statements, by detection time. */
    public static List<AlertEvent> alerts(Scenario scenario) throws Exception {
        return of(new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())))
                .alerts();
    }

    /** A run's alert events, by detection time (then service, then content: one order for any parallelism). */
    public record Result(List<AlertEvent> alerts, JobID job) {}

    /** Runs the job graph over these inputs at parallelism 2, with no output but the alert stream. */
    public static Result of(OutageDetectorJob.Inputs in) throws Exception {
        // A MiniCluster of the test's own where one is registered, a local one otherwise.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<AlertEvent> alerts = OutageDetectorJob.build(env, in, new OutageDetectorJob.Outputs(List.of(), null),
                OutageDetectorJob.Timing.replay(), DetectorConfig.defaults());
        List<AlertEvent> out = new ArrayList<>();
        JobID job;
        try (CloseableIterator<AlertEvent> it = alerts.collectAsync()) {
            job = env.execute("undisturbed").getJobID();
            it.forEachRemaining(out::add);
        }
        out.sort(Comparator.comparingLong((AlertEvent a) -> a.detectedAt).thenComparing(a -> a.service)
                .thenComparing(AlertJson::write));
        return new Result(List.copyOf(out), job);
    }
}
