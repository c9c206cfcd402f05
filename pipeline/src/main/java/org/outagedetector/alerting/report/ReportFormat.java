package org.outagedetector.alerting.report;

import org.outagedetector.alerting.LeadTime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, lead times and page names read on every page of the report, so the pages agree. */
final class ReportFormat {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportFormat() {}

    static String dateTime(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    static String clock(long epochMillis) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }

    static String day(long epochMillis) {
        return DAY.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The lead over the official statement; negative means the statement came first. */
    static String lead(IncidentSummary incident) {
        return incident.hasOfficialAck() ? LeadTime.phrase(incident.leadTimeSeconds()) : "no official statement";
    }

    /**
     * The incident's page file name. Alert ids are built from service names, and open-world names are
     * whatever people typed, so anything outside a safe set becomes '_' rather than a path or a URL part.
     */
    static String pageName(String alertId) {
        return alertId.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
    }

    /** One stylesheet for every page, inline: the report opens from disk with no network. */
    static final String CSS = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 24px 32px;
                   color: #1f2933; background: #fff; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 24px 0 8px; }
            .sub { color: #52606d; margin: 0 0 16px; }
            .facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 18px; }
            .fact { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
            .fact b { display: block; font-size: 18px; }
            .fact span { color: #52606d; font-size: 12px; }
            .lead b { color: #1a7f37; }
            .late b { color: #b42318; }
            .sev-critical { color: #b42318; } .sev-major { color: #c2410c; } .sev-minor { color: #a16207; }
            table { border-collapse: collapse; font-size: 14px; }
            th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid #e4e7eb; }
            th { background: #f5f7fa; }
            td.num { text-align: right; }
            blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid #cbd2d9; background: #f8fafc; }
            .note { color: #52606d; font-size: 12px; }
            a { color: #1d4ed8; }
            """;
}
