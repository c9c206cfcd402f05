package org.outagedetector.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaBrokerIT {

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        long start = System.nanoTime();
        broker = LocalKafkaBroker.start();
        System.out.printf("broker_start_ms=%d%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsTopicsWithTheRequestedPartitions() throws Exception {
        broker.createTopic("three-partitions", 3);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var description = admin.describeTopics(List.of("three-partitions")).allTopicNames().get().get("three-partitions");
            assertThat(description.partitions()).hasSize(3).allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void whatIsProducedCanBeConsumed() throws Exception {
        broker.createTopic("plain", 2);
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "post-" + i).toList();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of()))) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>("plain", value, value)).get();
            }
        }

        assertThat(readAll("plain", 2, "read_uncommitted")).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnly() {
        broker.createTopic("transactional", 1);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-broker-it",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "committed-1"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "committed-2"));
            producer.commitTransaction();
        }

        assertThat(readAll("transactional", 1, "read_committed")).containsExactly("committed-1", "committed-2");
        assertThat(readAll("transactional", 1, "read_uncommitted")).containsExactly("committed-1", "aborted", "committed-2");
    }

    @Test
    void closeDeletesTheDataDirectory() {
        LocalKafkaBroker second = LocalKafkaBroker.start();
        assertThat(second.directory()).isDirectoryContaining(p -> p.getFileName().toString().equals("data"));

        second.close();

        assertThat(second.directory()).doesNotExist();
    }

    private static Map<String, Object> producerConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        config.putAll(extra);
        return config;
    }

    /** Reads a topic from the beginning up to its end offsets as seen with the given isolation level. */
    private static List<String> readAll(String topic, int partitions, String isolationLevel) {
        List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("read %s before the deadline", topic).isLessThan(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
