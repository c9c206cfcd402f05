package org.outagedetector.cli;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    /** The rejected post's own time (here two hours ahead) is the Flink timestamp; the record must not carry it. */
    @Test
    void aDeadLetterIsStampedWhenWrittenNotWithThePostsTime() {
        long twoHoursAhead = System.currentTimeMillis() + 7_200_000L;
        String line = "{\"raw\":\"{\\\"created_at\\\":" + twoHoursAhead + "}\",\"reason\":\"missing required field 'text'\"}";
        ProducerRecord<byte[], byte[]> record =
                RunCommand.deadLetterRecords("dead-letters").serialize(line, null, twoHoursAhead);
        assertThat(record.topic()).isEqualTo("dead-letters");
        assertThat(record.timestamp()).isNull();
        assertThat(record.key()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(line);
    }
}
