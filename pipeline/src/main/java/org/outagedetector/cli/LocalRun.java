package org.outagedetector.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.DetectorConfig;

import java.util.ArrayList;
import java.util.List;

/** Runs the job graph to completion on an in-process mini-cluster (`demo`, `replay`) and returns its alerts. */
final class LocalRun {

    private LocalRun() {}

    static StreamExecutionEnvironment environment(int parallelism) {
        Configuration conf = new Configuration();
        // Every record type is a POJO or has a Flink serializer; a Kryo fallback is a bug worth failing on.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    }

    static List<AlertEvent> execute(StreamExecutionEnvironment env, OutageDetectorJob.Inputs in,
                                    OutageDetectorJob.Outputs out, String jobName) throws Exception {
        DataStream<AlertEvent> alerts = OutageDetectorJob.build(env, in, out, OutageDetectorJob.Timing.replay(),
                DetectorConfig.defaults());
        List<AlertEvent> collected = new ArrayList<>();
        try (CloseableIterator<AlertEvent> it = alerts.executeAndCollect(jobName)) {
            it.forEachRemaining(collected::add);
        }
        return collected;
    }
}
