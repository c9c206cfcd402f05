package org.outagedetector.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka clients the integration tests use to feed the job and read what it wrote. */
public final class KafkaClients {

    private KafkaClients() {}

    public static KafkaProducer<byte[], byte[]> producer(LocalKafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 10), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends posts {@code from} (inclusive) to {@code to} (exclusive) of the scenario to the "posts" topic. */
    public static void sendPosts(KafkaProducer<byte[], byte[]> producer, Scenario scenario, long from, long to) {
        for (long i = from; i < to; i++) {
            producer.send(new ProducerRecord<>("posts", scenario.post(i)));
        }
        producer.flush();
    }

    /**
     * Sends the scenario's posts of minutes [{@code from}, {@code to}) as a live stream sped up {@code speedup}
     * times: one event-time minute at a time, each post to the next of the topic's {@code partitions} in turn,
     * as a firehose feeds every partition at once.
     */
    public static void streamPosts(KafkaProducer<byte[], byte[]> producer, Scenario scenario, Instant from,
                                   Instant to, int partitions, int speedup) throws InterruptedException {
        long wallStart = System.nanoTime();
        long minutes = Duration.between(from, to).toMinutes();
        for (long m = 0; m < minutes; m++) {
            long end = scenario.firstPostAt(from.plus(Duration.ofMinutes(m + 1)));
            for (long i = scenario.firstPostAt(from.plus(Duration.ofMinutes(m))); i < end; i++) {
                producer.send(new ProducerRecord<>("posts", (int) (i % partitions), null, scenario.post(i)));
            }
            long due = wallStart + Duration.ofMinutes(m + 1).toNanos() / speedup;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        }
        producer.flush();
    }

    /** Sends the scenario's official statements to the "status" topic. */
    public static void sendStatements(KafkaProducer<byte[], byte[]> producer, Scenario scenario) {
        for (String statement : scenario.statements()) {
            producer.send(new ProducerRecord<>("status", statement.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** Sends the scenario's statements and all of its posts. */
    public static void sendScenario(LocalKafkaBroker kafka, Scenario scenario) {
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            sendStatements(producer, scenario);
            sendPosts(producer, scenario, 0, scenario.size());
        }
    }

    /**
     * A consumer of a whole topic from its start, in a group of its own. {@code readCommitted}: see only
     * committed transactions, as consumers of the alert topic must.
     */
    public static KafkaConsumer<String, String> reader(LocalKafkaBroker kafka, String topic, boolean readCommitted) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Reads what a topic holds now, from its start to its end offsets (all of it, since nothing else writes). */
    public static List<String> readToEnd(LocalKafkaBroker kafka, String topic) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader(kafka, topic, false)) {
            consumer.poll(Duration.ofMillis(100));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            consumer.seekToBeginning(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
            }
        }
        return seen;
    }

    /** Reads a topic from its start until {@code done} holds for the values read; fails at the deadline. */
    public static List<String> readUntil(LocalKafkaBroker kafka, String topic, boolean readCommitted,
                                         Duration timeout, Predicate<List<String>> done) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = reader(kafka, topic, readCommitted)) {
            while (!done.test(seen)) {
                assertThat(System.nanoTime()).as("waiting on topic %s; read so far: %s", topic, seen)
                        .isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
            }
        }
        return seen;
    }
}
