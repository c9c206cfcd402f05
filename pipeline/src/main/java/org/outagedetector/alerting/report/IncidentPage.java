package org.outagedetector.alerting.report;

import org.outagedetector.alerting.LeadTime;

import java.util.Locale;

/** One incident's page: the facts at a glance, its chart, the official word and the posts that showed it. */
final class IncidentPage {

    private IncidentPage() {}

    static String html(IncidentSummary incident, MinuteSeries series) {
        String service = Html.escape(incident.service());
        StringBuilder sb = new StringBuilder(96 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(service).append(" outage, ").append(ReportFormat.dateTime(incident.startedAt()))
                .append("</title>\n<style>").append(ReportFormat.CSS).append("</style></head><body>\n");
        sb.append("<p class=\"note\"><a href=\"index.html\">&larr; all incidents</a></p>\n");
        sb.append("<h1>").append(service).append(" is down <span class=\"sev-")
                .append(Html.escape(incident.severity())).append("\">(")
                .append(Html.escape(incident.severity())).append(")</span></h1>\n");
        sb.append("<p class=\"sub\">Incident ").append(Html.escape(incident.alertId()));
        if (!incident.verified()) {
            sb.append(", a name not in the service catalog");
        }
        if (!incident.problemKinds().isEmpty()) {
            sb.append(". Reported problems: ").append(Html.escape(String.join(", ", incident.problemKinds())));
        }
        sb.append("</p>\n");
        facts(sb, incident, series);
        sb.append(new IncidentChart(incident, series).svg());
        sb.append("<p class=\"note\">Each bar counts the distinct people who said ").append(service)
                .append(" was down in that minute. Minutes without a single such post count as zero.</p>\n");
        if (incident.officialStatus() != null) {
            sb.append("<h2>Latest official status</h2>\n<blockquote>")
                    .append(Html.escape(incident.officialStatus())).append("</blockquote>\n");
        }
        sb.append("<h2>What people posted</h2>\n");
        if (incident.samplePosts().isEmpty()) {
            sb.append("<p class=\"note\">No sample posts were kept.</p>\n");
        }
        incident.samplePosts().forEach(p -> sb.append("<blockquote>").append(Html.escape(p)).append("</blockquote>\n"));
        return sb.append("</body></html>\n").toString();
    }

    private static void facts(StringBuilder sb, IncidentSummary incident, MinuteSeries series) {
        sb.append("<div class=\"facts\">\n");
        fact(sb, "", ReportFormat.dateTime(incident.startedAt()), "first anomalous minute");
        fact(sb, "", ReportFormat.dateTime(incident.openedAt()), "alert opened");
        fact(sb, "", incident.hasOfficialAck() ? ReportFormat.dateTime(incident.officialAckAt()) : "none",
                "official statement");
        fact(sb, "", incident.resolved() ? ReportFormat.dateTime(incident.resolvedAt()) : "still open", "resolved");
        if (incident.resolved()) {
            fact(sb, "", LeadTime.duration((incident.resolvedAt() - incident.startedAt()) / 1000), "duration");
        }
        fact(sb, "", String.format(Locale.ROOT, "%d", incident.peakAuthors()), "peak people per minute");
        // The baseline just before the start: what "normal" meant, since the chart's scale can flatten it.
        int before = series.indexAt(incident.startedAt() - MinuteSeries.MINUTE);
        fact(sb, "", String.format(Locale.ROOT, "%.1f (up to %d)", series.expected(before), series.bandTop(before)),
                "normal per minute just before");
        String leadClass = !incident.hasOfficialAck() ? "" : incident.leadTimeSeconds() >= 0 ? "lead" : "late";
        fact(sb, leadClass, incident.hasOfficialAck() ? signedDuration(incident.leadTimeSeconds()) : "n/a",
                incident.hasOfficialAck() && incident.leadTimeSeconds() < 0
                        ? "behind the official statement" : "lead over the official statement");
        sb.append("</div>\n");
    }

    private static String signedDuration(long seconds) {
        return (seconds < 0 ? "-" : "+") + LeadTime.duration(seconds);
    }

    private static void fact(StringBuilder sb, String cssClass, String value, String caption) {
        sb.append("<div class=\"fact ").append(cssClass).append("\"><b>").append(Html.escape(value))
                .append("</b><span>").append(Html.escape(caption)).append("</span></div>\n");
    }
}
