package org.outagedetector.alerting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One alert as a person reads it in a terminal. */
public final class AlertText {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AlertText() {}

    public static String describe(AlertEvent a) {
        String when = CLOCK.format(Instant.ofEpochMilli(a.detectedAt));
        String head = String.format(Locale.ROOT, "[%s] %-8s %s%s (%s)", when, a.state.toUpperCase(Locale.ROOT),
                a.service, a.verified ? "" : " [not in catalog]", a.severity);
        String body = switch (a.reason) {
            case "opened" -> String.format(Locale.ROOT,
                    "%d people said it is down in one minute; %s expected (score %.6f)%s",
                    a.distinctAuthors, expected(a), a.score, kinds(a));
            case "grew", "severity", "recurred" -> String.format(Locale.ROOT,
                    "%s: %d people in one minute vs %s expected, peak %d", reasonText(a.reason),
                    a.distinctAuthors, expected(a), a.peakAuthors);
            case "official_ack" -> String.format(Locale.ROOT,
                    "official statement (%s) at %s: %s", a.officialStatus, CLOCK.format(Instant.ofEpochMilli(a.officialAckAt)),
                    LeadTime.phrase(a.leadTimeSeconds));
            case "subsided" -> String.format(Locale.ROOT,
                    "back to normal since %s after %d min; peak %d people/min",
                    CLOCK.format(Instant.ofEpochMilli(a.resolvedAt)), (a.resolvedAt - a.startedAt) / 60_000,
                    a.peakAuthors);
            case "new_normal" -> String.format(Locale.ROOT,
                    "still %d people/min after %d h: taken as the new normal (%s expected now); peak %d people/min",
                    a.distinctAuthors, (a.detectedAt - a.startedAt) / 3_600_000, expected(a), a.peakAuthors);
            default -> a.reason;
        };
        StringBuilder sb = new StringBuilder(head).append("  ").append(body).append("  id=").append(a.alertId);
        if (AlertEvent.OPEN.equals(a.state)) {
            if (a.hasOfficialAck()) {
                sb.append("\n    ").append(LeadTime.phrase(a.leadTimeSeconds));
            }
            a.samplePosts.forEach(p -> sb.append("\n    > ").append(p.replace('\n', ' ')));
        }
        return sb.toString();
    }

    /** Quiet services expect a fraction of a person per minute; one decimal would round that to 0.0. */
    public static String expected(AlertEvent a) {
        return String.format(Locale.ROOT, a.expected < 1 ? "%.2f" : "%.1f", a.expected);
    }

    private static String reasonText(String reason) {
        return switch (reason) {
            case "grew" -> "growing";
            case "severity" -> "more severe";
            default -> "back again";
        };
    }

    private static String kinds(AlertEvent a) {
        return a.problemKinds.isEmpty() ? "" : "; problems: " + String.join(", ", a.problemKinds);
    }
}
