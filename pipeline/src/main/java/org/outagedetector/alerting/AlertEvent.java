package org.outagedetector.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step in the life of an incident: it opens, is updated while it grows or when the official word
 * arrives, and resolves. A Flink POJO (public fields, no-arg constructor) so it never falls back to Kryo.
 * Times are epoch milliseconds in event time; {@link AlertJson} writes them as RFC 3339 UTC.
 */
public class AlertEvent {

    public static final String OPEN = "open";
    public static final String UPDATE = "update";
    public static final String RESOLVED = "resolved";

    /** Stable for one incident: the same id on its open, every update and its resolution. */
    public String alertId;
    /** Normalized lowercase service name. */
    public String service;
    /** {@link #OPEN}, {@link #UPDATE} or {@link #RESOLVED}. */
    public String state;
    /** minor, major or critical. */
    public String severity;
    /** Why this event was emitted: opened, grew, severity, recurred, official_ack, subsided, new_normal. */
    public String reason;
    /** False when the service is not in the catalog (an open-world name). */
    public boolean verified;

    /** Start of the first anomalous minute. */
    public long startedAt;
    /** End of the window whose evidence produced this event (event time). */
    public long detectedAt;
    /** End of the last anomalous minute, set on resolution; 0 otherwise. */
    public long resolvedAt;

    /** Distinct authors in the latest window. */
    public int distinctAuthors;
    /** Posts in the latest window. */
    public int posts;
    /** Distinct authors the baseline expects for that minute. */
    public double expected;
    /** Largest distinct-author count seen in the incident. */
    public int peakAuthors;
    /** Spike score in [0, 1]: 1 minus the tail probability of the count under the baseline. */
    public double score;
    /** What the posts say is broken (login, app, ...), most reported first. */
    public List<String> problemKinds = new ArrayList<>();
    /** A few of the posts, as evidence. */
    public List<String> samplePosts = new ArrayList<>();

    /** First official acknowledgement after the open; 0 when there is none yet. */
    public long officialAckAt;
    /** officialAckAt minus detectedAt of the open, in seconds; meaningful only when officialAckAt is set. */
    public long leadTimeSeconds;
    /** Latest official status text seen for the service during the incident, or null. */
    public String officialStatus;

    /** Wall-clock time the window behind this event fired (0 for statements); diagnostics, not in the JSON. */
    public long windowFiredAt;

    public AlertEvent() {}

    public boolean hasOfficialAck() {
        return officialAckAt != 0;
    }

    /** Idempotency key for one delivery of this event: the same event always yields the same key. */
    public String eventKey() {
        return alertId + ":" + state + ":" + reason + ":" + detectedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AlertEvent a)) {
            return false;
        }
        return verified == a.verified && startedAt == a.startedAt && detectedAt == a.detectedAt
                && resolvedAt == a.resolvedAt && distinctAuthors == a.distinctAuthors && posts == a.posts
                && Double.compare(expected, a.expected) == 0 && peakAuthors == a.peakAuthors
                && Double.compare(score, a.score) == 0 && officialAckAt == a.officialAckAt
                && leadTimeSeconds == a.leadTimeSeconds && Objects.equals(alertId, a.alertId)
                && Objects.equals(service, a.service) && Objects.equals(state, a.state)
                && Objects.equals(severity, a.severity) && Objects.equals(reason, a.reason)
                && Objects.equals(problemKinds, a.problemKinds) && Objects.equals(samplePosts, a.samplePosts)
                && Objects.equals(officialStatus, a.officialStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, state, reason, detectedAt);
    }

    @Override
    public String toString() {
        return AlertJson.write(this);
    }
}
