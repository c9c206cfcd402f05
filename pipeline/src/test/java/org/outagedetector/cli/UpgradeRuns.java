package org.outagedetector.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of an upgrade: the production {@code run} job on a MiniCluster reading the in-process broker, fed
 * a day of everyday traffic, stopped with a savepoint, started again from one. Shared by the upgrade tests and
 * by {@link WriteSavepointFixture}, which {@code eval/make-savepoint-fixture.sh} also copies into the checkout
 * of an earlier release: so this class uses only what releases since 942d312 have (RunCommand, KafkaClients,
 * the scenarios), nothing newer.
 */
final class UpgradeRuns {

    /** The consumer group (and job name) of the job being upgraded. */
    static final String GROUP = "upgrade";
    /** Where the day before the outage ends: the savepoint fixtures' state was learned up to here. */
    static final Instant DAY_END = Instant.parse("2012-06-21T12:00:00Z");

    private UpgradeRuns() {}

    /** The topics of {@code run}'s defaults: posts (two partitions), statements, alerts, dead letters. */
    static void createTopics(LocalKafkaBroker kafka) {
        kafka.createTopic("posts", 2);
        kafka.createTopic("status", 1);
        kafka.createTopic("alerts", 1);
        kafka.createTopic("dead-letters", 1);
    }

    /**
     * The 24 hours of the Twitter 2012 scenario before {@link #DAY_END} (seed 42): seventeen services learn
     * their baselines; Tumblr's small outage opens and resolves, with its statement; Netflix's news and a bot
     * burst about Gmail pass. The statements after the day are left out: they belong to the afternoon.
     */
    static ScenarioSpec day() {
        ScenarioSpec day = Scenarios.twitter2012();
        day.start = DAY_END.minus(Duration.ofHours(24));
        day.length = Duration.ofHours(24);
        day.statements.removeIf(s -> !s.time().isBefore(DAY_END));
        return day;
    }

    /** Sends the scenario's statements and posts to the default topics; returns how many posts. */
    static long produce(LocalKafkaBroker kafka, Scenario scenario) {
        KafkaClients.sendScenario(kafka, scenario);
        return scenario.size();
    }

    /**
     * Starts {@code run} with {@code args} after the common ones (the broker, committed offsets, a checkpoint a
     * second, parallelism 2), from {@code savepoint} unless it is null.
     */
    static JobClient start(LocalKafkaBroker kafka, String savepoint, String... args) throws Exception {
        return start(kafka, savepoint, 2, args);
    }

    /** As {@link #start(LocalKafkaBroker, String, String...)}, at another parallelism (a rescale). */
    static JobClient start(LocalKafkaBroker kafka, String savepoint, int parallelism, String... args)
            throws Exception {
        RunCommand run = new RunCommand();
        String[] common = {"--bootstrap-servers", kafka.bootstrapServers(), "--starting-offsets", "committed",
                "--checkpoint-interval", "1s", "--idle-timeout", "3s", "--parallelism", Integer.toString(parallelism)};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        Main.commandLine(run).parseArgs(all);
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        run.buildOn(env);
        return env.executeAsync(run.jobName);
    }

    /** The job commits its offsets with each checkpoint: once they cover the posts, it has read everything. */
    static void awaitCommittedOffsets(LocalKafkaBroker kafka, String group, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Admin admin = admin(kafka)) {
            while (true) {
                long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .entrySet().stream().filter(e -> e.getKey().topic().equals("posts"))
                        .map(Map.Entry::getValue).mapToLong(OffsetAndMetadata::offset).sum();
                if (committed >= expected) {
                    return;
                }
                assertThat(System.nanoTime()).as("committed %d of %d posts", committed, expected).isLessThan(deadline);
                Thread.sleep(200); // polling a broker: there is no event to wait on
            }
        }
    }

    /** Stops the job with a savepoint in the portable (canonical) format; returns its path. */
    static String stopWithSavepoint(JobClient job, Path dir) throws Exception {
        return job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL).get();
    }

    /** The end offset of every partition of the posts and statements topics, as "topic-partition" to offset. */
    static Map<String, Long> endOffsets(LocalKafkaBroker kafka) throws Exception {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of("posts", "status"))
                    .allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<String, Long> out = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, o) -> out.put(tp.toString(), o.offset()));
            return out;
        }
    }

    /** Reads {@code topic} until {@code service} opens an incident; returns that open event. */
    static AlertEvent awaitOpen(LocalKafkaBroker kafka, String topic, String service) {
        return KafkaClients.readUntil(kafka, topic, true, Duration.ofMinutes(3),
                        seen -> seen.stream().map(AlertJson::read).anyMatch(a -> opens(a, service)))
                .stream().map(AlertJson::read).filter(a -> opens(a, service)).findFirst().orElseThrow();
    }

    private static boolean opens(AlertEvent a, String service) {
        return a.service.equals(service) && a.state.equals(AlertEvent.OPEN);
    }

    private static Admin admin(LocalKafkaBroker kafka) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(p);
    }
}
