package org.outagedetector.ingest;

import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.outagedetector.scenario.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** The sources of raw records (UTF-8 bytes, one JSON object each) for the job graph. */
public final class Sources {

    private Sources() {}

    /** Where a Kafka source starts when the group has no committed offsets (or always, for earliest/latest). */
    public enum StartingOffsets { EARLIEST, LATEST, COMMITTED }

    /** An endless topic, as production reads it. */
    public static Source<byte[], ?, ?> kafka(String bootstrapServers, String topic, String groupId,
                                             StartingOffsets start, Properties clientProperties) {
        return kafka(bootstrapServers, topic, groupId, start, clientProperties, false);
    }

    /** {@code bounded}: stop at the offsets that are latest when the job starts (benchmarks over a loaded topic). */
    public static Source<byte[], ?, ?> kafka(String bootstrapServers, String topic, String groupId,
                                             StartingOffsets start, Properties clientProperties, boolean bounded) {
        OffsetsInitializer offsets = switch (start) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
        var builder = KafkaSource.<byte[]>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(offsets)
                .setProperties(clientProperties)
                .setDeserializer(new ValueBytes());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * A Kafka record's value as it is. A record without one (a tombstone, a producer's bug) is read as no bytes:
     * a dead letter ("empty record"), where a null would fail the job at the source, and again on every restore.
     */
    static final class ValueBytes implements KafkaRecordDeserializationSchema<byte[]> {
        private static final byte[] NO_VALUE = new byte[0];

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<byte[]> out) {
            out.collect(record.value() == null ? NO_VALUE : record.value());
        }

        @Override
        public TypeInformation<byte[]> getProducedType() {
            return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
        }
    }

    /** A JSON-lines file (or a directory of them), read once. */
    public static Source<byte[], ?, ?> jsonLines(java.nio.file.Path file) {
        return FileSource.forRecordStreamFormat(new JsonLinesFormat(), new Path(file.toAbsolutePath().toUri()))
                .build();
    }

    /** A generated scenario, post by post, as fast as the job takes it. */
    public static Source<byte[], ?, ?> scenario(Scenario scenario) {
        return generator(scenario::post, scenario.size(), RateLimiterStrategy.noOp());
    }

    /**
     * A generated scenario for {@code readers} parallel readers that move through event time together. The
     * plain generator gives each reader one contiguous block of posts, so at parallelism 2 one reader starts
     * halfway through the scenario and every window it opens waits, in state, for the other: over a long
     * scenario that is half of it held in memory. Here reader k of n takes posts k, k + n, k + 2n, ...
     */
    public static Source<byte[], ?, ?> scenario(Scenario scenario, int readers) {
        return generator(new Interleaved(scenario, readers), scenario.size(), RateLimiterStrategy.noOp());
    }

    /**
     * Maps the generator's index to a post so that each of the contiguous, nearly equal blocks the generator
     * hands its readers (the first {@code size % readers} one longer) is every readers-th post. A bijection
     * on [0, size) whatever the blocks are; only how well the readers keep together depends on them.
     */
    static final class Interleaved implements GeneratorFunction<Long, byte[]> {
        private final Scenario scenario;
        private final long readers;
        private final long base;
        private final long longer;

        Interleaved(Scenario scenario, int readers) {
            if (readers < 1) {
                throw new IllegalArgumentException("readers must be at least 1, got " + readers);
            }
            this.scenario = scenario;
            this.readers = readers;
            this.base = scenario.size() / readers;
            this.longer = scenario.size() % readers;
        }

        @Override
        public byte[] map(Long index) {
            return scenario.post(postOf(index));
        }

        long postOf(long index) {
            long inLonger = longer * (base + 1);
            long block = index < inLonger ? index / (base + 1) : longer + (index - inLonger) / Math.max(base, 1);
            long offset = index - (block < longer ? block * (base + 1) : inLonger + (block - longer) * base);
            return offset * readers + block;
        }
    }

    /** A generated scenario at a fixed rate (shared by the parallel readers): a live-looking stream. */
    public static Source<byte[], ?, ?> scenario(Scenario scenario, double postsPerSecond) {
        return generator(scenario::post, scenario.size(), RateLimiterStrategy.perSecond(postsPerSecond));
    }

    /** Fixed records (statements of a scenario, records in tests). */
    public static Source<byte[], ?, ?> lines(List<String> lines) {
        List<String> copy = List.copyOf(lines);
        return generator(i -> copy.get(i.intValue()).getBytes(StandardCharsets.UTF_8), copy.size(),
                RateLimiterStrategy.noOp());
    }

    private static Source<byte[], ?, ?> generator(GeneratorFunction<Long, byte[]> records, long count,
                                                  RateLimiterStrategy rate) {
        return new DataGeneratorSource<>(records, count, rate, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }
}
