package org.outagedetector.alerting;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.nio.file.Path;

/** Alerts as JSON lines in a file (`replay --alerts OUT`). */
public class JsonLinesAlertOutput implements AlertOutput {
    private final String path;

    public JsonLinesAlertOutput(Path path) {
        this.path = path.toString();
    }

    @Override
    public void attach(DataStream<AlertEvent> alerts) {
        alerts.map(AlertJson::write).name("alerts-to-json").uid("alerts-to-json").setParallelism(1)
                .sinkTo(new LineFileSink(Path.of(path))).name("alerts-file").uid("alerts-file").setParallelism(1);
    }
}
