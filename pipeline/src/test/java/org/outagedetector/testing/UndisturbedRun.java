package org.outagedetector.testing;

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
        // A MiniCluster of the test's own where one is registered, a local one otherwise.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<AlertEvent> alerts = OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())),
                new OutageDetectorJob.Outputs(List.of(), null), OutageDetectorJob.Timing.replay(),
                DetectorConfig.defaults());
        List<AlertEvent> out = new ArrayList<>();
        try (CloseableIterator<AlertEvent> it = alerts.executeAndCollect("undisturbed")) {
            it.forEachRemaining(out::add);
        }
        long resolvedAt = out.stream().filter(a -> a.state.equals(AlertEvent.RESOLVED)).mapToLong(a -> a.detectedAt)
                .min().orElseThrow(() -> new AssertionError("the scenario never resolves: " + out));
        return out.stream().filter(a -> a.detectedAt <= resolvedAt)
                .sorted((a, b) -> Long.compare(a.detectedAt, b.detectedAt)).map(AlertJson::write).toList();
    }
}
