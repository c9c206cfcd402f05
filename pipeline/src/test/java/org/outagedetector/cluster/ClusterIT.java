package org.outagedetector.cluster;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.testing.KafkaClients;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: the shaded jar on a real Flink session cluster (JobManager and TaskManager as separate JVMs),
 * uploaded and started over REST with the `run` command, against a real Kafka broker. An outage in the posts
 * must come out as alerts on the alert topic (read committed: the sink is transactional) and on a webhook.
 */
class ClusterIT {

    private static final Path JOB_JAR = Path.of("target", "outage-detector.jar");
    private static final Instant OUTAGE_START = Instant.parse("2012-06-21T16:00:00Z");
    private static final Instant STATEMENT = Instant.parse("2012-06-21T16:40:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void theJarOnAClusterAlertsOnKafkaAndAWebhookBeforeTheOfficialStatement() throws Exception {
        Scenario scenario = new Scenario(twoHoursOfEverydayTrafficThenATwitterOutage());
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start();
             WebhookRecorder webhook = WebhookRecorder.start();
             FlinkProcessCluster cluster = FlinkProcessCluster.start(Path.of("target", "cluster-it"), 2)) {
            kafka.createTopic("posts", 2);
            kafka.createTopic("status", 1);
            kafka.createTopic("alerts", 1);
            kafka.createTopic("dead-letters", 1);
            KafkaClients.sendScenario(kafka, scenario);

            FlinkRestClient rest = cluster.rest();
            String jarId = rest.uploadJar(JOB_JAR);
            String jobId = rest.runJar(jarId, null, List.of("run",
                    "--bootstrap-servers", kafka.bootstrapServers(),
                    "--posts-topic", "posts",
                    "--status-topic", "status",
                    "--alerts-topic", "alerts",
                    "--dead-letter-topic", "dead-letters",
                    "--group-id", "it",
                    "--starting-offsets", "earliest",
                    "--checkpoint-interval", "2s",
                    // Once the single statement is read, its partition must not hold event time back for long.
                    "--idle-timeout", "3s",
                    "--webhook", "generic=" + webhook.url()), 2);
            cluster.awaitJobState(jobId, "RUNNING", Duration.ofSeconds(60));

            List<AlertEvent> alerts = new ArrayList<>();
            try (KafkaConsumer<String, String> reader = KafkaClients.reader(kafka, "alerts", true)) {
                cluster.awaitUntil("the open and the acknowledgement on the alert topic", TIMEOUT, () -> {
                    requireRunning(rest, jobId);
                    reader.poll(Duration.ofMillis(500)).forEach(r -> alerts.add(AlertJson.read(r.value())));
                    return acknowledged(alerts);
                });
            }
            AlertEvent open = alerts.get(0);
            assertThat(open.service).isEqualTo("twitter");
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
            assertThat(Instant.ofEpochMilli(open.detectedAt))
                    .isBetween(OUTAGE_START.plusSeconds(60), OUTAGE_START.plus(Duration.ofMinutes(6)));
            assertThat(alerts).extracting(a -> a.service).containsOnly("twitter");
            assertThat(alerts).extracting(a -> a.alertId).containsOnly(open.alertId);
            AlertEvent ack = alerts.stream().filter(ClusterIT::isAck).findFirst().orElseThrow();
            assertThat(ack.officialAckAt).isEqualTo(STATEMENT.toEpochMilli());
            assertThat(ack.leadTimeSeconds).isEqualTo((STATEMENT.toEpochMilli() - open.detectedAt) / 1000).isPositive();

            cluster.awaitUntil("the open and the acknowledgement on the webhook", TIMEOUT,
                    () -> {
                        requireRunning(rest, jobId);
                        return acknowledged(webhook.bodies().stream().map(AlertJson::read).toList());
                    });
            List<AlertEvent> hooked = webhook.bodies().stream().map(AlertJson::read).toList();
            assertThat(hooked).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).first()
                    .isEqualTo(open);
            assertThat(hooked).filteredOn(ClusterIT::isAck).first()
                    .satisfies(a -> assertThat(a.eventKey()).isEqualTo(ack.eventKey()));

            rest.cancel(jobId);
            cluster.awaitJobState(jobId, "CANCELED", Duration.ofSeconds(60));
        }
    }

    /**
     * Two hours of everyday traffic (chatter and a few complaints a minute about several services, from
     * many people), then Twitter goes down at 16:00 with dozens of people a minute; the official word
     * comes at 16:40.
     */
    private static ScenarioSpec twoHoursOfEverydayTrafficThenATwitterOutage() {
        return new ScenarioSpec(Instant.parse("2012-06-21T14:00:00Z"), Duration.ofHours(3))
                .chatter(10)
                .background("twitter", 2)
                .background("gmail", 1)
                .background("facebook", 1)
                .outage("twitter", "2012-06-21T16:00:00Z", "2012-06-21T16:50:00Z", 60)
                .statement("twitter", STATEMENT.toString(), "investigating",
                        "Users may be experiencing issues accessing Twitter. Our engineers are working on it.");
    }

    private static boolean isAck(AlertEvent a) {
        return a.hasOfficialAck() && a.state.equals(AlertEvent.UPDATE);
    }

    private static boolean acknowledged(List<AlertEvent> alerts) {
        return alerts.stream().anyMatch(a -> a.state.equals(AlertEvent.OPEN))
                && alerts.stream().anyMatch(ClusterIT::isAck);
    }

    /** Fails at once, with the cluster's account of why, if the job stopped instead of running on. */
    private static void requireRunning(FlinkRestClient rest, String jobId) {
        String state = rest.jobState(jobId);
        if (List.of("FAILED", "FAILING", "CANCELED", "FINISHED").contains(state)) {
            throw new IllegalStateException("the job is " + state + ": " + rest.jobExceptions(jobId));
        }
    }
}
