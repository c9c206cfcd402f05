package org.outagedetector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An input record that was rejected, kept whole with the reason (unless it is too big to be written: see
 * {@link #MAX_RAW_JSON_BYTES}). A Flink POJO.
 */
public class DeadLetter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Most bytes the raw record may take in the dead letter's JSON. Escaped, a record grows (an invalid byte becomes
     * a 3-byte U+FFFD, a control character 6 bytes), and a dead letter over Kafka's default 1 MiB request limit
     * would fail the job, and fail it again on every restore, which reads the same record. Half a mebibyte keeps
     * every record the parser's size limit lets through whole, unless it is mostly binary.
     */
    static final int MAX_RAW_JSON_BYTES = 512 * 1024;

    public String raw;
    public String reason;

    public DeadLetter() {}

    public DeadLetter(String raw, String reason) {
        int keep = charsThatFit(raw);
        if (keep < raw.length()) {
            this.raw = raw.substring(0, keep);
            this.reason = reason + " (raw cut to its first " + keep + " of " + raw.length() + " characters)";
        } else {
            this.raw = raw;
            this.reason = reason;
        }
    }

    /** How many leading characters of {@code raw} fit in {@link #MAX_RAW_JSON_BYTES} once escaped as JSON. */
    static int charsThatFit(String raw) {
        long bytes = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            bytes += c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (bytes > MAX_RAW_JSON_BYTES) {
                return i > 0 && Character.isHighSurrogate(raw.charAt(i - 1)) ? i - 1 : i;
            }
        }
        return raw.length();
    }

    /** {"raw": ..., "reason": ...} (CONTRACT.md). */
    public String toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("raw", raw);
        n.put("reason", reason);
        return n.toString();
    }
}
