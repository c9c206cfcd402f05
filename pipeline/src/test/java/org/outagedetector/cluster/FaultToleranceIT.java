package org.outagedetector.cluster;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.testing.KafkaClients;
import org.outagedetector.testing.TestScenarios;
import org.outagedetector.testing.UndisturbedRun;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the TaskManager is killed with SIGKILL in the middle of an outage. The job restarts from its last
 * checkpoint on a new TaskManager, and the alert topic (read committed) holds exactly the alerts of an
 * undisturbed run: one open, nothing doubled, nothing lost, and baselines that were not reset.
 */
class FaultToleranceIT {

    private static final Path JOB_JAR = Path.of("target", "outage-detector.jar");
    private static final Instant KILL_AFTER = Instant.parse("2012-06-21T16:10:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void aKilledTaskManagerNeitherLosesNorDoublesAlerts() throws Exception {
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        List<String> undisturbed = UndisturbedRun.alertsUpToFirstResolution(scenario);
        AlertEvent lastExpected = AlertJson.read(undisturbed.get(undisturbed.size() - 1));
        assertThat(lastExpected.state).isEqualTo(AlertEvent.RESOLVED);

        try (LocalKafkaBroker kafka = LocalKafkaBroker.start();
             FlinkProcessCluster cluster = FlinkProcessCluster.start(Path.of("target", "fault-tolerance-it"), 2);
             KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            for (String topic : List.of("posts", "status", "alerts", "dead-letters")) {
                kafka.createTopic(topic, topic.equals("posts") ? 2 : 1);
            }
            KafkaClients.sendStatements(producer, scenario);
            long split = scenario.firstPostAt(KILL_AFTER);
            KafkaClients.sendPosts(producer, scenario, 0, split);

            FlinkRestClient rest = cluster.rest();
            String jobId = rest.runJar(rest.uploadJar(JOB_JAR), null, List.of("run",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", "fault-it",
                    "--starting-offsets", "earliest", "--checkpoint-interval", "2s", "--idle-timeout", "3s"), 2);
            cluster.awaitJobState(jobId, "RUNNING", Duration.ofSeconds(90));

            List<String> alerts = new ArrayList<>();
            try (KafkaConsumer<String, String> reader = KafkaClients.reader(kafka, "alerts", true)) {
                cluster.awaitUntil("twitter's open alert before the crash", TIMEOUT, () -> {
                    reader.poll(Duration.ofMillis(500)).forEach(r -> alerts.add(r.value()));
                    return alerts.stream().map(AlertJson::read).anyMatch(a -> a.state.equals(AlertEvent.OPEN));
                });

                cluster.killTaskManager();
                cluster.startTaskManager();
                cluster.awaitTaskManagers(1);
                KafkaClients.sendPosts(producer, scenario, split, scenario.size());

                cluster.awaitUntil("the incident's resolution after the restart", TIMEOUT, () -> {
                    reader.poll(Duration.ofMillis(500)).forEach(r -> alerts.add(r.value()));
                    return alerts.stream().map(AlertJson::read).anyMatch(a -> a.eventKey().equals(lastExpected.eventKey()));
                });
            }
            assertThat(alerts.stream().map(AlertJson::read).filter(a -> a.state.equals(AlertEvent.OPEN))).hasSize(1);
            assertThat(alerts.stream().sorted().toList()).isEqualTo(undisturbed.stream().sorted().toList());
            rest.cancel(jobId);
        }
    }
}
