package org.outagedetector.alerting.webhook;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.alerting.AlertText;
import org.outagedetector.alerting.LeadTime;

import java.util.Locale;
import java.util.Optional;

/** The human sentences about an alert that the Alertmanager, Slack and PagerDuty bodies share. */
final class WebhookText {

    private WebhookText() {}

    static boolean resolved(AlertEvent e) {
        return AlertEvent.RESOLVED.equals(e.state);
    }

    /** One line that makes sense on a phone lock screen. */
    static String summary(AlertEvent e) {
        if (resolved(e)) {
            return e.service + " is back to normal: reports fell to the usual level (peak "
                    + e.peakAuthors + " people per minute)";
        }
        return e.service + " may be down: " + e.distinctAuthors + " people reported problems in one minute, "
                + AlertText.expected(e) + " expected";
    }

    /** How far ahead of the official statement the alert was, once there is one. */
    static Optional<String> leadTime(AlertEvent e) {
        if (!e.hasOfficialAck()) {
            return Optional.empty();
        }
        return Optional.of(LeadTime.phrase(e.leadTimeSeconds));
    }

    /** Several lines with the evidence, for bodies that have room for detail. */
    static String description(AlertEvent e) {
        StringBuilder b = new StringBuilder();
        b.append("Service: ").append(e.service).append(e.verified ? "" : " (not in the catalog)").append('\n');
        b.append("State: ").append(e.state).append(" (").append(e.reason).append("), severity ").append(e.severity)
                .append('\n');
        b.append("Started: ").append(AlertJson.time(e.startedAt)).append(", detected: ")
                .append(AlertJson.time(e.detectedAt)).append('\n');
        b.append("Distinct authors: ").append(e.distinctAuthors).append(" (expected ").append(AlertText.expected(e))
                .append(", peak ").append(e.peakAuthors).append("), posts: ").append(e.posts)
                .append(String.format(Locale.ROOT, ", score %.3f", e.score)).append('\n');
        if (!e.problemKinds.isEmpty()) {
            b.append("Problems: ").append(String.join(", ", e.problemKinds)).append('\n');
        }
        leadTime(e).ifPresent(t -> b.append("Lead time: ").append(t).append('\n'));
        if (e.officialStatus != null) {
            b.append("Official status: ").append(e.officialStatus).append('\n');
        }
        for (String post : e.samplePosts) {
            b.append("> ").append(sample(post)).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** A sample post shortened to fit chat messages; posts are evidence, not the message. */
    static String sample(String post) {
        String flat = post.replaceAll("\\s+", " ").strip();
        return flat.length() <= 280 ? flat : flat.substring(0, 279) + "…";
    }
}
