package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetTest {

    @Test
    void aBareUrlIsGeneric() {
        assertThat(WebhookTarget.parse("https://example.org/hooks/outage"))
                .isEqualTo(new WebhookTarget(WebhookFormat.GENERIC, URI.create("https://example.org/hooks/outage")));
    }

    @Test
    void aPrefixNamesTheFormatInAnyCase() {
        assertThat(WebhookTarget.parse("alertmanager=http://localhost:9093/hook").format())
                .isEqualTo(WebhookFormat.ALERTMANAGER);
        assertThat(WebhookTarget.parse("Slack=https://hooks.slack.com/services/T0/B0/xyz").format())
                .isEqualTo(WebhookFormat.SLACK);
        assertThat(WebhookTarget.parse("pagerduty=https://events.pagerduty.com/v2/enqueue").uri())
                .isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
        assertThat(WebhookTarget.parse("generic=http://127.0.0.1:9000/").format()).isEqualTo(WebhookFormat.GENERIC);
    }

    @Test
    void anEqualsSignInTheQueryIsPartOfTheUrl() {
        WebhookTarget t = WebhookTarget.parse("https://example.org/hook?token=abc&x=1");

        assertThat(t.format()).isEqualTo(WebhookFormat.GENERIC);
        assertThat(t.uri().getQuery()).isEqualTo("token=abc&x=1");
        assertThat(WebhookTarget.parse("slack=https://example.org/hook?token=abc").uri().getQuery())
                .isEqualTo("token=abc");
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> WebhookTarget.parse("teams=https://example.org/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown webhook format 'teams'")
                .hasMessageContaining("generic, alertmanager, slack, pagerduty");
        assertThatThrownBy(() -> WebhookTarget.parse("slack="))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing the URL");
        assertThatThrownBy(() -> WebhookTarget.parse(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[FORMAT=]URL");
        assertThatThrownBy(() -> WebhookTarget.parse("ftp://example.org/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> WebhookTarget.parse("example.org/hook"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> WebhookTarget.parse("http://exa mple.org/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid webhook URL");
        assertThatThrownBy(() -> WebhookTarget.parse("http:///path-only"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a host");
    }

    @Test
    void toStringHidesThePathAndQueryWhereTokensLive() {
        WebhookTarget t = WebhookTarget.parse("slack=https://hooks.slack.com/services/T0/B0/SECRETTOKEN?k=SECRET2");

        assertThat(t.toString()).isEqualTo("slack=https://hooks.slack.com/...").doesNotContain("SECRET");
        assertThat(WebhookTarget.parse("http://127.0.0.1:9000").toString()).isEqualTo("generic=http://127.0.0.1:9000");
    }

    /** A savepoint's pending deliveries are restored by this id: a rotated token must not orphan them. */
    @Test
    void operatorIdSurvivesARotatedTokenAndNeverSpellsItOut() {
        WebhookTarget slack = WebhookTarget.parse("slack=https://hooks.slack.com/services/T0/B0/SECRETTOKEN");
        String a = slack.operatorId(1);

        assertThat(a).isEqualTo("webhook-slack-hooks.slack.com").doesNotContain("SECRETTOKEN");
        WebhookTarget rotated = WebhookTarget.parse("slack=https://hooks.slack.com/services/T0/B0/NEWTOKEN");
        assertThat(rotated.operatorId(1)).isEqualTo(a);
        assertThat(rotated.sharesOperatorIdWith(slack)).isTrue();
        assertThat(WebhookTarget.parse("https://hooks.slack.com/services/T0/B0/SECRETTOKEN").operatorId(1))
                .isEqualTo("webhook-generic-hooks.slack.com");
        WebhookTarget elsewhere = WebhookTarget.parse("slack=https://chat.example:8443/hook");
        assertThat(elsewhere.operatorId(1)).isEqualTo("webhook-slack-chat.example-8443");
        assertThat(elsewhere.sharesOperatorIdWith(slack)).isFalse();
        assertThat(slack.operatorId(2)).isEqualTo("webhook-slack-hooks.slack.com-2");
        WebhookTarget explicitPort = WebhookTarget.parse("slack=https://hooks.slack.com:443/services/T0/B0/X");
        assertThat(explicitPort.operatorId(1)).isEqualTo(a);
        assertThat(explicitPort.sharesOperatorIdWith(slack)).isTrue();
    }
}
