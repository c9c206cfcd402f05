package org.outagedetector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An input record that was rejected, kept whole with the reason. A Flink POJO. */
public class DeadLetter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String raw;
    public String reason;

    public DeadLetter() {}

    public DeadLetter(String raw, String reason) {
        this.raw = raw;
        this.reason = reason;
    }

    /** {"raw": ..., "reason": ...} (CONTRACT.md). */
    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("raw", raw);
        n.put("reason", reason);
        return n.toString();
    }
}
