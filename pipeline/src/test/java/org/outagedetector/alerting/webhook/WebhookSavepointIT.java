package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertEvent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook's URL token is rotated across a stop with savepoint (Slack, Teams and Discord keep it in the path):
 * the job restores without {@code --allowNonRestoredState}, and the deliveries pending at the savepoint go to
 * the new URL, in their order. (With an operator id hashed from the whole URL, the restore was refused.)
 */
class WebhookSavepointIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static final String OLD = "/services/T0/B0/OLDTOKEN";
    private static final String NEW = "/services/T0/B0/NEWTOKEN";

    @TempDir
    Path dir;

    @Test
    void aRotatedTokenKeepsThePendingDeliveries() throws Exception {
        // The old token is revoked: 503 until the job is stopped; the new one works.
        try (TestWebhookServer hook = TestWebhookServer.start((request, index) ->
                TestWebhookServer.Response.of(request.path().equals(NEW) ? 200 : 503))) {
            JobClient first = start(URI.create("http://127.0.0.1:" + hook.port() + OLD), null);
            // The first event has been tried (and refused) at least twice: it is pending at the savepoint.
            assertThat(hook.awaitRequests(2, Duration.ofSeconds(60))).isTrue();
            String savepoint = first.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get();

            JobClient second = start(URI.create("http://127.0.0.1:" + hook.port() + NEW), savepoint);
            try {
                CommonTestUtils.waitUtil(() -> delivered(hook).size() >= 10, Duration.ofSeconds(60),
                        Duration.ofMillis(50), "ten deliveries to the new URL");
                assertThat(second.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
                // From the first event on, none lost and none out of order.
                assertThat(delivered(hook).subList(0, 10)).containsExactlyElementsOf(
                        IntStream.range(0, 10).mapToObj(n -> TestAlerts.update("twitter", n).detectedAt).toList());
            } finally {
                second.cancel().get();
            }
        }
    }

    /** The detected_at of each event the new URL took, in arrival order. */
    private static List<Long> delivered(TestWebhookServer hook) {
        return hook.requests().stream().filter(r -> r.path().equals(NEW))
                .map(r -> Instant.parse(r.json().get("detected_at").asText()).toEpochMilli()).toList();
    }

    /** A job that raises an event of one incident every 100 ms and sends it to a Slack-style webhook. */
    private static JobClient start(URI hook, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        DataStream<AlertEvent> alerts = env.fromSource(new DataGeneratorSource<>(
                        n -> TestAlerts.update("twitter", n.intValue()), 1_000_000, RateLimiterStrategy.perSecond(10),
                        TypeInformation.of(AlertEvent.class)), WatermarkStrategy.noWatermarks(), "alerts")
                .uid("alerts");
        WebhookSettings settings = WebhookSettings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        new WebhookOutput(List.of(new WebhookTarget(WebhookFormat.GENERIC, hook)), settings).attach(alerts);
        return env.executeAsync("webhook token rotation");
    }
}
