package org.outagedetector.alerting.report;

import org.outagedetector.alerting.AlertEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A picture of each incident: from a run's alert events and the detector's minute points, writes one static
 * HTML page per incident ({@code <alert_id>.html}, an inline SVG chart, no scripts, nothing fetched) and an
 * {@code index.html} listing them.
 */
public final class IncidentReport {

    /** Where `replay --report DIR` and `demo --report DIR` have the job write its minute points. */
    public static final String POINTS_FILE = "minute-points.jsonl";

    private IncidentReport() {}

    public static Path pointsFile(Path dir) {
        return dir.resolve(POINTS_FILE);
    }

    /**
     * Writes the report into {@code dir} and returns the index page. The points file is read once, streaming;
     * only the points inside some incident's chart window are kept.
     */
    public static Path write(List<AlertEvent> alerts, Path minutePoints, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<IncidentSummary> incidents = IncidentSummary.fromAlerts(alerts);
        List<MinuteSeries> series = incidents.stream().map(MinuteSeries::of).toList();
        MinutePointsFile.readInto(minutePoints, series);
        for (int i = 0; i < incidents.size(); i++) {
            IncidentSummary incident = incidents.get(i);
            Files.writeString(dir.resolve(ReportFormat.pageName(incident.alertId())),
                    IncidentPage.html(incident, series.get(i)), StandardCharsets.UTF_8);
        }
        Path index = dir.resolve("index.html");
        Files.writeString(index, IndexPage.html(incidents), StandardCharsets.UTF_8);
        return index;
    }
}
