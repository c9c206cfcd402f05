package org.outagedetector.cli;

import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.alerting.webhook.WebhookOutput;
import org.outagedetector.alerting.webhook.WebhookSettings;
import org.outagedetector.alerting.webhook.WebhookTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sink flags shared by `run`, `replay` and `demo` (CONTRACT.md). */
public class AlertSinkOptions {

    @Option(names = "--webhook", paramLabel = "[FORMAT=]URL",
            description = "Send alerts to this URL; FORMAT is generic (default), alertmanager, slack or pagerduty. "
                    + "Repeatable.")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--webhook-secret-file", paramLabel = "FILE",
            description = "Sign every webhook request: X-Signature-256: sha256=<hex HMAC-SHA256 of the body> keyed "
                    + "with this file's bytes. Default: the environment variable " + WebhookSettings.SECRET_ENV
                    + ", if set.")
    Path secretFile;

    @Option(names = "--pagerduty-routing-key", paramLabel = "KEY",
            description = "Events API v2 routing key for pagerduty webhooks.")
    String pagerDutyRoutingKey;

    @Option(names = "--webhook-retry-for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Keep retrying a webhook delivery this long (e.g. 15m) while the endpoint is down or "
                    + "failing; then the alert is logged and counted as failed. Bounded runs (replay, demo) wait "
                    + "for pending deliveries before they exit. Default: 15m.")
    Duration retryFor;

    @Option(names = "--webhook-max-in-flight", paramLabel = "N",
            description = "Deliveries that may be pending per webhook and parallel instance, retries included; "
                    + "alerts beyond that are shed (logged, metric 'shed') so that a dead webhook never holds up "
                    + "the other outputs. Default: 1000.")
    Integer maxInFlight;

    /** The webhook output, if any webhook was named. */
    List<AlertOutput> outputs() {
        if (webhooks.isEmpty()) {
            return List.of();
        }
        WebhookSettings settings = WebhookSettings.defaults();
        settings = secretFile != null ? settings.withSecretFile(secretFile)
                : settings.withSecretFromEnvironment(System.getenv());
        if (pagerDutyRoutingKey != null) {
            settings = settings.withPagerDutyRoutingKey(pagerDutyRoutingKey);
        }
        if (retryFor != null) {
            settings = settings.withRetryFor(retryFor);
        }
        if (maxInFlight != null) {
            settings = settings.withMaxInFlight(maxInFlight);
        }
        return List.of(new WebhookOutput(webhooks.stream().map(WebhookTarget::parse).toList(), settings));
    }
}
