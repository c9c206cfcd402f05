package org.outagedetector.alerting;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.PrintSink;

/** Alerts as readable lines on standard output (the demo; logs of `run`). */
public class ConsoleAlertOutput implements AlertOutput {
    @Override
    public void attach(DataStream<AlertEvent> alerts) {
        // One writer, so lines from parallel subtasks are not interleaved or prefixed.
        alerts.map(AlertText::describe).name("describe-alerts").uid("describe-alerts").setParallelism(1)
                .sinkTo(new PrintSink<>()).name("console-alerts").uid("console-alerts").setParallelism(1);
    }
}
