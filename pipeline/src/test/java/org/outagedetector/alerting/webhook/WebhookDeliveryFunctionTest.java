package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.alerting.webhook.DeliveryResult.Outcome;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryFunctionTest {

    private static final WebhookSettings FAST = WebhookSettings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).withMaxAttempts(2);

    private WebhookDeliveryFunction function;

    /** Captures what the function hands back to Flink; failing the future would fail the job. */
    private static final class Captured implements ResultFuture<DeliveryResult> {
        final CompletableFuture<Collection<DeliveryResult>> results = new CompletableFuture<>();

        @Override
        public void complete(Collection<DeliveryResult> result) {
            results.complete(result);
        }

        @Override
        public void completeExceptionally(Throwable error) {
            results.completeExceptionally(error);
        }

        @Override
        public void complete(CollectionSupplier<DeliveryResult> supplier) {
            try {
                results.complete(supplier.get());
            } catch (Exception e) {
                results.completeExceptionally(e);
            }
        }

        List<DeliveryResult> get() throws Exception {
            return List.copyOf(results.get(30, TimeUnit.SECONDS));
        }
    }

    private void open(WebhookTarget target) throws Exception {
        open(target, FAST);
    }

    private void open(WebhookTarget target, WebhookSettings settings) throws Exception {
        function = new WebhookDeliveryFunction(target, target.format().payload(settings), settings);
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
    }

    @AfterEach
    void close() {
        function.close();
    }

    @Test
    void completesWithTheDeliveryOutcome() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(
                (request, index) -> TestWebhookServer.Response.of(index == 0 ? 502 : 200))) {
            open(new WebhookTarget(WebhookFormat.SLACK, server.uri()));
            Captured captured = new Captured();

            function.asyncInvoke(TestAlerts.open("twitter"), captured);

            List<DeliveryResult> results = captured.get();
            assertThat(results).hasSize(1);
            assertThat(results.get(0).outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(results.get(0).attempts).isEqualTo(2);
            assertThat(results.get(0).target).isEqualTo("slack=http://127.0.0.1:" + server.port() + "/...");
            assertThat(server.requests().get(0).json().has("blocks")).isTrue();
        }
    }

    @Test
    void aPermanentFailureCompletesNormally() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start(
                (request, index) -> TestWebhookServer.Response.of(500))) {
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()));
            Captured captured = new Captured();

            function.asyncInvoke(TestAlerts.open("twitter"), captured);

            assertThat(captured.get()).singleElement().satisfies(r -> {
                assertThat(r.outcome).isEqualTo(Outcome.FAILED);
                assertThat(r.attempts).isEqualTo(2);
            });
        }
    }

    @Test
    void alertsBeyondThePendingBoundAreShedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> {
            release.await(30, TimeUnit.SECONDS);
            return TestWebhookServer.Response.of(200);
        })) {
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()), FAST.withMaxInFlight(2));
            Captured first = new Captured();
            Captured second = new Captured();
            Captured third = new Captured();

            function.asyncInvoke(TestAlerts.update("twitter", 1), first);
            function.asyncInvoke(TestAlerts.update("twitter", 2), second);
            function.asyncInvoke(TestAlerts.update("twitter", 3), third);

            // The third is refused without waiting for the two the webhook holds.
            assertThat(third.get()).singleElement().satisfies(r -> {
                assertThat(r.outcome).isEqualTo(Outcome.SHED);
                assertThat(r.attempts).isZero();
                assertThat(r.eventKey).isEqualTo(TestAlerts.update("twitter", 3).eventKey());
            });
            assertThat(first.results).isNotDone();
            release.countDown();
            assertThat(first.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(second.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);

            // Once those are through, there is room again.
            Captured fourth = new Captured();
            function.asyncInvoke(TestAlerts.update("twitter", 4), fourth);
            assertThat(fourth.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(server.requests()).hasSize(3);
        }
    }

    /**
     * An open whose first attempt fails, and its resolve right behind it: sent side by side, the resolve landed
     * first and the retried open after it, so PagerDuty showed the resolved outage as firing.
     */
    @Test
    void anIncidentsEventsArriveInTheirOrderThoughTheFirstIsRetried() throws Exception {
        CountDownLatch otherIncidentArrived = new CountDownLatch(1);
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> {
            String service = request.json().get("service").asText();
            if (service.equals("gmail")) {
                otherIncidentArrived.countDown();
            } else if (!failedOnce.getAndSet(true)) {
                // Twitter's open fails, but only once another incident's event got through meanwhile.
                assertThat(otherIncidentArrived.await(30, TimeUnit.SECONDS)).isTrue();
                return TestWebhookServer.Response.of(502);
            }
            return TestWebhookServer.Response.of(200);
        })) {
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()));
            Captured open = new Captured();
            Captured resolved = new Captured();
            Captured other = new Captured();

            function.asyncInvoke(TestAlerts.open("twitter"), open);
            function.asyncInvoke(TestAlerts.resolved("twitter"), resolved);
            function.asyncInvoke(TestAlerts.open("gmail"), other);

            assertThat(resolved.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(open.get()).singleElement().extracting(r -> r.attempts).isEqualTo(2);
            assertThat(other.get()).singleElement().extracting(r -> r.attempts).isEqualTo(1);
            assertThat(server.requests()).extracting(r -> r.json().get("service").asText() + " "
                            + r.json().get("state").asText())
                    .filteredOn(r -> r.startsWith("twitter"))
                    .containsExactly("twitter open", "twitter open", "twitter resolved");
        }
    }

    /** An incident's event that comes after a later one was sent would undo it at the receiver: it is not sent. */
    @Test
    void anEventEarlierThanOneAlreadySentIsSuperseded() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.ok()) {
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()));
            Captured later = new Captured();
            Captured earlier = new Captured();

            function.asyncInvoke(TestAlerts.update("twitter", 5), later);
            function.asyncInvoke(TestAlerts.update("twitter", 2), earlier);

            assertThat(later.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(earlier.get()).singleElement().satisfies(r -> {
                assertThat(r.outcome).isEqualTo(Outcome.SUPERSEDED);
                assertThat(r.attempts).isZero();
            });
            assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.json().get("detected_at")
                    .asText()).isEqualTo(AlertJson.time(TestAlerts.update("twitter", 5).detectedAt)));
        }
    }

    /** Behind an incident's event that a hanging webhook holds, the next one gives up at its timeout, unsent. */
    @Test
    void anEventStillWaitingAtItsTimeoutIsGivenUpAndNeverSent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> {
            release.await(30, TimeUnit.SECONDS);
            return TestWebhookServer.Response.of(200);
        })) {
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()));
            Captured held = new Captured();
            Captured waiting = new Captured();
            AlertEvent second = TestAlerts.update("twitter", 2);

            function.asyncInvoke(TestAlerts.update("twitter", 1), held);
            function.asyncInvoke(second, waiting);
            assertThat(server.awaitRequests(1, Duration.ofSeconds(30))).isTrue();
            function.timeout(second, waiting);

            assertThat(waiting.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.FAILED);
            release.countDown();
            assertThat(held.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            // A later event of the incident goes next: had the given-up one stayed in line, it would come first.
            Captured third = new Captured();
            function.asyncInvoke(TestAlerts.update("twitter", 3), third);
            assertThat(third.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(server.requests()).extracting(r -> r.json().get("detected_at").asText()).containsExactly(
                    AlertJson.time(TestAlerts.update("twitter", 1).detectedAt),
                    AlertJson.time(TestAlerts.update("twitter", 3).detectedAt));
        }
    }

    /**
     * An event whose turn comes too late for one attempt before its async timeout (counted from when it came) is
     * given up unsent: that timeout would otherwise report it failed while the request still went out.
     */
    @Test
    void anEventThatWaitedTooLongForOneAttemptIsGivenUpUnsent() throws Exception {
        try (TestWebhookServer server = TestWebhookServer.start((request, index) -> {
            Thread.sleep(5_200); // a slow receiver: the behaviour under test, not a synchronization
            return TestWebhookServer.Response.of(200);
        })) {
            // One attempt of at most 9 s, an async timeout of 9 + 5 s: the next event must start within 5 s.
            WebhookSettings settings = FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(8)).withMaxAttempts(1);
            assertThat(settings.asyncTimeout().minus(settings.attemptTimeout())).isEqualTo(Duration.ofSeconds(5));
            open(new WebhookTarget(WebhookFormat.GENERIC, server.uri()), settings);
            Captured first = new Captured();
            Captured second = new Captured();

            function.asyncInvoke(TestAlerts.update("twitter", 1), first);
            function.asyncInvoke(TestAlerts.update("twitter", 2), second);

            assertThat(first.get()).singleElement().extracting(r -> r.outcome).isEqualTo(Outcome.DELIVERED);
            assertThat(second.get()).singleElement().satisfies(r -> {
                assertThat(r.outcome).isEqualTo(Outcome.FAILED);
                assertThat(r.attempts).isZero();
            });
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void theAsyncTimeoutCountsAFailureInsteadOfFailingTheJob() throws Exception {
        open(WebhookTarget.parse("http://127.0.0.1:9/never-called"));
        Captured captured = new Captured();

        function.timeout(TestAlerts.open("twitter"), captured);

        assertThat(captured.get()).singleElement().satisfies(r -> {
            assertThat(r.outcome).isEqualTo(Outcome.FAILED);
            assertThat(r.eventKey).isEqualTo(TestAlerts.open("twitter").eventKey());
        });
    }
}
