package org.outagedetector.cli;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A closing table of incidents for `demo` and `replay`: one line per incident, with its lead time. */
final class Summary {

    private Summary() {}

    static String of(List<AlertEvent> alerts) {
        Map<String, AlertEvent> last = new LinkedHashMap<>();
        Map<String, AlertEvent> first = new LinkedHashMap<>();
        alerts.stream().sorted(Comparator.comparingLong((AlertEvent a) -> a.detectedAt)).forEach(a -> {
            first.putIfAbsent(a.alertId, a);
            last.put(a.alertId, a);
        });
        if (first.isEmpty()) {
            return "No incidents.";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d incident(s):%n", first.size()));
        sb.append(String.format(Locale.ROOT, "  %-34s %-10s %-21s %-21s %5s  %s%n", "alert id", "severity",
                "detected", "resolved", "peak", "lead over official word"));
        for (Map.Entry<String, AlertEvent> e : first.entrySet()) {
            AlertEvent open = e.getValue();
            AlertEvent end = last.get(e.getKey());
            String lead = end.hasOfficialAck() ? String.format(Locale.ROOT, "%+d s", end.leadTimeSeconds) : "no statement";
            sb.append(String.format(Locale.ROOT, "  %-34s %-10s %-21s %-21s %5d  %s%n", e.getKey(), end.severity,
                    AlertJson.time(open.detectedAt), end.resolvedAt != 0 ? AlertJson.time(end.resolvedAt) : "still open",
                    end.peakAuthors, lead));
        }
        return sb.toString();
    }
}
