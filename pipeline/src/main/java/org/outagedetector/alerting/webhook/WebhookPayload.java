package org.outagedetector.alerting.webhook;

import org.outagedetector.alerting.AlertEvent;

import java.io.Serializable;

/** Writes the JSON request body one webhook format expects for an alert event. */
interface WebhookPayload extends Serializable {
    String render(AlertEvent event);
}
