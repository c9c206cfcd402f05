package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.webhook.DeliveryResult.Outcome;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AlertReceiverTest {

    private static final byte[] SECRET = "receiver-secret".getBytes(StandardCharsets.UTF_8);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        retryTimer.shutdownNow();
    }

    private DeliveryResult send(AlertReceiver receiver, String format, WebhookSettings settings, AlertEvent e)
            throws Exception {
        WebhookTarget target = WebhookTarget.parse(format + "=http://127.0.0.1:" + receiver.port() + "/alerts");
        WebhookSender sender = new WebhookSender(HttpClient.newHttpClient(), retryTimer, target,
                target.format().payload(settings), settings,
                new Backoff(settings.backoffBase(), settings.backoffMax(), () -> 0.5));
        return sender.deliver(e).get(30, TimeUnit.SECONDS);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsEachFormatReadablyAndChecksTheSignature() throws Exception {
        WebhookSettings settings = WebhookSettings.defaults().withSecret(SECRET).withPagerDutyRoutingKey("RK-123");
        try (AlertReceiver receiver = AlertReceiver.start(0, SECRET, out)) {
            for (String format : new String[] {"generic", "alertmanager", "slack", "pagerduty"}) {
                assertThat(send(receiver, format, settings, TestAlerts.acknowledged("twitter")).outcome)
                        .isEqualTo(Outcome.DELIVERED);
            }
        }
        String text = printed();
        assertThat(text).contains("POST /alerts  alert update twitter (major): 57 authors, 3.25 expected, lead time 450 s");
        assertThat(text).contains("alertmanager v4 firing: twitter may be down");
        assertThat(text).contains("slack: twitter may be down: 57 people");
        assertThat(text).contains("pagerduty trigger dedup_key=twitter-");
        assertThat(text.lines().filter(l -> l.contains("signature verified"))).hasSize(4);
        assertThat(text).contains("\"routing_key\" : \"<redacted>\"").doesNotContain("RK-123");
    }

    @Test
    void flagsABadSignatureAndARepeatedDelivery() throws Exception {
        WebhookSettings wrongKey = WebhookSettings.defaults().withSecret("not the receiver's".getBytes());
        try (AlertReceiver receiver = AlertReceiver.start(0, SECRET, out)) {
            send(receiver, "generic", wrongKey, TestAlerts.open("twitter"));
            send(receiver, "generic", wrongKey, TestAlerts.open("twitter"));
        }
        String[] lines = printed().lines().filter(l -> l.contains(" POST ")).toArray(String[]::new);
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("signature INVALID").doesNotContain("DUPLICATE");
        assertThat(lines[1]).contains("DUPLICATE");
    }

    @Test
    void withoutASecretItSaysSignaturesAreNotChecked() throws Exception {
        try (AlertReceiver receiver = AlertReceiver.start(0, null, out)) {
            send(receiver, "generic", WebhookSettings.defaults().withSecret(SECRET), TestAlerts.open("twitter"));
            send(receiver, "generic", WebhookSettings.defaults(), TestAlerts.resolved("twitter"));
        }
        assertThat(printed()).contains("signed, not checked").contains("unsigned");
    }

    @Test
    void answersOnlyPosts() throws Exception {
        try (AlertReceiver receiver = AlertReceiver.start(0, null, out)) {
            var response = HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/"))
                            .timeout(Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void commandLineHelpAndMistakes() {
        assertThat(AlertReceiver.run(new String[] {"--help"})).isZero();
        assertThat(AlertReceiver.run(new String[] {"--port"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--port", "x"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--port", "70000"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--secret-file", "/nonexistent/secret"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--host"})).isEqualTo(2);
        assertThat(AlertReceiver.run(new String[] {"--host", "no-such-host.invalid", "--port", "0"})).isEqualTo(1);
    }
}
