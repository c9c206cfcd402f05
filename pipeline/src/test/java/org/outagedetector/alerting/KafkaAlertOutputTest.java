package org.outagedetector.alerting;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAlertOutputTest {

    @Test
    void anAlertIsKeyedByServiceAndStampedWhenWrittenNotWithItsEventTime() {
        AlertEvent alert = new AlertEvent();
        alert.alertId = "twitter-20120621T1600Z";
        alert.service = "twitter";
        alert.state = AlertEvent.OPEN;
        alert.reason = "opened";
        alert.detectedAt = Instant.parse("2012-06-21T16:02:00Z").toEpochMilli();

        ProducerRecord<byte[], byte[]> record = KafkaAlertOutput.records("alerts").serialize(alert, null,
                alert.detectedAt);

        assertThat(record.topic()).isEqualTo("alerts");
        assertThat(record.timestamp()).isNull();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("twitter");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(AlertJson.write(alert))
                .contains("\"detected_at\":\"2012-06-21T16:02:00Z\"");
    }
}
