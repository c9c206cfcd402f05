package org.outagedetector.aggregation;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.outagedetector.ingest.Post;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The per-subtask sketch of people per minute, in Flink's operator test harness. */
class CountPeoplePerMinuteTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    private static OneInputStreamOperatorTestHarness<Post, MinutePeople> harness() throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new CountPeoplePerMinute(MINUTE));
    }

    private static void post(OneInputStreamOperatorTestHarness<Post, MinutePeople> h, String author, long at)
            throws Exception {
        h.processElement(new StreamRecord<>(new Post(null, author, "lovely day", at, "en"), at));
    }

    /** The sketches emitted so far, as "minute:people@timestamp", skipping the forwarded watermarks. */
    private static List<String> minutes(OneInputStreamOperatorTestHarness<Post, MinutePeople> h) {
        return h.getOutput().stream().filter(o -> o instanceof StreamRecord).map(o -> {
            @SuppressWarnings("unchecked")
            StreamRecord<MinutePeople> r = (StreamRecord<MinutePeople>) o;
            return (r.getValue().minuteStart - T0) / MINUTE + ":" + Math.round(r.getValue().estimate()) + "@"
                    + (r.getTimestamp() - T0);
        }).toList();
    }

    @Test
    void sketchesEachMinutesPeopleAndEmitsThemWhenTheWatermarkPasses() throws Exception {
        try (var h = harness()) {
            h.open();
            post(h, "alice", T0 + 1_000);
            for (int i = 0; i < 500; i++) {
                post(h, "bot", T0 + 2_000 + i); // one account posting 500 times is one person
            }
            post(h, "carol", T0 + MINUTE + 5); // the next minute, then a late-ish post of the first
            post(h, "dave", T0 + 59_999);
            h.processWatermark(new Watermark(T0 + MINUTE - 2));
            assertThat(minutes(h)).isEmpty();
            h.processWatermark(new Watermark(T0 + MINUTE - 1));
            assertThat(minutes(h)).containsExactly("0:3@" + (MINUTE - 1));
            // The sketch comes before the watermark that completes its minute, so downstream timers see it.
            assertThat(h.getOutput().toArray()[2]).isInstanceOf(Watermark.class);
            h.processWatermark(new Watermark(T0 + 10 * MINUTE));
            assertThat(minutes(h)).containsExactly("0:3@" + (MINUTE - 1), "1:1@" + (2 * MINUTE - 1));
        }
    }

    @Test
    void aPostWhoseMinuteThePassedWatermarkClosedIsNotCounted() throws Exception {
        try (var h = harness()) {
            h.open();
            post(h, "alice", T0 + 1_000);
            h.processWatermark(new Watermark(T0 + MINUTE - 1));
            post(h, "bob", T0 + 2_000);       // too late for minute 0: its load is out
            post(h, "carol", T0 + MINUTE + 1);
            h.processWatermark(new Watermark(T0 + 2 * MINUTE - 1));
            assertThat(minutes(h)).containsExactly("0:1@" + (MINUTE - 1), "1:1@" + (2 * MINUTE - 1));
        }
    }

    @Test
    void openMinutesSurviveACheckpointAndMergeWhenSubtasksAreCombined() throws Exception {
        OperatorSubtaskState first;
        OperatorSubtaskState second;
        try (var h = harness()) {
            h.open();
            post(h, "alice", T0 + 1_000);
            post(h, "bob", T0 + 2_000);
            first = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.open();
            post(h, "bob", T0 + 3_000);   // seen by both subtasks: still one person
            post(h, "carol", T0 + 4_000);
            second = h.snapshot(1, 1);
        }
        try (var h = new OneInputStreamOperatorTestHarness<>(new CountPeoplePerMinute(MINUTE), 1, 1, 0)) {
            h.initializeState(AbstractStreamOperatorTestHarness.repackageState(first, second));
            h.open();
            post(h, "dave", T0 + 5_000);
            h.processWatermark(new Watermark(T0 + MINUTE - 1));
            assertThat(h.extractOutputValues()).singleElement()
                    .satisfies(m -> assertThat(m.estimate()).isCloseTo(4, within(0.5)));
        }
    }
}
