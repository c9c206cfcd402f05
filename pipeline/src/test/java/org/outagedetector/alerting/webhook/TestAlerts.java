package org.outagedetector.alerting.webhook;

import org.outagedetector.alerting.AlertEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alert events to deliver in the tests. */
final class TestAlerts {

    static final long STARTED = Instant.parse("2012-06-21T16:02:00Z").toEpochMilli();

    private TestAlerts() {}

    static AlertEvent open(String service) {
        AlertEvent e = new AlertEvent();
        e.alertId = service + "-" + STARTED;
        e.service = service;
        e.state = AlertEvent.OPEN;
        e.severity = "major";
        e.reason = "opened";
        e.verified = true;
        e.startedAt = STARTED;
        e.detectedAt = STARTED + 120_000;
        e.distinctAuthors = 57;
        e.posts = 63;
        e.expected = 3.25;
        e.peakAuthors = 57;
        e.score = 0.9993;
        e.problemKinds = new ArrayList<>(List.of("site", "login"));
        e.samplePosts = new ArrayList<>(List.of("is twitter down for anyone else??", "twitter down <again> & again"));
        return e;
    }

    /** The update that carries the official acknowledgement, 7 min 30 s after detection. */
    static AlertEvent acknowledged(String service) {
        AlertEvent e = open(service);
        e.state = AlertEvent.UPDATE;
        e.reason = "official_ack";
        e.officialAckAt = e.detectedAt + 450_000;
        e.leadTimeSeconds = 450;
        e.officialStatus = "investigating: Some users may be experiencing problems accessing Twitter.";
        return e;
    }

    static AlertEvent resolved(String service) {
        AlertEvent e = acknowledged(service);
        e.state = AlertEvent.RESOLVED;
        e.reason = "subsided";
        e.detectedAt = STARTED + 3_600_000;
        e.resolvedAt = STARTED + 3_540_000;
        e.distinctAuthors = 4;
        e.peakAuthors = 131;
        return e;
    }

    /** Distinct events of one incident, each with its own event key. */
    static AlertEvent update(String service, int n) {
        AlertEvent e = open(service);
        e.state = AlertEvent.UPDATE;
        e.reason = "grew";
        e.detectedAt = STARTED + 60_000L * (n + 3);
        return e;
    }
}
