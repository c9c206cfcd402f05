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
    private final boolean timedAtSource;
    private transient Counter read;
    private transient Counter accepted;
    private transient Counter rejected;

    public ParseOrDeadLetter(RecordParser<T> parser) {
        this(parser, false);
    }

    private ParseOrDeadLetter(RecordParser<T> parser, boolean timedAtSource) {
        this.parser = parser;
        this.timedAtSource = timedAtSource;
    }

    /**
     * For records the source has given their event time ({@link EventTime#forPosts}), with the parser's own
     * checks. One the source left {@link EventTime#UNTIMED} yet the parser accepts (its time crossed the
     * future bound, which moves with the clock, between the two checks) is a dead letter too: downstream
     * needs every record's time.
     */
    public static <T> ParseOrDeadLetter<T> timedAtSource(RecordParser<T> parser) {
        return new ParseOrDeadLetter<>(parser, true);
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
            reject(raw, e.getMessage(), ctx);
            return;
        } catch (RuntimeException e) {
            // A record the parser did not foresee must not fail the job: a restore would read it again, forever.
            reject(raw, "could not be parsed: " + e, ctx);
            return;
        }
        if (timedAtSource && (ctx.timestamp() == null || ctx.timestamp() == EventTime.UNTIMED)) {
            reject(raw, "no event time: its time was out of range when the source read it", ctx);
            return;
        }
        accepted.inc();
        out.collect(record);
    }

    private void reject(byte[] raw, String reason, Context ctx) {
        rejected.inc();
        ctx.output(DEAD_LETTERS, new DeadLetter(new String(raw, StandardCharsets.UTF_8), reason));
    }
}
