package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.testing.ReportingCluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow webhook must not hold up a healthy one, nor keep the job from finishing, nor fill memory. */
class WebhookOutputIT {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ReportingCluster.reportingTo(METRICS);

    private static final int EVENTS = 40;

    @Test
    void aHangingWebhookDoesNotStallTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // Holds every request until the test lets go, then answers 503 so the deliveries fail for good.
        try (TestWebhookServer hanging = TestWebhookServer.start((request, index) -> {
                    release.await(60, TimeUnit.SECONDS);
                    return TestWebhookServer.Response.of(503);
                });
                TestWebhookServer live = TestWebhookServer.ok()) {
            WebhookSettings settings = WebhookSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .withMaxAttempts(2);
            JobClient job = deliverEvents(settings, hanging, live);
            try {
                assertThat(live.awaitRequests(EVENTS, Duration.ofSeconds(60))).isTrue();
                assertThat(hanging.awaitRequests(EVENTS, Duration.ofSeconds(60))).isTrue();
                // Every event reached the live webhook while the hanging one still holds all of its copies.
                assertThat(live.requests()).extracting(r -> r.json().path("detected_at").asText())
                        .doesNotHaveDuplicates().hasSize(EVENTS);
                assertThat(hanging.requests()).hasSize(EVENTS);
                assertThat(job.getJobStatus().get()).isNotIn(JobStatus.FINISHED, JobStatus.FAILED);
            } finally {
                release.countDown();
            }
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);

            assertThat(hanging.requests()).hasSize(2 * EVENTS);
            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), live.port())).containsEntry("delivered", (long) EVENTS)
                    .containsEntry("failed", 0L).containsEntry("retried", 0L);
            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), hanging.port())).containsEntry("failed", (long) EVENTS)
                    .containsEntry("retried", (long) EVENTS).containsEntry("delivered", 0L);
        }
    }

    @Test
    void beyondItsBoundAHangingWebhookShedsAlertsInsteadOfHoldingUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestWebhookServer hanging = TestWebhookServer.start((request, index) -> {
                    release.await(60, TimeUnit.SECONDS);
                    return TestWebhookServer.Response.of(503);
                });
                TestWebhookServer live = TestWebhookServer.ok()) {
            WebhookSettings bounded = WebhookSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .withMaxAttempts(2)
                    .withMaxInFlight(2);
            // The live webhook keeps the default bound, far above this burst of events.
            JobClient job = deliverEvents(
                    new WebhookOutput(List.of(new WebhookTarget(WebhookFormat.ALERTMANAGER, hanging.uri())), bounded),
                    new WebhookOutput(List.of(new WebhookTarget(WebhookFormat.GENERIC, live.uri())),
                            WebhookSettings.defaults()));
            int held;
            try {
                assertThat(live.awaitRequests(EVENTS, Duration.ofSeconds(60))).isTrue();
                // Each of the two subtasks holds at most two deliveries to the hanging webhook and sheds the rest.
                CommonTestUtils.waitUtil(() -> {
                    Map<String, Long> m = WebhookMetrics.of(METRICS, job.getJobID(), hanging.port());
                    return m.getOrDefault("shed", 0L) + m.getOrDefault("pending", 0L) == EVENTS;
                }, Duration.ofSeconds(60), Duration.ofMillis(50), "every event either pending or shed");
                held = WebhookMetrics.of(METRICS, job.getJobID(), hanging.port()).get("pending").intValue();
                assertThat(held).isBetween(1, 4);
                assertThat(hanging.awaitRequests(held, Duration.ofSeconds(60))).isTrue();
                assertThat(hanging.requests()).hasSize(held);
                assertThat(job.getJobStatus().get()).isNotIn(JobStatus.FINISHED, JobStatus.FAILED);
            } finally {
                release.countDown();
            }
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);

            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), hanging.port()))
                    .containsEntry("shed", (long) (EVENTS - held)).containsEntry("failed", (long) held)
                    .containsEntry("delivered", 0L).containsEntry("pending", 0L);
            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), live.port())).containsEntry("delivered", (long) EVENTS)
                    .containsEntry("shed", 0L);
        }
    }

    @Test
    void aSilentWebhookTimesOutAndTheJobStillFinishes() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        // Accepts requests and never answers: only the client's timeouts end these deliveries.
        try (TestWebhookServer silent = TestWebhookServer.start((request, index) -> {
                    closed.await();
                    return TestWebhookServer.Response.of(200);
                });
                TestWebhookServer live = TestWebhookServer.ok()) {
            WebhookSettings settings = WebhookSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .withMaxAttempts(2);

            JobClient job = deliverEvents(settings, silent, live);
            try {
                job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
            } finally {
                closed.countDown();
            }

            // On a loaded machine a live request can outlast the short timeout too and be sent again; the
            // idempotency key is what lets the receiver count it once.
            assertThat(live.requests().stream().map(r -> r.header("Idempotency-Key")).distinct()).hasSize(EVENTS);
            assertThat(silent.requests()).hasSize(2 * EVENTS);
            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), live.port())).containsEntry("delivered", (long) EVENTS);
            assertThat(WebhookMetrics.of(METRICS, job.getJobID(), silent.port())).containsEntry("failed", (long) EVENTS)
                    .containsEntry("retried", (long) EVENTS).containsEntry("delivered", 0L);
        }
    }

    /** Runs a job at parallelism 2 that sends EVENTS distinct alert events to both webhooks. */
    private static JobClient deliverEvents(WebhookSettings settings, TestWebhookServer slow, TestWebhookServer live)
            throws Exception {
        return deliverEvents(new WebhookOutput(List.of(new WebhookTarget(WebhookFormat.ALERTMANAGER, slow.uri()),
                new WebhookTarget(WebhookFormat.GENERIC, live.uri())), settings));
    }

    /**
     * Runs a job at parallelism 2 that sends EVENTS alert events, each of its own incident, to each output (the
     * events of one incident go out one after the other: WebhookDeliveryFunctionTest).
     */
    private static JobClient deliverEvents(WebhookOutput... outputs) throws Exception {
        List<AlertEvent> events = IntStream.range(0, EVENTS).mapToObj(i -> TestAlerts.update("service" + i, i))
                .toList();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<AlertEvent> alerts = env.fromData(events).name("alerts");
        for (WebhookOutput output : outputs) {
            output.attach(alerts);
        }
        return env.executeAsync("webhook delivery");
    }
}
