package org.outagedetector.alerting.webhook;

/** How one alert event's delivery to one webhook ended. A Flink POJO. */
public class DeliveryResult {

    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** The receiver refused it for good (a 4xx other than 408 and 429, or a redirect). */
        DROPPED,
        /** Every attempt failed transiently, or something unexpected went wrong. */
        FAILED,
        /** Never attempted: the webhook already had its maximum of deliveries pending. */
        SHED,
        /** Never attempted: a later event of the same incident had been sent (events restored out of order). */
        SUPERSEDED
    }

    /** The target as {@link WebhookTarget#toString()} shows it: no path, no query, no token. */
    public String target;
    public String eventKey;
    public Outcome outcome;
    public int attempts;
    /** The last HTTP status, 0 when no response came. */
    public int status;
    /** From the first attempt to the outcome. */
    public long latencyMillis;

    public DeliveryResult() {}

    DeliveryResult(WebhookTarget target, String eventKey, Outcome outcome, int attempts, int status,
            long latencyMillis) {
        this.target = target.toString();
        this.eventKey = eventKey;
        this.outcome = outcome;
        this.attempts = attempts;
        this.status = status;
        this.latencyMillis = latencyMillis;
    }

    @Override
    public String toString() {
        return outcome + " " + eventKey + " to " + target + " after " + attempts + " attempt(s), status " + status
                + ", " + latencyMillis + " ms";
    }
}
