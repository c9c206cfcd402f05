package org.outagedetector.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.scenario.Scenarios;
import org.outagedetector.testing.KafkaClients;
import org.outagedetector.testing.TestScenarios;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** `run`'s graph against a real Kafka broker: posts and statements in, alerts and dead letters out. */
class RunCommandKafkaIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static LocalKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaBroker.start();
        kafka.createTopic("posts", 2);
        kafka.createTopic("status", 1);
        kafka.createTopic("alerts", 1);
        kafka.createTopic("dead-letters", 1);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void alertsAndDeadLettersReachTheirTopics() throws Exception {
        // The demo's afternoon only: six hours around Twitter's outage keep the test short.
        ScenarioSpec afternoon = Scenarios.twitter2012();
        afternoon.start = Instant.parse("2012-06-21T13:00:00Z");
        afternoon.length = Duration.ofHours(6);
        Scenario scenario = new Scenario(afternoon);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            KafkaClients.sendStatements(producer, scenario);
            producer.send(new ProducerRecord<>("posts", 0, null, bytes("{\"text\": truncated")));
            producer.send(new ProducerRecord<>("posts", 0, null, bytes("{\"text\":\"x\",\"created_at\":\"1970-01-01T00:00:00Z\"}")));
            // Each of these once failed the job, and again on every restore, which read the same record:
            // a tombstone (null value), a year java.time reads but epoch milliseconds cannot hold, and a binary
            // record whose escaped dead letter was over the producer's 1 MiB request limit.
            producer.send(new ProducerRecord<>("posts", 0, null, null));
            producer.send(new ProducerRecord<>("posts", 0, null,
                    bytes("{\"text\":\"is twitter down\",\"created_at\":\"+300000000-01-01T00:00:00Z\"}")));
            byte[] binary = new byte[600 * 1024];
            new java.util.SplittableRandom(7).nextBytes(binary);
            producer.send(new ProducerRecord<>("posts", 0, null, binary));
            KafkaClients.sendPosts(producer, scenario, 0, scenario.size());
        }

        JobClient job = run(new Configuration(), false, "--group-id", "it", "--idle-timeout", "3s",
                "--parallelism", "2").executeAsync("run-it");
        try {
            List<AlertEvent> alerts = KafkaClients.readUntil(kafka, "alerts", true, Duration.ofMinutes(3),
                    seen -> seen.stream().map(AlertJson::read).anyMatch(a -> "official_ack".equals(a.reason)
                            && a.service.equals("twitter")))
                    .stream().map(AlertJson::read).toList();
            AlertEvent open = alerts.get(0);
            assertThat(open.service).isEqualTo("twitter");
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
            assertThat(open.detectedAt).isBetween(Instant.parse("2012-06-21T16:01:00Z").toEpochMilli(),
                    Instant.parse("2012-06-21T16:03:00Z").toEpochMilli());
            assertThat(alerts).extracting(a -> a.service).containsOnly("twitter");

            List<String> dead = KafkaClients.readUntil(kafka, "dead-letters", false, Duration.ofMinutes(1),
                    seen -> seen.size() >= 5);
            assertThat(dead).hasSize(5);
            assertThat(dead).anyMatch(d -> d.contains("malformed JSON")).anyMatch(d -> d.contains("1970-01-01"))
                    .anyMatch(d -> d.contains("empty record"))
                    .anyMatch(d -> d.contains("out of range: +300000000-01-01T00:00:00Z"))
                    .anyMatch(d -> d.contains("longer than the limit") && d.contains("raw cut to its first"));
        } finally {
            job.cancel().get();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One subtask reading a backlog from two partitions: the consumer hands over one partition's fetch before
     * the next one's, so the two are read far apart in event time. Each partition keeps its own watermark, so
     * none of the second's posts is late. (With one watermark after the source, emitted here every
     * millisecond, the second partition's posts of the outage's first minutes were dead letters and Twitter
     * opened late.)
     */
    @Test
    void aBacklogOfTwoPartitionsReadByOneSubtaskLosesNoPost() throws Exception {
        kafka.createTopic("backlog-posts", 2);
        kafka.createTopic("backlog-alerts", 1);
        kafka.createTopic("backlog-dead-letters", 1);
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        sendPosts("backlog-posts", scenario, i -> (int) (i % 2));

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(1));
        run(conf, true, "--group-id", "backlog", "--posts-topic", "backlog-posts", "--status-topic", "",
                "--alerts-topic", "backlog-alerts", "--dead-letter-topic", "backlog-dead-letters",
                "--parallelism", "1").execute("backlog-it");

        assertThat(KafkaClients.readToEnd(kafka, "backlog-dead-letters")).isEmpty();
        AlertEvent open = KafkaClients.readToEnd(kafka, "backlog-alerts").stream().map(AlertJson::read)
                .filter(a -> a.state.equals(AlertEvent.OPEN)).findFirst().orElseThrow();
        assertThat(open.service).isEqualTo("twitter");
        assertThat(open.detectedAt).isBetween(Instant.parse("2012-06-21T16:01:00Z").toEpochMilli(),
                Instant.parse("2012-06-21T16:03:00Z").toEpochMilli());
    }

    /** More partitions than anyone writes to: the partition that never gets a post goes idle and holds nothing. */
    @Test
    void aPartitionThatNeverGetsAPostDoesNotHoldEventTimeBack() throws Exception {
        kafka.createTopic("lopsided-posts", 2);
        kafka.createTopic("lopsided-alerts", 1);
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        sendPosts("lopsided-posts", scenario, i -> 0);

        JobClient job = run(new Configuration(), false, "--group-id", "lopsided", "--posts-topic", "lopsided-posts",
                "--status-topic", "", "--alerts-topic", "lopsided-alerts", "--idle-timeout", "3s",
                "--parallelism", "1").executeAsync("lopsided-it");
        try {
            AlertEvent open = KafkaClients.readUntil(kafka, "lopsided-alerts", true, Duration.ofMinutes(2),
                            seen -> !seen.isEmpty())
                    .stream().map(AlertJson::read).findFirst().orElseThrow();
            assertThat(open.service).isEqualTo("twitter");
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
        } finally {
            job.cancel().get();
        }
    }

    /** {@code run}'s graph on this broker, from the earliest offsets, a checkpoint a second, with {@code args}. */
    private static StreamExecutionEnvironment run(Configuration conf, boolean stopAtEndOfTopics, String... args)
            throws Exception {
        RunCommand run = new RunCommand();
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--starting-offsets", "earliest", "--checkpoint-interval", "1s"));
        all.addAll(List.of(args));
        Main.commandLine(run).parseArgs(all.toArray(String[]::new));
        run.stopAtEndOfTopics = stopAtEndOfTopics;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        run.buildOn(env);
        return env;
    }

    /** Sends every post of the scenario to {@code topic}, post i to partition {@code partitionOf(i)}. */
    private static void sendPosts(String topic, Scenario scenario, LongToIntFunction partitionOf) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            for (long i = 0; i < scenario.size(); i++) {
                producer.send(new ProducerRecord<>(topic, partitionOf.applyAsInt(i), null, scenario.post(i)));
            }
        }
    }
}
