package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow webhook must not hold up a healthy one, nor keep the job from finishing. */
class WebhookOutputIT {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

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
            assertThat(counters(job.getJobID(), live.port())).containsEntry("delivered", (long) EVENTS)
                    .containsEntry("failed", 0L).containsEntry("retried", 0L);
            assertThat(counters(job.getJobID(), hanging.port())).containsEntry("failed", (long) EVENTS)
                    .containsEntry("retried", (long) EVENTS).containsEntry("delivered", 0L);
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
            assertThat(counters(job.getJobID(), live.port())).containsEntry("delivered", (long) EVENTS);
            assertThat(counters(job.getJobID(), silent.port())).containsEntry("failed", (long) EVENTS)
                    .containsEntry("retried", (long) EVENTS).containsEntry("delivered", 0L);
        }
    }

    /** Runs a job at parallelism 2 that sends EVENTS distinct alert events to both webhooks. */
    private static JobClient deliverEvents(WebhookSettings settings, TestWebhookServer slow, TestWebhookServer live)
            throws Exception {
        List<AlertEvent> events = IntStream.range(0, EVENTS).mapToObj(i -> TestAlerts.update("twitter", i)).toList();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        new WebhookOutput(List.of(new WebhookTarget(WebhookFormat.ALERTMANAGER, slow.uri()),
                new WebhookTarget(WebhookFormat.GENERIC, live.uri())), settings)
                .attach(env.fromData(events).name("alerts"));
        return env.executeAsync("webhook delivery");
    }

    /** The webhook counters summed over subtasks, for the operator that delivers to the given port. */
    private static Map<String, Long> counters(JobID job, int port) {
        Map<String, Long> sums = new java.util.TreeMap<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> group : METRICS.getMetricsByGroup().entrySet()) {
            String operator = group.getKey().getAllVariables().getOrDefault("<operator_name>", "");
            boolean ours = job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))
                    && operator.contains(":" + port) && !operator.endsWith("done");
            if (!ours) {
                continue;
            }
            group.getValue().forEach((name, metric) -> {
                if (metric instanceof Counter c && List.of("delivered", "retried", "dropped", "failed").contains(name)) {
                    sums.merge(name, c.getCount(), Long::sum);
                }
            });
        }
        return sums;
    }
}
