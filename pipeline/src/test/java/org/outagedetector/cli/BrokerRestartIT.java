package org.outagedetector.cli;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.testing.KafkaClients;
import org.outagedetector.testing.TestScenarios;
import org.outagedetector.testing.UndisturbedRun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the Kafka broker restarts (down for 10 s) under the running job in the middle of an outage, while
 * the posts flow. The job rides it out (failing over if it must), the alert topic, read committed, holds exactly
 * the undisturbed run's alerts, and no post is dead-lettered as late. The restart pauses every partition at
 * once; when they resume, none may move event time past posts the others still hold ({@code RejoiningIdleness}),
 * and the stream's load may not move the detector past minutes still on their way ({@code NeverIdle}).
 */
class BrokerRestartIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void aBrokerRestartNeitherLosesNorDoublesAlerts() throws Exception {
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        List<String> undisturbed = UndisturbedRun.alertsUpToFirstResolution(scenario);
        AlertEvent lastExpected = AlertJson.read(undisturbed.get(undisturbed.size() - 1));
        Instant split = Instant.parse("2012-06-21T16:10:00Z");
        Instant restartAt = Instant.parse("2012-06-21T16:15:00Z");
        Instant end = scenario.spec().start.plus(scenario.spec().length);

        try (LocalKafkaBroker kafka = LocalKafkaBroker.start();
             KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            for (String topic : List.of("posts", "status", "alerts", "dead-letters")) {
                kafka.createTopic(topic, topic.equals("posts") ? 2 : 1);
            }
            KafkaClients.sendStatements(producer, scenario);
            KafkaClients.sendPosts(producer, scenario, 0, scenario.firstPostAt(split));

            RunCommand run = new RunCommand();
            Main.commandLine(run).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--group-id",
                    "restart-it", "--starting-offsets", "earliest", "--checkpoint-interval", "1s",
                    "--idle-timeout", "3s", "--parallelism", "2");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            run.buildOn(env);
            JobClient job = env.executeAsync("broker-restart-it");
            try {
                KafkaClients.readUntil(kafka, "alerts", true, Duration.ofMinutes(3),
                        seen -> seen.stream().map(AlertJson::read).anyMatch(a -> a.state.equals(AlertEvent.OPEN)));

                // The posts flow live (300 times faster than real time) into both partitions; the broker goes
                // down mid-stream for longer than the idle timeout, so every partition goes idle together, and
                // the producer delivers what it buffered once the broker is back.
                KafkaClients.streamPosts(producer, scenario, split, restartAt, 2, 300);
                CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                    try {
                        KafkaClients.streamPosts(producer, scenario, restartAt, end, 2, 300);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                kafka.restart(Duration.ofSeconds(10));
                rest.get(2, TimeUnit.MINUTES);

                List<String> alerts = KafkaClients.readUntil(kafka, "alerts", true, Duration.ofMinutes(4),
                        seen -> seen.stream().map(AlertJson::read)
                                .anyMatch(a -> a.eventKey().equals(lastExpected.eventKey())));
                assertThat(alerts.stream().map(AlertJson::read).filter(a -> a.state.equals(AlertEvent.OPEN)))
                        .hasSize(1);
                assertThat(alerts.stream().sorted().toList()).isEqualTo(undisturbed.stream().sorted().toList());
                // No mention came after its minute was judged: none became a late dead letter.
                assertThat(KafkaClients.readToEnd(kafka, "dead-letters")).isEmpty();
            } finally {
                job.cancel().get();
            }
        }
    }
}
