package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.webhook.DeliveryResult.Outcome;
import org.outagedetector.alerting.webhook.TestWebhookServer.Response;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTest {

    /** Short everything, so retries take milliseconds. */
    private static final WebhookSettings FAST = WebhookSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(10))
            .withMaxAttempts(4);
    private static final byte[] SECRET = "correct horse battery staple\n".getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newHttpClient();
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        retryTimer.shutdownNow();
    }

    private DeliveryResult deliver(URI uri, WebhookSettings settings, AlertEvent event) throws Exception {
        WebhookTarget target = new WebhookTarget(WebhookFormat.GENERIC, uri);
        Backoff backoff = new Backoff(settings.backoffBase(), settings.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        WebhookSender sender = new WebhookSender(client, retryTimer, target, new GenericPayload(), settings, backoff);
        return sender.deliver(event).get(60, TimeUnit.SECONDS);
    }

    @Test
    void signsTheExactBodyWithTheSecret() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.ok()) {
            DeliveryResult result = deliver(server.uri(), FAST.withSecret(SECRET), TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts).isEqualTo(1);
            assertThat(result.status).isEqualTo(200);
            TestWebhookServer.Request request = server.requests().get(0);
            String signature = request.header("X-Signature-256");
            assertThat(signature).matches("sha256=[0-9a-f]{64}");
            assertThat(WebhookSignature.verify(SECRET, request.body(), signature)).isTrue();
            assertThat(WebhookSignature.verify("another key".getBytes(StandardCharsets.UTF_8), request.body(),
                    signature)).isFalse();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("horse");
        }
    }

    @Test
    void leavesRequestsUnsignedWithoutASecret() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.ok()) {
            deliver(server.uri(), FAST, TestAlerts.open("twitter"));

            assertThat(server.requests().get(0).header("X-Signature-256")).isNull();
            assertThat(server.requests().get(0).header("Idempotency-Key")).isNotBlank();
        }
    }

    @Test
    void retriesAfter503sWithTheSameKeyAndBodyThenDelivers() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(
                (request, index) -> Response.of(index < 2 ? 503 : 200))) {
            DeliveryResult result = deliver(server.uri(), FAST.withSecret(SECRET), TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts).isEqualTo(3);
            assertThat(server.requests()).hasSize(3);
            assertThat(server.requests()).extracting(r -> r.header("Idempotency-Key")).containsOnly(
                    server.requests().get(0).header("Idempotency-Key"));
            assertThat(server.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                    .containsOnly(new String(server.requests().get(0).body(), StandardCharsets.UTF_8));
            assertThat(server.requests()).extracting(r -> r.header("X-Signature-256")).containsOnly(
                    server.requests().get(0).header("X-Signature-256"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void retriesTransientStatuses(int status) throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(
                (request, index) -> Response.of(index == 0 ? status : 204))) {
            DeliveryResult result = deliver(server.uri(), FAST, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts).isEqualTo(2);
            assertThat(result.status).isEqualTo(204);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422})
    void dropsOtherClientErrorsAfterExactlyOneRequest(int status) throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> Response.of(status))) {
            DeliveryResult result = deliver(server.uri(), FAST, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DROPPED);
            assertThat(result.status).isEqualTo(status);
            assertThat(result.attempts).isEqualTo(1);
            // The delivery is over, so no retry can still be on its way.
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aRetryAfterATimeoutHasNoDuplicateEffect() throws Exception {
        Set<String> applied = ConcurrentHashMap.newKeySet();
        AtomicInteger effects = new AtomicInteger();
        CountDownLatch retryArrived = new CountDownLatch(1);
        // The receiver acts on the first copy, then stalls past the client's timeout; the retry is a duplicate.
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> {
            if (applied.add(request.header("Idempotency-Key"))) {
                effects.incrementAndGet();
            }
            if (index == 0) {
                retryArrived.await(30, TimeUnit.SECONDS);
            } else {
                retryArrived.countDown();
            }
            return Response.of(200);
        })) {
            WebhookSettings settings = FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
            DeliveryResult result = deliver(server.uri(), settings, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts).isGreaterThanOrEqualTo(2);
            assertThat(server.requests().size()).isGreaterThanOrEqualTo(2);
            assertThat(effects).hasValue(1);
        }
    }

    @Test
    void retriesRefusedConnectionsUntilTheAttemptsRunOut() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult result = deliver(URI.create("http://127.0.0.1:" + closedPort + "/hook"),
                FAST.withMaxAttempts(3), TestAlerts.open("twitter"));

        assertThat(result.outcome).isEqualTo(Outcome.FAILED);
        assertThat(result.attempts).isEqualTo(3);
        assertThat(result.status).isZero();
    }

    @Test
    void givesUpOnPersistent5xxAfterMaxAttempts() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> Response.of(500))) {
            DeliveryResult result = deliver(server.uri(), FAST.withMaxAttempts(3), TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts).isEqualTo(3);
            assertThat(result.status).isEqualTo(500);
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void keepsRetryingAnEndpointThatIsDownUntilItComesBack() throws Exception {
        // Many more failures than a fixed handful of attempts would survive; only the retry duration limits.
        try (TestWebhookServer server = TestWebhookServer.start(
                (request, index) -> Response.of(index < 25 ? 503 : 200))) {
            WebhookSettings settings = WebhookSettings.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .withRetryFor(Duration.ofSeconds(30));
            DeliveryResult result = deliver(server.uri(), settings, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts).isEqualTo(26);
            assertThat(server.requests()).extracting(r -> r.header(WebhookSender.IDEMPOTENCY_KEY)).containsOnly(
                    WebhookSender.idempotencyKey(TestAlerts.open("twitter").eventKey(),
                            new WebhookTarget(WebhookFormat.GENERIC, server.uri())));
        }
    }

    @Test
    void givesUpWhenTheRetryDurationRunsOut() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> Response.of(503))) {
            WebhookSettings settings = WebhookSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                    .withRetryFor(Duration.ofMillis(500));
            DeliveryResult result = deliver(server.uri(), settings, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.FAILED);
            assertThat(result.status).isEqualTo(503);
            assertThat(result.attempts).isGreaterThan(2).isEqualTo(server.requests().size());
            // The last retry waits out the deadline instead of giving up a whole backoff early.
            assertThat(result.latencyMillis).isGreaterThanOrEqualTo(500L);
        }
    }

    @Test
    void honoursRetryAfterUpToTheBackoffCap() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> index == 0
                ? new Response(429, Map.of("Retry-After", "30")) : Response.of(200))) {
            WebhookSettings settings = FAST.withBackoff(Duration.ofMillis(1), Duration.ofMillis(300));
            DeliveryResult result = deliver(server.uri(), settings, TestAlerts.open("twitter"));

            assertThat(result.outcome).isEqualTo(Outcome.DELIVERED);
            // Jitter alone would wait at most 1 ms; Retry-After asks for 30 s, capped to 300 ms.
            assertThat(result.latencyMillis).isBetween(300L, 20_000L);
        }
    }

    @Test
    void idempotencyKeyIsStablePerEventAndTargetAndDiffersOtherwise() {
        WebhookTarget a = WebhookTarget.parse("http://127.0.0.1:1/a");
        WebhookTarget b = WebhookTarget.parse("slack=http://127.0.0.1:1/a");
        AlertEvent open = TestAlerts.open("twitter");

        assertThat(WebhookSender.idempotencyKey(open.eventKey(), a))
                .isEqualTo(WebhookSender.idempotencyKey(TestAlerts.open("twitter").eventKey(), a))
                .isNotEqualTo(WebhookSender.idempotencyKey(open.eventKey(), b))
                .isNotEqualTo(WebhookSender.idempotencyKey(TestAlerts.acknowledged("twitter").eventKey(), a));
    }

    @Test
    void classifiesStatusesAndErrors() {
        assertThat(WebhookSender.isTransient(503)).isTrue();
        assertThat(WebhookSender.isTransient(429)).isTrue();
        assertThat(WebhookSender.isTransient(408)).isTrue();
        assertThat(WebhookSender.isTransient(404)).isFalse();
        assertThat(WebhookSender.isTransient(302)).isFalse();
        assertThat(WebhookSender.isTransient(new java.net.ConnectException("refused"))).isTrue();
        assertThat(WebhookSender.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(WebhookSender.isTransient(new IllegalArgumentException("bad header"))).isFalse();
    }
}
