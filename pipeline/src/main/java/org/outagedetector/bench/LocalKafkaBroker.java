package org.outagedetector.bench;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one), running in this JVM from Kafka's
 * own server classes, on free loopback ports, with its data in a fresh temporary directory. Configured for
 * one node: every internal topic (consumer offsets, transaction state) has one replica, so consumer groups
 * and transactional producers work. Closing it stops the broker and deletes the directory.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final String bootstrapServers;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private LocalKafkaBroker(Path dir, String bootstrapServers, KafkaConfig config, KafkaRaftServer server) {
        this.dir = dir;
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.server = server;
    }

    /** Formats storage in a new temporary directory and starts the broker; returns once it serves clients. */
    public static LocalKafkaBroker start() {
        Path dir = createTempDir();
        try {
            int brokerPort = LoopbackPorts.free();
            int controllerPort = LoopbackPorts.free();
            KafkaConfig config = new KafkaConfig(config(dir, brokerPort, controllerPort), false);
            format(config, dir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            // startup() returns once the broker is unfenced, i.e. ready for clients.
            server.startup();
            return new LocalKafkaBroker(dir, "127.0.0.1:" + brokerPort, config, server);
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker, keeps it down for {@code downtime}, and starts it again on the same ports and data, as a
     * broker restart in production would: clients see it vanish and come back, and nothing written before is
     * lost.
     */
    public void restart(Duration downtime) throws InterruptedException {
        server.shutdown();
        server.awaitShutdown();
        Thread.sleep(downtime.toMillis());
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** The temporary directory holding the broker's logs and metadata. */
    Path directory() {
        return dir;
    }

    /** Creates a topic with one replica per partition and waits until every partition has a leader. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            awaitLeaders(admin, name, partitions);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteRecursively(dir);
        }
    }

    private static Map<String, String> config(Path dir, int brokerPort, int controllerPort) {
        String data = dir.resolve("data").toString();
        Map<String, String> c = new HashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", String.valueOf(NODE_ID));
        c.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        c.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        c.put("controller.listener.names", CONTROLLER_LISTENER);
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("log.dirs", data);
        c.put("metadata.log.dir", data);
        // One node: internal topics can only have one replica, and fewer partitions start faster.
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "1");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", "1");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("min.insync.replicas", "1");
        c.put("default.replication.factor", "1");
        // Flink's exactly-once Kafka sink may ask for transaction timeouts above the 15-minute default cap.
        c.put("transaction.max.timeout.ms", String.valueOf(Duration.ofHours(1).toMillis()));
        // No one joins later: start group rebalances at once instead of waiting 3 s for more members.
        c.put("group.initial.rebalance.delay.ms", "0");
        // Keep every record: alerts carry their event time as timestamp (2012 in the scenarios), which time-based
        // retention deletes at its first check, 30 s after the start, even before a reader has seen them.
        c.put("log.retention.ms", "-1");
        // The log cleaner's default 128 MiB dedupe buffer is far more than a test broker needs.
        c.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        c.put("num.io.threads", "2");
        c.put("num.network.threads", "2");
        return c;
    }

    /** What `kafka-storage.sh format` does: writes the cluster id and bootstrap metadata into the log dir. */
    private static void format(KafkaConfig config, Path dir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setDirectories(List.of(dir.resolve("data").toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + dir, e);
        }
    }

    private static void awaitLeaders(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        while (!hasLeaders(admin, topic, partitions)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no leader after " + TOPIC_READY_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    private static boolean hasLeaders(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
        } catch (ExecutionException e) {
            // The broker may learn of the new topic a moment after the controller created it.
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("local-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
