package org.outagedetector.alerting;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Alerts to a Kafka topic, keyed by service so one service's alerts stay in order, written in Kafka
 * transactions committed with each checkpoint (exactly once for consumers reading committed records).
 */
public class KafkaAlertOutput implements AlertOutput {
    private final String bootstrapServers;
    private final String topic;
    private final String transactionalIdPrefix;
    private final Properties producerProperties;

    public KafkaAlertOutput(String bootstrapServers, String topic, String transactionalIdPrefix,
                            Properties producerProperties) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.producerProperties = producerProperties;
    }

    @Override
    public void attach(DataStream<AlertEvent> alerts) {
        KafkaSink<AlertEvent> sink = KafkaSink.<AlertEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(producerProperties)
                .setRecordSerializer(records(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
        alerts.sinkTo(sink).name("kafka-alerts").uid("kafka-alerts");
    }

    /**
     * Alerts keyed by service, stamped when written (the producer's clock): their event times are in the JSON.
     * Stamped with event time, the alerts of a replay of old data (2012) would be deleted by the topic's
     * time-based retention at once, and consumers seeking by time would find them years back.
     */
    static KafkaRecordSerializationSchema<AlertEvent> records(String topic) {
        return (alert, ctx, timestamp) -> new ProducerRecord<>(topic, null, null,
                alert.service.getBytes(StandardCharsets.UTF_8), AlertJson.write(alert).getBytes(StandardCharsets.UTF_8));
    }
}
