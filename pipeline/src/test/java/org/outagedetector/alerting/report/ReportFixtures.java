package org.outagedetector.alerting.report;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.MinutePoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made alert events and minute points with round times, so expected chart positions are easy to state. */
final class ReportFixtures {

    private ReportFixtures() {}

    static long at(String hhmm) {
        return Instant.parse("2012-06-21T" + hhmm + ":00Z").toEpochMilli();
    }

    static AlertEvent event(String id, String service, String state, String reason, long detectedAt) {
        AlertEvent e = new AlertEvent();
        e.alertId = id;
        e.service = service;
        e.state = state;
        e.reason = reason;
        e.severity = "major";
        e.verified = true;
        e.startedAt = at("16:00");
        e.detectedAt = detectedAt;
        e.peakAuthors = 40;
        e.samplePosts = new ArrayList<>(List.of("is twitter down?"));
        return e;
    }

    /** Twitter: starts 16:00, opens 16:02, acknowledged 16:10 (8 min lead), resolves 18:10. */
    static List<AlertEvent> twitter() {
        AlertEvent open = event("twitter-20120621T1600Z", "twitter", AlertEvent.OPEN, "opened", at("16:02"));
        AlertEvent ack = event("twitter-20120621T1600Z", "twitter", AlertEvent.UPDATE, "official_ack", at("16:10"));
        ack.officialAckAt = at("16:10");
        ack.leadTimeSeconds = 480;
        ack.officialStatus = "investigating";
        AlertEvent grew = event("twitter-20120621T1600Z", "twitter", AlertEvent.UPDATE, "grew", at("16:20"));
        grew.peakAuthors = 120;
        grew.officialAckAt = ack.officialAckAt;
        grew.leadTimeSeconds = 480;
        AlertEvent resolved = event("twitter-20120621T1600Z", "twitter", AlertEvent.RESOLVED, "subsided", at("18:16"));
        resolved.resolvedAt = at("18:10");
        resolved.peakAuthors = 120;
        resolved.officialAckAt = ack.officialAckAt;
        resolved.leadTimeSeconds = 480;
        return List.of(open, ack, grew, resolved);
    }

    static MinutePoint point(String service, String hhmm, int authors, double expected, int bandTop) {
        return new MinutePoint(service, at(hhmm), authors, authors, expected, bandTop);
    }

    static Path pointsFile(Path dir, List<MinutePoint> points) throws IOException {
        Path file = dir.resolve("points.jsonl");
        Files.write(file, points.stream().map(MinutePoint::toJson).toList());
        return file;
    }
}
