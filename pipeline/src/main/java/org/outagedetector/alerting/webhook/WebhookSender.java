package org.outagedetector.alerting.webhook;

import org.outagedetector.alerting.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers alert events to one webhook without blocking: each attempt is an async HTTP POST; transient
 * failures (5xx, 408, 429, timeouts, refused or broken connections) are retried after a jittered
 * exponential backoff until the max attempts or the retry duration runs out, other 4xx are dropped. The
 * returned future always completes normally.
 * Bodies and headers are never logged: they may hold the routing key, and the URL may hold a token.
 */
final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int LOGGED_BODY_CHARS = 200;

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final WebhookTarget target;
    private final WebhookPayload payload;
    private final WebhookSettings settings;
    private final Backoff backoff;

    WebhookSender(HttpClient client, ScheduledExecutorService scheduler, WebhookTarget target,
            WebhookPayload payload, WebhookSettings settings, Backoff backoff) {
        this.client = client;
        this.scheduler = scheduler;
        this.target = target;
        this.payload = payload;
        this.settings = settings;
        this.backoff = backoff;
    }

    CompletableFuture<DeliveryResult> deliver(AlertEvent event) {
        return deliver(event, System.nanoTime());
    }

    /** As {@link #deliver(AlertEvent)}, the retry budget counted from {@code sinceNanos} ({@link System#nanoTime}). */
    CompletableFuture<DeliveryResult> deliver(AlertEvent event, long sinceNanos) {
        Delivery d = new Delivery(event.eventKey(), sinceNanos);
        try {
            d.request = request(event);
        } catch (RuntimeException e) {
            LOG.error("Webhook {}: cannot write the request for {}", target, d.eventKey, e);
            d.finish(DeliveryResult.Outcome.FAILED, 0, 0);
            return d.result;
        }
        attempt(d, 1);
        return d.result;
    }

    private HttpRequest request(AlertEvent event) {
        byte[] body = payload.render(event).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(target.uri())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "outage-detector-webhook")
                .header(IDEMPOTENCY_KEY, idempotencyKey(event.eventKey(), target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.secret().ifPresent(key -> b.header(WebhookSignature.HEADER, WebhookSignature.sign(key, body)));
        return b.build();
    }

    /** The same event to the same target always gets the same key, so receivers can drop retried copies. */
    static String idempotencyKey(String eventKey, WebhookTarget target) {
        return UUID.nameUUIDFromBytes((eventKey + "\n" + target.format() + "\n" + target.uri())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void attempt(Delivery d, int attempt) {
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = client.sendAsync(d.request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // The request timeout does not bound a slow body; the attempt timeout bounds the whole exchange.
        sent.orTimeout(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    try {
                        onAttempt(d, attempt, response, error);
                    } catch (RuntimeException e) {
                        LOG.error("Webhook {}: delivery of {} broke unexpectedly", target, d.eventKey, e);
                        d.finish(DeliveryResult.Outcome.FAILED, attempt, 0);
                    }
                });
    }

    private void onAttempt(Delivery d, int attempt, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (!isTransient(cause)) {
                LOG.error("Webhook {}: delivery of {} failed: {}", target, d.eventKey, cause.toString());
                d.finish(DeliveryResult.Outcome.FAILED, attempt, 0);
                return;
            }
            retryOrGiveUp(d, attempt, 0, Duration.ZERO, cause.toString());
            return;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            d.finish(DeliveryResult.Outcome.DELIVERED, attempt, status);
        } else if (isTransient(status)) {
            retryOrGiveUp(d, attempt, status, retryAfter(response), "HTTP " + status);
        } else {
            LOG.warn("Webhook {}: dropping {}: HTTP {} {}", target, d.eventKey, status, excerpt(response.body()));
            d.finish(DeliveryResult.Outcome.DROPPED, attempt, status);
        }
    }

    private void retryOrGiveUp(Delivery d, int attempt, int status, Duration retryAfter, String why) {
        Duration left = settings.retryFor().minusNanos(System.nanoTime() - d.startNanos);
        if (attempt >= settings.maxAttempts() || left.isNegative() || left.isZero()) {
            LOG.error("Webhook {}: giving up on {} after {} attempts, last: {}", target, d.eventKey, attempt, why);
            d.finish(DeliveryResult.Outcome.FAILED, attempt, status);
            return;
        }
        Duration jittered = backoff.beforeRetry(attempt);
        Duration wait = retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
        // The last retry lands on the deadline rather than giving up up to a whole backoff early.
        wait = wait.compareTo(left) > 0 ? left : wait;
        LOG.info("Webhook {}: attempt {} for {} failed ({}), retrying in {} ms",
                target, attempt, d.eventKey, why, wait.toMillis());
        try {
            scheduler.schedule(() -> attempt(d, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The operator is closing; what is still in flight is redelivered from its checkpointed state.
            d.finish(DeliveryResult.Outcome.FAILED, attempt, status);
        }
    }

    static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    static boolean isTransient(Throwable cause) {
        // HttpTimeoutException, ConnectException (refused) and resets are IOExceptions; TimeoutException
        // comes from the attempt timeout.
        return cause instanceof IOException || cause instanceof TimeoutException;
    }

    /** Honours a receiver's Retry-After in seconds, capped so the retry budget still holds. */
    private Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                .map(d -> d.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : d)
                .orElse(Duration.ZERO);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= LOGGED_BODY_CHARS ? flat : flat.substring(0, LOGGED_BODY_CHARS) + "...";
    }

    /** One event on its way to this target, across its attempts. */
    private final class Delivery {
        final String eventKey;
        final long startNanos;
        final CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
        HttpRequest request;

        Delivery(String eventKey, long startNanos) {
            this.eventKey = eventKey;
            this.startNanos = startNanos;
        }

        void finish(DeliveryResult.Outcome outcome, int attempts, int status) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            result.complete(new DeliveryResult(target, eventKey, outcome, attempts, status, millis));
        }
    }
}
