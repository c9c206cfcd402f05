package org.outagedetector.alerting.report;

import java.util.List;

/** The report's front page: every incident in the order it opened, with its lead time and a link to its chart. */
final class IndexPage {

    private IndexPage() {}

    static String html(List<IncidentSummary> incidents) {
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Incidents</title>\n<style>")
                .append(ReportFormat.CSS).append("</style></head><body>\n<h1>Incidents</h1>\n");
        sb.append("<p class=\"sub\">").append(incidents.size())
                .append(incidents.size() == 1 ? " incident" : " incidents")
                .append(" found by the outage detector. Lead time: how long before the service's own statement the alert opened.</p>\n");
        if (incidents.isEmpty()) {
            return sb.append("<p>No incidents.</p>\n</body></html>\n").toString();
        }
        sb.append("<table>\n<tr><th>service</th><th>severity</th><th>opened</th><th>resolved</th>"
                + "<th>peak / min</th><th>lead over the official word</th><th></th></tr>\n");
        for (IncidentSummary i : incidents) {
            String lead = ReportFormat.lead(i);
            String leadClass = !i.hasOfficialAck() ? "" : i.leadTimeSeconds() >= 0 ? "lead" : "late";
            sb.append("<tr><td><b>").append(Html.escape(i.service())).append("</b></td>")
                    .append("<td class=\"sev-").append(Html.escape(i.severity())).append("\">")
                    .append(Html.escape(i.severity())).append("</td>")
                    .append("<td>").append(ReportFormat.dateTime(i.openedAt())).append("</td>")
                    .append("<td>").append(i.resolved() ? ReportFormat.dateTime(i.resolvedAt()) : "still open")
                    .append("</td>")
                    .append("<td class=\"num\">").append(i.peakAuthors()).append("</td>")
                    .append("<td class=\"").append(leadClass).append("\">").append(Html.escape(lead)).append("</td>")
                    .append("<td><a href=\"").append(Html.escape(ReportFormat.pageName(i.alertId())))
                    .append("\">chart</a></td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }
}
