package org.outagedetector.ingest;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;

/**
 * Parses raw records; a record that fails goes whole, with its reason, to the dead-letter side output.
 * Metrics: {@code recordsRead} = {@code recordsAccepted} + {@code recordsDeadLettered}, always.
 */
public class ParseOrDeadLetter<T> extends ProcessFunction<byte[], T> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final RecordParser<T> parser;
    private transient Counter read;
    private transient Counter accepted;
    private transient Counter rejected;

    public ParseOrDeadLetter(RecordParser<T> parser) {
        this.parser = parser;
    }

    @Override
    public void open(OpenContext ctx) {
        read = getRuntimeContext().getMetricGroup().counter("recordsRead");
        accepted = getRuntimeContext().getMetricGroup().counter("recordsAccepted");
        rejected = getRuntimeContext().getMetricGroup().counter("recordsDeadLettered");
    }

    @Override
    public void processElement(byte[] raw, Context ctx, Collector<T> out) {
        read.inc();
        T record;
        try {
            record = parser.parse(raw);
        } catch (InvalidRecordException e) {
            rejected.inc();
            ctx.output(DEAD_LETTERS, new DeadLetter(new String(raw, StandardCharsets.UTF_8), e.getMessage()));
            return;
        }
        accepted.inc();
        out.collect(record);
    }
}
