package org.outagedetector.ingest;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParseOrDeadLetterTest {

    private static final long T = 1_340_294_400_000L; // 2012-06-21T16:00:00Z
    private static final byte[] POST =
            "{\"text\":\"is twitter down?\",\"created_at\":\"2012-06-21T16:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPostTheSourceTimedGoesOnWithItsTime() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(ParseOrDeadLetter.timedAtSource(new PostParser()))) {
            h.processElement(POST, T);
            assertThat(h.extractOutputStreamRecords()).singleElement()
                    .satisfies(r -> assertThat(r.getTimestamp()).isEqualTo(T))
                    .satisfies(r -> assertThat(r.getValue().createdAt).isEqualTo(T));
            assertThat(h.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS)).isNull();
        }
    }

    /** The source's check and the parser's see the clock a moment apart: a post between them must not go on untimed. */
    @Test
    void aPostTheSourceCouldNotTimeIsADeadLetterEvenIfItParses() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(ParseOrDeadLetter.timedAtSource(new PostParser()))) {
            h.processElement(POST, EventTime.UNTIMED);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS)).singleElement()
                    .satisfies(d -> assertThat(d.getValue().reason).contains("no event time"))
                    .satisfies(d -> assertThat(d.getValue().raw).isEqualTo(new String(POST, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theParsersReasonComesFirst() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(ParseOrDeadLetter.timedAtSource(new PostParser()))) {
            h.processElement("{\"text\": truncated".getBytes(StandardCharsets.UTF_8), EventTime.UNTIMED);
            assertThat(h.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS)).singleElement()
                    .satisfies(d -> assertThat(d.getValue().reason).startsWith("malformed JSON"));
        }
    }

    /** A failure the parser did not foresee would fail the job, and again after every restore: it is a dead letter. */
    @Test
    void aParserThatThrowsUnexpectedlyGivesADeadLetter() throws Exception {
        RecordParser<String> broken = raw -> {
            throw new IllegalStateException("a bug");
        };
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new ParseOrDeadLetter<>(broken))) {
            h.processElement(new StreamRecord<>(POST));
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS)).singleElement()
                    .satisfies(d -> assertThat(d.getValue().reason).contains("could not be parsed")
                            .contains("IllegalStateException: a bug"));
        }
    }

    /** Statements take their time after parsing: the source gives them none. */
    @Test
    void recordsNotTimedAtTheSourceNeedNoTime() throws Exception {
        try (OneInputStreamOperatorTestHarness<byte[], StatusUpdate> h =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ParseOrDeadLetter<>(new StatusParser()))) {
            h.processElement(new StreamRecord<>(("{\"service\":\"twitter\",\"time\":\"2012-06-21T16:30:00Z\","
                    + "\"status\":\"investigating\",\"text\":\"Looking into it.\"}").getBytes(StandardCharsets.UTF_8)));
            assertThat(h.extractOutputValues()).singleElement().satisfies(u -> assertThat(u.time).isEqualTo(T + 1_800_000));
        }
    }
}
