package org.outagedetector.detection;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeverIdleTest {

    @Test
    void passesRecordsAndWatermarksButNeverAnIdleStatus() throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<String, String>(new NeverIdle<>())) {
            h.open();
            h.processElement(new StreamRecord<>("16:08", 10L));
            h.processWatermark(new Watermark(20L));
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processElement(new StreamRecord<>("16:09", 30L));
            h.processWatermark(new Watermark(40L));

            assertThat(h.getOutput()).containsExactly(new StreamRecord<>("16:08", 10L), new Watermark(20L),
                    new StreamRecord<>("16:09", 30L), new Watermark(40L));
        }
    }
}
