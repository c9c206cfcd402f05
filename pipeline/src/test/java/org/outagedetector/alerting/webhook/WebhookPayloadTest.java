package org.outagedetector.alerting.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode render(WebhookPayload payload, AlertEvent e) throws Exception {
        return JSON.readTree(payload.render(e));
    }

    @Test
    void genericIsTheAlertEventItself() {
        AlertEvent e = TestAlerts.acknowledged("twitter");

        assertThat(AlertJson.read(new GenericPayload().render(e))).isEqualTo(e);
    }

    @Test
    void alertmanagerFiringPayloadHasVersion4Shape() throws Exception {
        AlertEvent e = TestAlerts.open("twitter");
        JsonNode n = render(new AlertmanagerPayload(), e);

        assertThat(n.path("version").asText()).isEqualTo("4");
        assertThat(n.path("status").asText()).isEqualTo("firing");
        assertThat(n.path("receiver").asText()).isEqualTo("outage-detector");
        assertThat(n.path("groupKey").asText()).isEqualTo("{}:{alertname=\"ServiceOutage\", service=\"twitter\"}");
        assertThat(n.path("truncatedAlerts").asInt(-1)).isZero();
        assertThat(n.has("externalURL")).isTrue();
        assertThat(n.path("groupLabels").path("service").asText()).isEqualTo("twitter");
        assertThat(n.path("commonLabels").path("severity").asText()).isEqualTo("major");
        assertThat(n.path("commonAnnotations").path("summary").asText()).contains("twitter", "57", "3.3");

        assertThat(n.path("alerts")).hasSize(1);
        JsonNode alert = n.path("alerts").get(0);
        assertThat(alert.path("status").asText()).isEqualTo("firing");
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("ServiceOutage");
        assertThat(alert.path("labels").path("service").asText()).isEqualTo("twitter");
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("major");
        assertThat(alert.path("annotations").path("description").asText())
                .contains("Distinct authors: 57 (expected 3.3", "is twitter down for anyone else??");
        assertThat(alert.path("startsAt").asText()).isEqualTo("2012-06-21T16:02:00Z");
        assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.has("generatorURL")).isTrue();
        assertThat(alert.path("fingerprint").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void alertmanagerResolvedKeepsTheFingerprintAndSetsEndsAt() throws Exception {
        JsonNode open = render(new AlertmanagerPayload(), TestAlerts.open("twitter")).path("alerts").get(0);
        JsonNode n = render(new AlertmanagerPayload(), TestAlerts.resolved("twitter"));
        JsonNode alert = n.path("alerts").get(0);

        assertThat(n.path("status").asText()).isEqualTo("resolved");
        assertThat(alert.path("status").asText()).isEqualTo("resolved");
        assertThat(alert.path("endsAt").asText()).isEqualTo("2012-06-21T17:01:00Z");
        assertThat(alert.path("fingerprint").asText()).isEqualTo(open.path("fingerprint").asText());
    }

    @Test
    void slackMessageHasReadableTextAndBlocks() throws Exception {
        JsonNode n = render(new SlackPayload(), TestAlerts.acknowledged("twitter"));

        assertThat(n.path("text").asText()).isEqualTo(
                "twitter may be down: 57 people reported problems in one minute, 3.3 expected");
        JsonNode blocks = n.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).contains("twitter may be down");

        List<String> fields = new ArrayList<>();
        blocks.get(1).path("fields").forEach(f -> fields.add(f.path("text").asText()));
        assertThat(fields).contains("*Service*\ntwitter", "*Severity*\nmajor (update)",
                "*Distinct authors*\n57 in one minute, peak 57", "*Expected baseline*\n3.3 per minute",
                "*Lead time*\nthe alert came 7 min 30 s before the official statement");

        String samples = blocks.get(2).path("text").path("text").asText();
        assertThat(samples).startsWith("*Sample posts*")
                .contains(">is twitter down for anyone else??")
                // Post text must not become Slack markup (links, mentions).
                .contains("twitter down &lt;again&gt; &amp; again");
        assertThat(blocks.get(3).path("text").path("text").asText()).contains("investigating");
        assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("context");
    }

    @Test
    void aFractionalBaselineKeepsTwoDecimals() throws Exception {
        AlertEvent quiet = TestAlerts.open("tumblr");
        quiet.expected = 0.04;

        assertThat(render(new SlackPayload(), quiet).path("text").asText()).endsWith(", 0.04 expected");
    }

    @Test
    void slackOmitsLeadTimeBeforeTheOfficialWord() throws Exception {
        JsonNode n = render(new SlackPayload(), TestAlerts.open("twitter"));

        assertThat(n.path("blocks").get(1).path("fields").toString()).doesNotContain("Lead time");
    }

    @Test
    void slackReportsALateDetectionHonestly() throws Exception {
        AlertEvent late = TestAlerts.acknowledged("twitter");
        late.leadTimeSeconds = -125;

        assertThat(render(new SlackPayload(), late).path("blocks").get(1).path("fields").toString())
                .contains("the official statement came 2 min 05 s before the alert");
    }

    @Test
    void pagerDutyTriggersWithTheAlertIdAsDedupKey() throws Exception {
        JsonNode n = render(new PagerDutyPayload("R0UT1NGKEY"), TestAlerts.open("twitter"));

        assertThat(n.path("routing_key").asText()).isEqualTo("R0UT1NGKEY");
        assertThat(n.path("event_action").asText()).isEqualTo("trigger");
        assertThat(n.path("dedup_key").asText()).isEqualTo("twitter-" + TestAlerts.STARTED);
        JsonNode payload = n.path("payload");
        assertThat(payload.path("summary").asText()).startsWith("twitter may be down");
        assertThat(payload.path("source").asText()).isEqualTo("outage-detector");
        assertThat(payload.path("severity").asText()).isEqualTo("error");
        assertThat(payload.path("timestamp").asText()).isEqualTo("2012-06-21T16:04:00Z");
        assertThat(payload.path("component").asText()).isEqualTo("twitter");
        assertThat(payload.path("custom_details").path("distinct_authors").asInt()).isEqualTo(57);
        assertThat(payload.path("custom_details").path("sample_posts")).hasSize(2);
    }

    @Test
    void pagerDutyUpdatesTriggerAndResolutionsResolveTheSameIncident() throws Exception {
        PagerDutyPayload pd = new PagerDutyPayload("key");
        JsonNode update = render(pd, TestAlerts.acknowledged("twitter"));
        JsonNode resolved = render(pd, TestAlerts.resolved("twitter"));

        assertThat(update.path("event_action").asText()).isEqualTo("trigger");
        assertThat(update.path("payload").path("custom_details").path("lead_time_seconds").asLong())
                .isEqualTo(450);
        assertThat(resolved.path("event_action").asText()).isEqualTo("resolve");
        assertThat(resolved.path("dedup_key").asText()).isEqualTo(update.path("dedup_key").asText());
    }

    @Test
    void pagerDutySeverityMapping() {
        assertThat(PagerDutyPayload.severity("critical")).isEqualTo("critical");
        assertThat(PagerDutyPayload.severity("major")).isEqualTo("error");
        assertThat(PagerDutyPayload.severity("minor")).isEqualTo("warning");
        assertThat(PagerDutyPayload.severity(null)).isEqualTo("info");
        assertThat(PagerDutyPayload.severity("unheard-of")).isEqualTo("info");
    }

    @Test
    void pagerDutyWithoutRoutingKeyIsRejectedUpFront() {
        assertThatThrownBy(() -> new WebhookOutput(List.of(WebhookTarget.parse("pagerduty=https://events.pagerduty.com/v2/enqueue")),
                WebhookSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--pagerduty-routing-key");
    }

    @Test
    void noFormatCarriesTheSigningSecret() {
        WebhookSettings settings = WebhookSettings.defaults().withSecret("s3cr3t-bytes".getBytes())
                .withPagerDutyRoutingKey("rk");
        for (WebhookFormat format : WebhookFormat.values()) {
            assertThat(format.payload(settings).render(TestAlerts.acknowledged("twitter")))
                    .as(format.flagName()).doesNotContain("s3cr3t");
        }
    }
}
