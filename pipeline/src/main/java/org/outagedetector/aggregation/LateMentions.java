package org.outagedetector.aggregation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.OutputTag;
import org.outagedetector.ingest.DeadLetter;
import org.outagedetector.language.Mention;

import java.time.Instant;

/**
 * Mentions that arrive after their minute was closed and judged. They can no longer be counted, so they are
 * counted here instead (metric {@code lateMentions}) and kept as dead letters, never silently dropped.
 */
public class LateMentions extends RichMapFunction<Mention, DeadLetter> {

    public static final OutputTag<Mention> TAG = new OutputTag<>("late-mentions") {};

    private static final ObjectMapper JSON = new ObjectMapper();
    private transient Counter late;

    @Override
    public void open(OpenContext ctx) {
        late = getRuntimeContext().getMetricGroup().counter("lateMentions");
    }

    @Override
    public DeadLetter map(Mention m) {
        late.inc();
        ObjectNode raw = JSON.createObjectNode();
        raw.put("author_id", m.author);
        raw.put("text", m.text);
        raw.put("created_at", Instant.ofEpochMilli(m.time).toString());
        return new DeadLetter(raw.toString(), "late: the minute of " + Instant.ofEpochMilli(m.time)
                + " was already closed for " + m.service + " (more than the allowed disorder behind the stream)");
    }
}
