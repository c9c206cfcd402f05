package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

/**
 * A PagerDuty Events API v2 event. The alert id is the dedup key, so an incident's open, updates and
 * resolution land on one PagerDuty incident, and a redelivered event is merged rather than paging twice.
 */
final class PagerDutyPayload implements WebhookPayload {

    static final String SOURCE = "outage-detector";
    /** PagerDuty rejects longer summaries. */
    private static final int SUMMARY_LIMIT = 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String routingKey;

    PagerDutyPayload(String routingKey) {
        this.routingKey = routingKey;
    }

    @Override
    public String render(AlertEvent e) {
        ObjectNode body = JSON.objectNode()
                .put("routing_key", routingKey)
                .put("event_action", WebhookText.resolved(e) ? "resolve" : "trigger")
                .put("dedup_key", e.alertId)
                .put("client", SOURCE);
        String summary = WebhookText.summary(e);
        ObjectNode payload = body.putObject("payload")
                .put("summary", summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT))
                .put("source", SOURCE)
                .put("severity", severity(e.severity))
                .put("timestamp", AlertJson.time(e.detectedAt))
                .put("component", e.service);
        payload.set("custom_details", AlertJson.toNode(e));
        return body.toString();
    }

    /** PagerDuty knows critical, error, warning and info. */
    static String severity(String severity) {
        if (severity == null) {
            return "info";
        }
        return switch (severity) {
            case "critical" -> "critical";
            case "major" -> "error";
            case "minor" -> "warning";
            default -> "info";
        };
    }
}
