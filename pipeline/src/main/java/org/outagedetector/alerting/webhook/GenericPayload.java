package org.outagedetector.alerting.webhook;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

/** The alert event itself, exactly as every other sink writes it (CONTRACT.md). */
final class GenericPayload implements WebhookPayload {
    @Override
    public String render(AlertEvent event) {
        return AlertJson.write(event);
    }
}
