package org.outagedetector.alerting.webhook;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.testing.ReportingCluster;
import org.outagedetector.testing.TestScenarios;
import org.outagedetector.testing.UndisturbedRun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook that answers 503 for two minutes while the job runs over a live-paced scenario, then comes back:
 * the rest of the job never waits for it (the alert stream, which the Kafka topic gets, carries every alert
 * during the outage), and once it is back it gets each alert event of the undisturbed run, with the same
 * idempotency key on every attempt. The one long test of the suite: the outage is measured in minutes.
 */
class WebhookOutageIT {

    private static final Duration OUTAGE = Duration.ofMinutes(2);
    /** About 10,000 posts over about 50 s: the watermark moves on all through the outage, as it does live. */
    private static final double POSTS_PER_SECOND = 200;
    /** More than the scenario's alerts, so none is shed: this test is about waiting out an outage. */
    private static final int MAX_IN_FLIGHT = 8;

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ReportingCluster.reportingTo(METRICS);

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void alertsWaitOutAWebhookOutageOfMinutesWithoutHoldingUpTheJob() throws Exception {
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        List<AlertEvent> undisturbed = UndisturbedRun.alerts(scenario);
        assertThat(undisturbed).hasSizeBetween(3, MAX_IN_FLIGHT);

        AtomicBoolean up = new AtomicBoolean(false);
        List<TestWebhookServer.Request> accepted = new CopyOnWriteArrayList<>();
        try (TestWebhookServer webhook = TestWebhookServer.start((request, index) -> {
            if (!up.get()) {
                return TestWebhookServer.Response.of(503);
            }
            accepted.add(request);
            return TestWebhookServer.Response.of(200);
        })) {
            WebhookTarget target = new WebhookTarget(WebhookFormat.GENERIC, webhook.uri());
            // Retries at most 2 s apart, for up to 10 minutes: the alerts outlive the outage.
            WebhookSettings settings = WebhookSettings.defaults()
                    .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                    .withRetryFor(Duration.ofMinutes(10))
                    .withMaxInFlight(MAX_IN_FLIGHT);

            // Parallelism 1: one reader paces the whole stream, so alerts and watermarks alternate as they do live.
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            DataStream<AlertEvent> alerts = OutageDetectorJob.build(env,
                    new OutageDetectorJob.Inputs(Sources.scenario(scenario, POSTS_PER_SECOND),
                            Sources.lines(scenario.statements())),
                    new OutageDetectorJob.Outputs(List.of(new WebhookOutput(List.of(target), settings)), null),
                    OutageDetectorJob.Timing.replay(), DetectorConfig.defaults());
            long started = System.nanoTime();
            try (CloseableIterator<AlertEvent> stream = alerts.collectAsync()) {
                JobClient job = env.executeAsync("webhook down for minutes");

                // The alert stream is never held up: every alert is through while the webhook is still down.
                CompletableFuture<List<AlertEvent>> onTheStream = CompletableFuture.supplyAsync(() -> {
                    List<AlertEvent> seen = new ArrayList<>();
                    while (seen.size() < undisturbed.size() && stream.hasNext()) {
                        seen.add(stream.next());
                    }
                    return seen;
                });
                assertThat(onTheStream).as("every alert on the alert stream while the webhook is down")
                        .succeedsWithin(OUTAGE.minusNanos(System.nanoTime() - started));
                assertThat(json(onTheStream.join())).containsExactlyInAnyOrderElementsOf(json(undisturbed));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

                // The rest of the outage: deliveries keep being retried, all of them held, none shed or given up.
                // Each incident's first event is retried; the ones after it wait their turn.
                Thread.sleep(OUTAGE.minus(elapsed).toMillis());
                assertThat(WebhookMetrics.of(METRICS, job.getJobID(), webhook.port()))
                        .containsEntry("pending", (long) undisturbed.size()).containsEntry("shed", 0L)
                        .containsEntry("failed", 0L).containsEntry("delivered", 0L);
                assertThat(webhook.requests().size()).isGreaterThan(10 * firstOfEachIncident(undisturbed).size());
                assertThat(accepted).isEmpty();

                up.set(true);
                job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
                assertThat(stream.hasNext()).isFalse();

                // Exactly the undisturbed run's alerts, each one once (no attempt timed out, so none twice), and
                // each incident's in its order.
                assertThat(accepted).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrderElementsOf(json(undisturbed));
                for (String incident : firstOfEachIncident(undisturbed).keySet()) {
                    assertThat(accepted).extracting(r -> r.json().get("alert_id").asText() + " "
                                    + new String(r.body(), StandardCharsets.UTF_8))
                            .filteredOn(line -> line.startsWith(incident + " "))
                            .extracting(line -> line.substring(incident.length() + 1))
                            .containsExactlyElementsOf(json(undisturbed.stream()
                                    .filter(e -> e.alertId.equals(incident)).toList()));
                }
                assertThat(WebhookMetrics.of(METRICS, job.getJobID(), webhook.port()))
                        .containsEntry("delivered", (long) undisturbed.size()).containsEntry("pending", 0L)
                        .containsEntry("shed", 0L).containsEntry("failed", 0L);
            }

            // Every attempt at one event, refused or accepted, carried that event's one key.
            Map<String, List<String>> bodiesByKey = webhook.requests().stream().collect(Collectors.groupingBy(
                    r -> r.header(WebhookSender.IDEMPOTENCY_KEY),
                    Collectors.mapping(r -> new String(r.body(), StandardCharsets.UTF_8), Collectors.toList())));
            assertThat(bodiesByKey).hasSize(undisturbed.size());
            for (AlertEvent event : undisturbed) {
                assertThat(bodiesByKey.get(WebhookSender.idempotencyKey(event.eventKey(), target)))
                        .containsOnly(AlertJson.write(event));
            }
            for (AlertEvent first : firstOfEachIncident(undisturbed).values()) {
                assertThat(bodiesByKey.get(WebhookSender.idempotencyKey(first.eventKey(), target))).hasSizeGreaterThan(10);
            }
        }
    }

    /** Each incident's first event, by alert id. */
    private static Map<String, AlertEvent> firstOfEachIncident(List<AlertEvent> events) {
        Map<String, AlertEvent> first = new LinkedHashMap<>();
        events.forEach(e -> first.putIfAbsent(e.alertId, e));
        return first;
    }

    private static List<String> json(List<AlertEvent> events) {
        return events.stream().map(AlertJson::write).toList();
    }
}
