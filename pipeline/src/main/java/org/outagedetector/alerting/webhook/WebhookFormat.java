package org.outagedetector.alerting.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The request bodies a webhook can speak, named as on the command line ({@code --webhook slack=URL}). */
public enum WebhookFormat {
    GENERIC,
    ALERTMANAGER,
    SLACK,
    PAGERDUTY;

    /** The name used on the command line. */
    public String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookFormat named(String name) {
        for (WebhookFormat f : values()) {
            if (f.flagName().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown webhook format '" + name + "': use " + choices());
    }

    static String choices() {
        return Arrays.stream(values()).map(WebhookFormat::flagName).collect(Collectors.joining(", "));
    }

    /** Builds the payload writer; fails early when the format needs a setting that is missing. */
    WebhookPayload payload(WebhookSettings settings) {
        return switch (this) {
            case GENERIC -> new GenericPayload();
            case ALERTMANAGER -> new AlertmanagerPayload();
            case SLACK -> new SlackPayload();
            case PAGERDUTY -> new PagerDutyPayload(settings.pagerDutyRoutingKey().orElseThrow(
                    () -> new IllegalArgumentException("a pagerduty webhook needs --pagerduty-routing-key")));
        };
    }
}
