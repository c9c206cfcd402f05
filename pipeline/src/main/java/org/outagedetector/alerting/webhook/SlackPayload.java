package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.alerting.AlertText;

import java.util.Locale;

/**
 * A Slack incoming-webhook message: {@code text} for notifications and clients without blocks, and
 * {@code blocks} laying out service, severity, authors against the baseline, lead time and sample posts.
 */
final class SlackPayload implements WebhookPayload {

    /** Slack caps a header at 150 characters and a section's text at 3000. */
    private static final int HEADER_LIMIT = 150;
    private static final int SECTION_LIMIT = 3000;
    private static final int MAX_SAMPLES = 5;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public String render(AlertEvent e) {
        ObjectNode body = JSON.objectNode().put("text", WebhookText.summary(e));
        ArrayNode blocks = body.putArray("blocks");
        blocks.add(header(e));

        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "Service", e.service + (e.verified ? "" : " (not in the catalog)"));
        field(fields, "Severity", e.severity + " (" + e.state + ")");
        field(fields, "Distinct authors", e.distinctAuthors + " in one minute, peak " + e.peakAuthors);
        field(fields, "Expected baseline", AlertText.expected(e) + " per minute");
        field(fields, "Started", AlertJson.time(e.startedAt));
        WebhookText.leadTime(e).ifPresent(t -> field(fields, "Lead time", t));

        if (!e.samplePosts.isEmpty()) {
            StringBuilder quotes = new StringBuilder("*Sample posts*");
            e.samplePosts.stream().limit(MAX_SAMPLES)
                    .forEach(p -> quotes.append("\n>").append(escape(WebhookText.sample(p))));
            section(blocks, limit(quotes.toString(), SECTION_LIMIT));
        }
        if (e.officialStatus != null) {
            section(blocks, limit("*Official status*\n" + escape(e.officialStatus), SECTION_LIMIT));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                escape(String.format(Locale.ROOT, "alert %s · %s · score %.3f · outage-detector",
                        e.alertId, e.reason, e.score)));
        return body.toString();
    }

    private static ObjectNode header(AlertEvent e) {
        String icon = WebhookText.resolved(e) ? ":large_green_circle:" : ":red_circle:";
        String title = WebhookText.resolved(e) ? e.service + " has recovered" : e.service + " may be down";
        ObjectNode header = JSON.objectNode().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("emoji", true)
                .put("text", limit(icon + " " + title, HEADER_LIMIT));
        return header;
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + escape(value));
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    /** Slack reads &, < and > as markup in mrkdwn; post text must not turn into links or mentions. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
