package org.outagedetector.cli;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.scenario.Scenarios;
import org.outagedetector.testing.KafkaClients;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints taken by earlier releases restore in this build with what they learned: an upgrade ("stop with
 * savepoint, deploy the new jar, start from the savepoint") keeps each service's baseline even when the state's
 * classes have changed since (fields added to the detector's POJOs) and operators were added (they start
 * empty; no {@code allowNonRestoredState} is needed, as nothing is dropped). Each directory under
 * {@code savepoints/} is one release's fixture, written by {@link WriteSavepointFixture} after the day of
 * {@link UpgradeRuns#day()}; see {@code savepoints/README.md}.
 * <p>
 * The afternoon after that day has a Twitter outage in two stages: 20 people a minute from 12:10, then 200 from
 * 12:35. A job that knows Twitter (warmed up, a baseline of about half a person a minute) opens on the first
 * stage; to a job that has never heard of Twitter the first stage is a new service's crowd below the cold-start
 * bar (50 people), so it opens only on the second. {@link #withoutASavepointTwitterIsNewAndItsSmallOutageGoesUnseen}
 * shows that difference, so the fixtures' test fails if their state were silently dropped.
 */
class SavepointCompatibilityIT {

    private static final Instant SECOND_STAGE = UpgradeRuns.DAY_END.plus(Duration.ofMinutes(35));

    /**
     * Twice the largest parallelism a case runs at: a cancelled job frees its slots only once its tasks are done
     * cancelling (Flink waits up to three minutes for that). With exactly 3 slots, one clean-clone run's case at
     * parallelism 3 saw no alert at all in its three minutes and printed nothing, most likely never scheduled.
     */
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(6)
                    .build());

    /** Every fixture, restored into each state backend (a canonical savepoint may change backend). */
    static Stream<Arguments> fixturesAndBackends() throws IOException, URISyntaxException {
        return fixtures().stream().flatMap(f -> Stream.of("hashmap", "rocksdb").map(b -> Arguments.of(named(f), b)));
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(SavepointCompatibilityIT.class.getResource("/savepoints").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> fixtures = dirs.filter(d -> Files.isDirectory(d.resolve("savepoint"))).sorted().toList();
            assertThat(fixtures).as("savepoint fixtures in %s", root).isNotEmpty();
            return fixtures;
        }
    }

    private static Named<Path> named(Path fixture) {
        return Named.of(fixture.getFileName().toString(), fixture);
    }

    @ParameterizedTest(name = "savepoint of {0} into {1}")
    @MethodSource("fixturesAndBackends")
    void theLearnedBaselineJudgesTheFirstOutageAfterTheUpgrade(Path fixture, String backend) throws Exception {
        upgradeAndAwaitTheFirstStage(fixture, backend, 2);
    }

    /**
     * Every fixture (taken at parallelism 2) restored at parallelism 1 and 3: keyed state is spread over the new
     * subtasks by key group, the operator state (sketches of open minutes, the open-incident count, the Kafka
     * splits) is merged or split, and the broadcast loads are copied to every subtask. The same learned
     * baseline must judge the outage.
     */
    @ParameterizedTest(name = "savepoint of {0} at parallelism {1}")
    @MethodSource("fixturesAndParallelisms")
    void theLearnedBaselineSurvivesARescale(Path fixture, int parallelism) throws Exception {
        upgradeAndAwaitTheFirstStage(fixture, "hashmap", parallelism);
    }

    static Stream<Arguments> fixturesAndParallelisms() throws IOException, URISyntaxException {
        return fixtures().stream().flatMap(f -> Stream.of(1, 3).map(p -> Arguments.of(named(f), p)));
    }

    private static void upgradeAndAwaitTheFirstStage(Path fixture, String backend, int parallelism) throws Exception {
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            UpgradeRuns.createTopics(kafka);
            skipWhatTheSavepointHasRead(kafka, fixture.resolve("offsets.properties"));
            UpgradeRuns.produce(kafka, new Scenario(afternoon()));
            // The state's time to live counts wall-clock time since the fixture was taken: with the default 30 days
            // every service would be forgotten a month later (restored with 1 minute, a quarter of an hour after
            // the fixture was taken, Twitter was new: opened at 12:37 against 10.7 expected, as without one).
            JobClient job = UpgradeRuns.start(kafka, fixture.resolve("savepoint").toUri().toString(), parallelism,
                    "--group-id", UpgradeRuns.GROUP, "--job-name", UpgradeRuns.GROUP, "--state-ttl", "36500d", "--state-backend", backend);
            try {
                AlertEvent open = UpgradeRuns.awaitOpen(kafka, "alerts", "twitter");
                assertThat(Instant.ofEpochMilli(open.detectedAt)).as("opened in the first stage")
                        .isBetween(Instant.parse("2012-06-21T12:11:00Z"), Instant.parse("2012-06-21T12:20:00Z"));
                // The day's level at noon (about 0.5 people a minute), not the prior of a new service (0.05).
                assertThat(open.expected).isBetween(0.3, 1.0);
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    void withoutASavepointTwitterIsNewAndItsSmallOutageGoesUnseen() throws Exception {
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            UpgradeRuns.createTopics(kafka);
            UpgradeRuns.produce(kafka, new Scenario(afternoon()));
            JobClient job = UpgradeRuns.start(kafka, null, "--group-id", "fresh", "--job-name", "fresh");
            try {
                AlertEvent open = UpgradeRuns.awaitOpen(kafka, "alerts", "twitter");
                assertThat(Instant.ofEpochMilli(open.detectedAt)).as("opened only in the second stage")
                        .isAfter(SECOND_STAGE);
            } finally {
                job.cancel().get();
            }
        }
    }

    /**
     * The hour after {@link UpgradeRuns#DAY_END}: the day's everyday traffic goes on, and Twitter's outage
     * comes in two stages, 20 people a minute from 12:10 to 12:30, then 200 from 12:35 to 12:45.
     */
    private static ScenarioSpec afternoon() {
        ScenarioSpec s = Scenarios.twitter2012();
        s.start = UpgradeRuns.DAY_END;
        s.length = Duration.ofMinutes(55);
        s.outages.clear();
        s.decoys.clear();
        s.botBursts.clear();
        s.statements.clear();
        return s.outage("twitter", "2012-06-21T12:10:00Z", "2012-06-21T12:30:00Z", 20)
                .outage("twitter", SECOND_STAGE.toString(), "2012-06-21T12:45:00Z", 200);
    }

    /**
     * The savepoint's Kafka source resumes each partition at the offset it had read to, in a broker that no
     * longer exists: this broker's partitions are filled up to those offsets (with records the job never reads)
     * so that the afternoon comes next, as it would in the broker the job was stopped on.
     */
    private static void skipWhatTheSavepointHasRead(LocalKafkaBroker kafka, Path offsets) throws IOException {
        Properties read = new Properties();
        try (Reader r = Files.newBufferedReader(offsets)) {
            read.load(r);
        }
        byte[] filler = "read before the savepoint".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka)) {
            for (String partition : read.stringPropertyNames()) {
                int dash = partition.lastIndexOf('-');
                String topic = partition.substring(0, dash);
                int number = Integer.parseInt(partition.substring(dash + 1));
                for (long i = Long.parseLong(read.getProperty(partition)); i > 0; i--) {
                    producer.send(new ProducerRecord<>(topic, number, null, filler));
                }
            }
            producer.flush();
        }
    }
}
