package org.outagedetector.alerting.report;

import org.outagedetector.alerting.AlertEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One incident as its alert events tell it, folded in event-time order: when it started, opened, came back,
 * was acknowledged and resolved, how large it got, and the posts that show it.
 */
final class IncidentSummary {

    /** How much calm the chart shows before the first anomalous minute, for contrast. */
    static final Duration BEFORE = Duration.ofHours(2);
    /** How much of the aftermath the chart shows after the resolution. */
    static final Duration AFTER = Duration.ofHours(1);
    private static final int MAX_SAMPLES = 8;
    private static final long MINUTE = 60_000;

    private final AlertEvent last;
    private final long openedAt;
    private final int peakAuthors;
    private final List<Marker> markers;
    private final List<String> samplePosts;

    private IncidentSummary(List<AlertEvent> events) {
        this.last = events.get(events.size() - 1);
        this.openedAt = events.stream().filter(e -> AlertEvent.OPEN.equals(e.state)).mapToLong(e -> e.detectedAt)
                .findFirst().orElse(events.get(0).detectedAt);
        this.peakAuthors = events.stream().mapToInt(e -> e.peakAuthors).max().orElse(0);
        this.markers = markers(events, openedAt);
        Set<String> samples = new LinkedHashSet<>();
        events.forEach(e -> samples.addAll(e.samplePosts));
        this.samplePosts = samples.stream().limit(MAX_SAMPLES).toList();
    }

    /** Groups alert events by incident; incidents come out in the order they opened. */
    static List<IncidentSummary> fromAlerts(Collection<AlertEvent> alerts) {
        Map<String, List<AlertEvent>> byId = new LinkedHashMap<>();
        alerts.stream().sorted(Comparator.comparingLong((AlertEvent a) -> a.detectedAt))
                .forEach(a -> byId.computeIfAbsent(a.alertId, id -> new ArrayList<>()).add(a));
        return byId.values().stream().map(IncidentSummary::new)
                .sorted(Comparator.comparingLong(IncidentSummary::openedAt)).toList();
    }

    private static List<Marker> markers(List<AlertEvent> events, long openedAt) {
        List<Marker> out = new ArrayList<>();
        out.add(new Marker(Marker.Kind.OPENED, openedAt));
        for (int i = 0; i < events.size(); i++) {
            AlertEvent e = events.get(i);
            if ("recurred".equals(e.reason)) {
                out.add(new Marker(Marker.Kind.RECURRED, e.detectedAt));
            } else if (AlertEvent.RESOLVED.equals(e.state)) {
                // Only the last resolution ends the incident; an earlier one is a lull before it came back.
                Marker.Kind kind = i == events.size() - 1 ? Marker.Kind.RESOLVED : Marker.Kind.SUBSIDED;
                out.add(new Marker(kind, e.resolvedAt));
            }
        }
        AlertEvent last = events.get(events.size() - 1);
        if (last.hasOfficialAck()) {
            out.add(new Marker(Marker.Kind.OFFICIAL_ACK, last.officialAckAt));
        }
        out.sort(Comparator.comparingLong(Marker::at));
        return List.copyOf(out);
    }

    String alertId() {
        return last.alertId;
    }

    String service() {
        return last.service;
    }

    String severity() {
        return last.severity;
    }

    boolean verified() {
        return last.verified;
    }

    long startedAt() {
        return last.startedAt;
    }

    long openedAt() {
        return openedAt;
    }

    boolean resolved() {
        return AlertEvent.RESOLVED.equals(last.state);
    }

    /** End of the last anomalous minute; 0 while the incident is still open. */
    long resolvedAt() {
        return resolved() ? last.resolvedAt : 0;
    }

    boolean hasOfficialAck() {
        return last.hasOfficialAck();
    }

    long officialAckAt() {
        return last.officialAckAt;
    }

    long leadTimeSeconds() {
        return last.leadTimeSeconds;
    }

    String officialStatus() {
        return last.officialStatus;
    }

    int peakAuthors() {
        return peakAuthors;
    }

    List<String> problemKinds() {
        return last.problemKinds;
    }

    List<String> samplePosts() {
        return samplePosts;
    }

    List<Marker> markers() {
        return markers;
    }

    /** First minute of the chart: two hours before whichever came first, the start or the official word. */
    long windowStart() {
        long first = Math.min(startedAt(), markers.get(0).at());
        return floorMinute(first - BEFORE.toMillis());
    }

    /** End of the chart (exclusive): an hour after the resolution, or after the last thing seen if still open. */
    long windowEnd() {
        long lastMoment = Math.max(resolved() ? resolvedAt() : last.detectedAt, markers.get(markers.size() - 1).at());
        return floorMinute(lastMoment + AFTER.toMillis() + MINUTE - 1);
    }

    private static long floorMinute(long millis) {
        return Math.floorDiv(millis, MINUTE) * MINUTE;
    }
}
