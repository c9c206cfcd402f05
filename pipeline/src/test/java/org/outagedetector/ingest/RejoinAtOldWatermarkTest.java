package org.outagedetector.ingest;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RejoinAtOldWatermarkTest {

    private static final long T = 1_340_294_400_000L; // 2012-06-21T16:00:00Z
    private static final byte[] POST = new byte[] {'{', '}'};

    private OneInputStreamOperatorTestHarness<byte[], byte[]> h;

    @BeforeEach
    void open() throws Exception {
        h = new OneInputStreamOperatorTestHarness<>(new RejoinAtOldWatermark<>(Duration.ofSeconds(3)));
        h.open();
        h.setProcessingTime(1_000);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** What went downstream since the last call: watermarks, statuses and record timestamps, in order. */
    private List<String> sent() {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof Watermark w) {
                out.add("watermark " + (w.getTimestamp() - T));
            } else if (o instanceof WatermarkStatus s) {
                out.add(s.isIdle() ? "idle" : "active");
            } else if (o instanceof StreamRecord<?> r) {
                out.add("post " + (r.getTimestamp() - T));
            }
        }
        h.getOutput().clear();
        return out;
    }

    private void goIdleAt(long watermark) throws Exception {
        h.processWatermark(new Watermark(T + watermark));
        h.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(sent()).containsExactly("watermark " + watermark, "idle");
    }

    @Test
    void whileTheSourceIsActiveEverythingPassesAtOnce() throws Exception {
        h.processElement(POST, T + 5);
        h.processWatermark(new Watermark(T));
        h.processElement(POST, T + 9);
        h.processWatermark(new Watermark(T + 4));
        assertThat(sent()).containsExactly("post 5", "watermark 0", "post 9", "watermark 4");
    }

    /** The source sends no active status for a partition back at its old watermark: this operator does. */
    @Test
    void aSubtaskReadingAgainIsActiveAtOnceAndMovesEventTimeAfterOneIdleTimeout() throws Exception {
        goIdleAt(0);
        h.setProcessingTime(10_000);
        h.processElement(POST, T + 60_000);
        assertThat(sent()).containsExactly("active", "post 60000");

        h.setProcessingTime(11_000);
        h.processWatermark(new Watermark(T + 30_000));
        assertThat(sent()).isEmpty();
        h.setProcessingTime(13_000);
        assertThat(sent()).containsExactly("watermark 30000");
        h.processWatermark(new Watermark(T + 31_000));
        assertThat(sent()).containsExactly("watermark 31000");
    }

    @Test
    void heldActiveWhileItsSourceStaysIdleASilenceMakesItIdleAgain() throws Exception {
        goIdleAt(0);
        h.setProcessingTime(10_000);
        h.processElement(POST, T + 1_000);
        h.setProcessingTime(12_000);
        h.processElement(POST, T + 2_000);
        assertThat(sent()).containsExactly("active", "post 1000", "post 2000");
        h.setProcessingTime(14_500);
        assertThat(sent()).isEmpty();
        h.setProcessingTime(15_001);
        assertThat(sent()).containsExactly("idle");
    }

    @Test
    void untimedPostsWakeNothing() throws Exception {
        goIdleAt(0);
        h.setProcessingTime(10_000);
        h.processElement(POST, EventTime.UNTIMED);
        h.setProcessingTime(20_000);
        assertThat(sent()).containsExactly("post " + (EventTime.UNTIMED - T));
    }

    @Test
    void theSourceGoingIdleAgainEndsTheHold() throws Exception {
        goIdleAt(0);
        h.setProcessingTime(10_000);
        h.processElement(POST, T + 1_000);
        h.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(sent()).containsExactly("active", "post 1000", "idle");
    }

    @Test
    void theInputsEndPassesTheFinalWatermarkEvenDuringAHold() throws Exception {
        goIdleAt(0);
        h.setProcessingTime(10_000);
        h.processElement(POST, T + 1_000);
        h.processWatermarkStatus(WatermarkStatus.ACTIVE);
        h.processWatermark(Watermark.MAX_WATERMARK);
        assertThat(sent()).containsExactly("active", "post 1000");
        h.getOneInputOperator().finish();
        assertThat(h.getOutput()).containsExactly(Watermark.MAX_WATERMARK);
    }
}
