package org.outagedetector.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One judged minute of one service: what was counted against what the baseline expected, and the top of
 * the normal band. The raw material of incident charts. A Flink POJO.
 */
public class MinutePoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String service;
    public long minuteStart;
    public int distinctAuthors;
    public int posts;
    public double expected;
    /** The largest count still inside the normal band (tail probability above the calm threshold). */
    public int bandTop;

    public MinutePoint() {}

    public MinutePoint(String service, long minuteStart, int distinctAuthors, int posts, double expected, int bandTop) {
        this.service = service;
        this.minuteStart = minuteStart;
        this.distinctAuthors = distinctAuthors;
        this.posts = posts;
        this.expected = expected;
        this.bandTop = bandTop;
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("service", service);
        n.put("minute", minuteStart);
        n.put("authors", distinctAuthors);
        n.put("posts", posts);
        n.put("expected", Math.round(expected * 1000) / 1000.0);
        n.put("band_top", bandTop);
        return n.toString();
    }

    public static MinutePoint fromJson(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return new MinutePoint(n.get("service").asText(), n.get("minute").asLong(), n.get("authors").asInt(),
                    n.get("posts").asInt(), n.get("expected").asDouble(), n.get("band_top").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("not a minute point: " + line, e);
        }
    }
}
