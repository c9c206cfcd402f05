package org.outagedetector.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.scenario.Scenarios;
import org.outagedetector.testing.KafkaClients;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade with a savepoint keeps what the job has learned: a job stopped with a savepoint after a day of
 * everyday traffic and started again from it judges the outage against the learned baseline, not the prior.
 */
class SavepointRestoreIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static LocalKafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaBroker.start();
        for (String topic : List.of("posts", "status", "alerts", "dead-letters")) {
            kafka.createTopic(topic, topic.equals("posts") ? 2 : 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void baselinesSurviveAStopWithSavepointAndARestart() throws Exception {
        ScenarioSpec day = Scenarios.twitter2012();
        day.start = Instant.parse("2012-06-20T12:00:00Z");
        day.length = Duration.ofHours(24);           // ends 2012-06-21 12:00, before Twitter's outage
        ScenarioSpec afternoon = Scenarios.twitter2012();
        afternoon.start = Instant.parse("2012-06-21T12:00:00Z");
        afternoon.length = Duration.ofHours(6);

        long firstPart = produce(new Scenario(day));
        JobClient first = start(null);
        awaitCommittedOffsets(firstPart);
        String savepoint = first.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();

        produce(new Scenario(afternoon));
        JobClient second = start(savepoint);
        try {
            AlertEvent open = awaitTwitterOpen();
            // Without the restored state twitter would be a new service judged against the prior (0.05).
            assertThat(open.expected).isGreaterThan(0.3);
            assertThat(open.detectedAt).isBetween(Instant.parse("2012-06-21T16:01:00Z").toEpochMilli(),
                    Instant.parse("2012-06-21T16:03:00Z").toEpochMilli());
        } finally {
            second.cancel().get();
        }
    }

    private JobClient start(String savepoint) throws Exception {
        RunCommand run = new RunCommand();
        Main.commandLine(run).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--group-id", "upgrade",
                "--starting-offsets", "committed", "--checkpoint-interval", "1s", "--idle-timeout", "3s",
                "--parallelism", "2");
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        run.buildOn(env);
        return env.executeAsync("upgrade-it");
    }

    private static long produce(Scenario scenario) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            KafkaClients.sendPosts(producer, scenario, 0, scenario.size());
        }
        return scenario.size();
    }

    /** The job commits its offsets with each checkpoint: once they cover the topic, it has read everything. */
    private static void awaitCommittedOffsets(long expected) throws Exception {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                long committed = admin.listConsumerGroupOffsets("upgrade").partitionsToOffsetAndMetadata().get()
                        .entrySet().stream().filter(e -> e.getKey().topic().equals("posts"))
                        .map(e -> e.getValue()).mapToLong(OffsetAndMetadata::offset).sum();
                if (committed >= expected) {
                    return;
                }
                assertThat(System.nanoTime()).as("committed %d of %d posts", committed, expected).isLessThan(deadline);
                Thread.sleep(200); // polling a broker: there is no event to wait on
            }
        }
    }

    private static AlertEvent awaitTwitterOpen() {
        return KafkaClients.readUntil(kafka, "alerts", true, Duration.ofMinutes(3),
                        seen -> seen.stream().map(AlertJson::read).anyMatch(SavepointRestoreIT::isTwitterOpen))
                .stream().map(AlertJson::read).filter(SavepointRestoreIT::isTwitterOpen).findFirst().orElseThrow();
    }

    private static boolean isTwitterOpen(AlertEvent a) {
        return a.service.equals("twitter") && a.state.equals(AlertEvent.OPEN);
    }
}
