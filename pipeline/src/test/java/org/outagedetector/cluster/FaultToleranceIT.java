package org.outagedetector.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.testing.KafkaClients;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKilledTaskManagerNeitherLosesNorDoublesAlerts() throws Exception {
        Scenario scenario = new Scenario(new ScenarioSpec(Instant.parse("2012-06-21T14:00:00Z"), Duration.ofMinutes(210))
                .chatter(10)
                .background("twitter", 2)
                .background("gmail", 1)
                .outage("twitter", "2012-06-21T16:00:00Z", "2012-06-21T16:40:00Z", 60)
                .statement("twitter", "2012-06-21T16:30:00Z", "investigating", "Looking into it."));
        List<String> undisturbed = undisturbedRun(scenario);
        AlertEvent lastExpected = AlertJson.read(undisturbed.get(undisturbed.size() - 1));
        assertThat(lastExpected.state).isEqualTo(AlertEvent.RESOLVED);

        try (LocalKafkaBroker kafka = LocalKafkaBroker.start();
             FlinkProcessCluster cluster = FlinkProcessCluster.start(Path.of("target", "fault-tolerance-it"), 2);
             KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            for (String topic : List.of("posts", "status", "alerts", "dead-letters")) {
                kafka.createTopic(topic, topic.equals("posts") ? 2 : 1);
            }
            KafkaClients.sendStatements(producer, scenario);
            long split = 0;
            while (split < scenario.size() && createdAt(scenario.post(split)) < KILL_AFTER.toEpochMilli()) {
                split++;
            }
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

    /** The same graph over the same posts in this JVM, without a crash: what the topic must hold. */
    private static List<String> undisturbedRun(Scenario scenario) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<AlertEvent> alerts = OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())),
                new OutageDetectorJob.Outputs(List.of(), null), OutageDetectorJob.Timing.replay(),
                DetectorConfig.defaults());
        List<AlertEvent> out = new ArrayList<>();
        try (CloseableIterator<AlertEvent> it = alerts.executeAndCollect("undisturbed")) {
            it.forEachRemaining(out::add);
        }
        // The replay ends with a final watermark that closes everything; the live topic only gets as far as
        // the posts' event time allows, which is past the incident's resolution.
        long resolvedAt = out.stream().filter(a -> a.state.equals(AlertEvent.RESOLVED)).mapToLong(a -> a.detectedAt)
                .min().orElseThrow();
        return out.stream().filter(a -> a.detectedAt <= resolvedAt)
                .sorted((a, b) -> Long.compare(a.detectedAt, b.detectedAt)).map(AlertJson::write).toList();
    }

    private static long createdAt(byte[] post) {
        try {
            return Instant.parse(JSON.readTree(post).get("created_at").asText()).toEpochMilli();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
