package org.outagedetector.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The alert event's JSON form (CONTRACT.md): snake_case fields, times as RFC 3339 UTC. */
public final class AlertJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static ObjectNode toNode(AlertEvent a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alert_id", a.alertId);
        n.put("service", a.service);
        n.put("state", a.state);
        n.put("severity", a.severity);
        n.put("reason", a.reason);
        n.put("verified", a.verified);
        n.put("started_at", time(a.startedAt));
        n.put("detected_at", time(a.detectedAt));
        if (a.resolvedAt != 0) {
            n.put("resolved_at", time(a.resolvedAt));
        }
        n.put("distinct_authors", a.distinctAuthors);
        n.put("posts", a.posts);
        n.put("expected", Math.round(a.expected * 100.0) / 100.0);
        n.put("peak_authors", a.peakAuthors);
        n.put("score", a.score);
        ArrayNode kinds = n.putArray("problem_kinds");
        a.problemKinds.forEach(kinds::add);
        ArrayNode samples = n.putArray("sample_posts");
        a.samplePosts.forEach(samples::add);
        if (a.hasOfficialAck()) {
            n.put("official_ack_at", time(a.officialAckAt));
            n.put("lead_time_seconds", a.leadTimeSeconds);
        }
        if (a.officialStatus != null) {
            n.put("official_status", a.officialStatus);
        }
        return n;
    }

    public static String write(AlertEvent a) {
        return toNode(a).toString();
    }

    public static AlertEvent read(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            AlertEvent a = new AlertEvent();
            a.alertId = n.path("alert_id").asText(null);
            a.service = n.path("service").asText(null);
            a.state = n.path("state").asText(null);
            a.severity = n.path("severity").asText(null);
            a.reason = n.path("reason").asText(null);
            a.verified = n.path("verified").asBoolean();
            a.startedAt = millis(n.get("started_at"));
            a.detectedAt = millis(n.get("detected_at"));
            a.resolvedAt = millis(n.get("resolved_at"));
            a.distinctAuthors = n.path("distinct_authors").asInt();
            a.posts = n.path("posts").asInt();
            a.expected = n.path("expected").asDouble();
            a.peakAuthors = n.path("peak_authors").asInt();
            a.score = n.path("score").asDouble();
            a.problemKinds = strings(n.get("problem_kinds"));
            a.samplePosts = strings(n.get("sample_posts"));
            a.officialAckAt = millis(n.get("official_ack_at"));
            a.leadTimeSeconds = n.path("lead_time_seconds").asLong();
            a.officialStatus = n.path("official_status").asText(null);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("not an alert event: " + json, e);
        }
    }

    public static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static long millis(JsonNode n) {
        return n == null || n.isNull() ? 0 : Instant.parse(n.asText()).toEpochMilli();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
