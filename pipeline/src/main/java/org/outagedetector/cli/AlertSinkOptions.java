package org.outagedetector.cli;

import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.alerting.webhook.WebhookOutput;
import org.outagedetector.alerting.webhook.WebhookSettings;
import org.outagedetector.alerting.webhook.WebhookTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The sink flags shared by `run`, `replay` and `demo` (CONTRACT.md). */
public class AlertSinkOptions {

    @Option(names = "--webhook", paramLabel = "[FORMAT=]URL",
            description = "Send alerts to this URL; FORMAT is generic (default), alertmanager, slack or pagerduty. "
                    + "Repeatable; in run's --config: webhook.1=[FORMAT=]URL, webhook.2=...")
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

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The webhook output, if any webhook was named. Commands call this before they start anything: a flag the
     * webhook classes reject is a usage error naming that flag.
     */
    List<AlertOutput> outputs() {
        if (webhooks.isEmpty()) {
            return List.of();
        }
        List<WebhookTarget> targets = flag("--webhook", webhooks, w -> w.stream().map(WebhookTarget::parse).toList());
        WebhookSettings settings = secretFile != null
                ? flag("--webhook-secret-file", WebhookSettings.defaults(), s -> s.withSecretFile(secretFile))
                : flag(WebhookSettings.SECRET_ENV, WebhookSettings.defaults(),
                        s -> s.withSecretFromEnvironment(System.getenv()));
        if (pagerDutyRoutingKey != null) {
            settings = flag("--pagerduty-routing-key", settings, s -> s.withPagerDutyRoutingKey(pagerDutyRoutingKey));
        }
        if (retryFor != null) {
            settings = flag("--webhook-retry-for", settings, s -> s.withRetryFor(retryFor));
        }
        if (maxInFlight != null) {
            settings = flag("--webhook-max-in-flight", settings, s -> s.withMaxInFlight(maxInFlight));
        }
        // The output checks what spans flags: a pagerduty webhook's routing key, the same webhook given twice.
        AlertOutput output = flag("--webhook", settings, s -> new WebhookOutput(targets, s));
        return List.of(output);
    }

    /** {@code apply} to {@code value}; what it rejects as an illegal argument is a usage error about {@code name}. */
    private <T, R> R flag(String name, T value, Function<T, R> apply) {
        try {
            return apply.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), name + ": " + e.getMessage(), e);
        }
    }
}
