package org.outagedetector.ingest;

import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SourcesTest {

    /** A tombstone's null value once failed the job at the source; it reads as an empty record, a dead letter. */
    @Test
    void aKafkaRecordWithoutAValueIsReadAsAnEmptyRecord() throws Exception {
        List<byte[]> read = new ArrayList<>();
        Collector<byte[]> out = new Collector<>() {
            @Override
            public void collect(byte[] record) {
                read.add(record);
            }

            @Override
            public void close() {}
        };
        byte[] post = "{\"text\":\"is twitter down?\"}".getBytes(StandardCharsets.UTF_8);
        new Sources.ValueBytes().deserialize(new ConsumerRecord<>("posts", 0, 0L, null, post), out);
        new Sources.ValueBytes().deserialize(new ConsumerRecord<>("posts", 0, 1L, null, null), out);
        assertThat(read).containsExactly(post, new byte[0]);
        assertThat(EventTime.timeOf(read.get(1))).isEqualTo(EventTime.UNTIMED);
        assertThat(catchThrowable(() -> new PostParser().parse(read.get(1))))
                .isInstanceOf(InvalidRecordException.class).hasMessage("empty record");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void interleavedReadersEachTakeEveryNthPostAndTogetherAllOfThemOnce(int readers) {
        Scenario scenario = new Scenario(
                new ScenarioSpec(Instant.parse("2012-06-21T14:00:00Z"), Duration.ofMinutes(30)).chatter(7.3));
        long size = scenario.size();
        Sources.Interleaved interleaved = new Sources.Interleaved(scenario, readers);

        // The generator's blocks: contiguous, the first size % readers of them one longer.
        Set<Long> posts = new HashSet<>();
        long index = 0;
        for (int block = 0; block < readers; block++) {
            long length = size / readers + (block < size % readers ? 1 : 0);
            for (long offset = 0; offset < length; offset++, index++) {
                long post = interleaved.postOf(index);
                assertThat(post).isEqualTo(offset * readers + block);
                posts.add(post);
            }
        }
        assertThat(index).isEqualTo(size);
        assertThat(posts).hasSize((int) size).allSatisfy(p -> assertThat(p).isBetween(0L, size - 1));
    }
}
