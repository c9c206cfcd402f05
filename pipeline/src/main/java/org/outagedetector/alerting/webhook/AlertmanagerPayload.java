package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Alertmanager's webhook payload, version "4", as one group holding one alert, so anything that already
 * consumes Alertmanager notifications (ticket bridges, chat relays) takes these alerts unchanged.
 */
final class AlertmanagerPayload implements WebhookPayload {

    static final String ALERT_NAME = "ServiceOutage";
    static final String RECEIVER = "outage-detector";
    /** Alertmanager's "no end yet" value for a firing alert. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public String render(AlertEvent e) {
        String status = WebhookText.resolved(e) ? "resolved" : "firing";
        ObjectNode labels = labels(e);
        ObjectNode annotations = JSON.objectNode()
                .put("summary", WebhookText.summary(e))
                .put("description", WebhookText.description(e));

        ObjectNode alert = JSON.objectNode().put("status", status);
        alert.set("labels", labels);
        alert.set("annotations", annotations);
        alert.put("startsAt", AlertJson.time(e.startedAt));
        alert.put("endsAt", WebhookText.resolved(e) ? AlertJson.time(endOf(e)) : ZERO_TIME);
        // No UI links back to the detector yet; Alertmanager itself sends "" when it has none.
        alert.put("generatorURL", "");
        alert.put("fingerprint", fingerprint(e.alertId));

        ObjectNode body = JSON.objectNode()
                .put("version", "4")
                .put("groupKey", "{}:{alertname=\"" + ALERT_NAME + "\", service=\"" + e.service + "\"}")
                .put("truncatedAlerts", 0)
                .put("status", status)
                .put("receiver", RECEIVER);
        body.set("groupLabels", JSON.objectNode().put("alertname", ALERT_NAME).put("service", e.service));
        body.set("commonLabels", labels.deepCopy());
        body.set("commonAnnotations", annotations.deepCopy());
        body.put("externalURL", "");
        body.putArray("alerts").add(alert);
        return body.toString();
    }

    private static ObjectNode labels(AlertEvent e) {
        return JSON.objectNode()
                .put("alertname", ALERT_NAME)
                .put("service", e.service)
                .put("severity", e.severity);
    }

    private static long endOf(AlertEvent e) {
        return e.resolvedAt != 0 ? e.resolvedAt : e.detectedAt;
    }

    /** 16 hex digits like Alertmanager's, stable per incident because it hashes the alert id. */
    static String fingerprint(String alertId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
