package org.outagedetector.alerting.webhook;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How webhooks are delivered: signing secret, PagerDuty routing key, timeouts, retry budget (attempts and
 * how long to keep retrying) and how many deliveries may be pending per webhook and parallel instance.
 * Immutable; change it with the with-ers. Secrets never show in {@link #toString()}.
 */
public final class WebhookSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Environment variable holding the signing secret, for deployments that cannot mount a file. */
    public static final String SECRET_ENV = "OUTAGE_DETECTOR_WEBHOOK_SECRET";

    /** Slack of the async operator's timeout over the retry budget, so the sender always finishes first. */
    private static final Duration ASYNC_TIMEOUT_MARGIN = Duration.ofSeconds(5);

    /** Far beyond any alert rate; each pending delivery holds an alert and its request body in memory. */
    private static final int MAX_IN_FLIGHT_LIMIT = 1_000_000;

    private final byte[] secret;
    private final String pagerDutyRoutingKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration retryFor;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final int maxInFlight;

    private WebhookSettings(byte[] secret, String pagerDutyRoutingKey, Duration connectTimeout,
            Duration requestTimeout, int maxAttempts, Duration retryFor, Duration backoffBase, Duration backoffMax,
            int maxInFlight) {
        if (secret != null && secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        if (pagerDutyRoutingKey != null && pagerDutyRoutingKey.isBlank()) {
            throw new IllegalArgumentException("the PagerDuty routing key is empty");
        }
        positive(connectTimeout, "connect timeout");
        positive(requestTimeout, "request timeout");
        positive(retryFor, "retry duration");
        positive(backoffBase, "backoff base");
        positive(backoffMax, "backoff max");
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoff max " + backoffMax + " is below backoff base " + backoffBase);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw new IllegalArgumentException("max in flight must be between 1 and " + MAX_IN_FLIGHT_LIMIT
                    + ", got " + maxInFlight);
        }
        this.secret = secret;
        this.pagerDutyRoutingKey = pagerDutyRoutingKey;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.retryFor = retryFor;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.maxInFlight = maxInFlight;
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    /**
     * Unsigned; 5 s to connect, 10 s per request, retried for 15 minutes (no limit on attempts) with backoff
     * from 0.5 s doubling up to 30 s, so a webhook that is down for minutes still gets every alert once it is
     * back; at most 1,000 deliveries pending per webhook and parallel instance (a few MB).
     */
    public static WebhookSettings defaults() {
        return new WebhookSettings(null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), Integer.MAX_VALUE,
                Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofSeconds(30), 1000);
    }

    /** Signs every request with these bytes (copied). */
    public WebhookSettings withSecret(byte[] key) {
        return new WebhookSettings(key.clone(), pagerDutyRoutingKey, connectTimeout, requestTimeout, maxAttempts,
                retryFor, backoffBase, backoffMax, maxInFlight);
    }

    /** Signs with the file's exact bytes, trailing newline included, as the receiver must key its check. */
    public WebhookSettings withSecretFile(Path file) {
        try {
            return withSecret(Files.readAllBytes(file));
        } catch (IOException e) {
            // The exception type and path say enough; the file's content must not end up in a message.
            throw new IllegalArgumentException("cannot read the webhook secret file " + file + ": " + e, e);
        }
    }

    /** Signs with {@value #SECRET_ENV} (UTF-8) when that variable is set in {@code env}; unchanged otherwise. */
    public WebhookSettings withSecretFromEnvironment(Map<String, String> env) {
        String value = env.get(SECRET_ENV);
        return value == null ? this : withSecret(value.getBytes(StandardCharsets.UTF_8));
    }

    public WebhookSettings withPagerDutyRoutingKey(String key) {
        return new WebhookSettings(secret, key, connectTimeout, requestTimeout, maxAttempts, retryFor, backoffBase,
                backoffMax, maxInFlight);
    }

    public WebhookSettings withTimeouts(Duration connect, Duration request) {
        return new WebhookSettings(secret, pagerDutyRoutingKey, connect, request, maxAttempts, retryFor, backoffBase,
                backoffMax, maxInFlight);
    }

    public WebhookSettings withMaxAttempts(int attempts) {
        return new WebhookSettings(secret, pagerDutyRoutingKey, connectTimeout, requestTimeout, attempts,
                retryFor, backoffBase, backoffMax, maxInFlight);
    }

    /** Keeps retrying a delivery for this long after its first attempt (within the max attempts). */
    public WebhookSettings withRetryFor(Duration duration) {
        return new WebhookSettings(secret, pagerDutyRoutingKey, connectTimeout, requestTimeout, maxAttempts,
                duration, backoffBase, backoffMax, maxInFlight);
    }

    public WebhookSettings withBackoff(Duration base, Duration max) {
        return new WebhookSettings(secret, pagerDutyRoutingKey, connectTimeout, requestTimeout, maxAttempts,
                retryFor, base, max, maxInFlight);
    }

    public WebhookSettings withMaxInFlight(int requests) {
        return new WebhookSettings(secret, pagerDutyRoutingKey, connectTimeout, requestTimeout, maxAttempts,
                retryFor, backoffBase, backoffMax, requests);
    }

    Optional<byte[]> secret() {
        return Optional.ofNullable(secret);
    }

    Optional<String> pagerDutyRoutingKey() {
        return Optional.ofNullable(pagerDutyRoutingKey);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryFor() {
        return retryFor;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public Duration backoffMax() {
        return backoffMax;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** The longest one attempt may take: connecting plus waiting for the response. */
    Duration attemptTimeout() {
        return connectTimeout.plus(requestTimeout);
    }

    /**
     * The longest one delivery may take: the last attempt starts at most {@link #retryFor()} after the first
     * (and no later than every attempt timing out and every wait at its cap allows), then times out.
     */
    public Duration retryBudget() {
        Duration byAttempts = attemptTimeout().multipliedBy(maxAttempts)
                .plus(backoffMax.multipliedBy(maxAttempts - 1L));
        Duration byTime = retryFor.plus(attemptTimeout());
        return byAttempts.compareTo(byTime) < 0 ? byAttempts : byTime;
    }

    /** Flink's async timeout fails the job by default, so it is set safely beyond the retry budget. */
    public Duration asyncTimeout() {
        return retryBudget().plus(ASYNC_TIMEOUT_MARGIN);
    }

    @Override
    public String toString() {
        return "WebhookSettings{secret=" + (secret == null ? "none" : "<redacted>")
                + ", pagerDutyRoutingKey=" + (pagerDutyRoutingKey == null ? "none" : "<redacted>")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", retryFor=" + retryFor
                + ", backoffBase=" + backoffBase + ", backoffMax=" + backoffMax
                + ", maxInFlight=" + maxInFlight + "}";
    }
}
