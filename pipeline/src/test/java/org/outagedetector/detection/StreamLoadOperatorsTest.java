package org.outagedetector.detection;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.outagedetector.aggregation.MinutePeople;
import org.outagedetector.aggregation.ServiceMinute;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The operators that gather the stream's load and attach it to each service's minute, in Flink's harnesses. */
class StreamLoadOperatorsTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    /** One subtask's sketch of a minute: people [from, to). */
    static MinutePeople part(long minuteStart, int from, int to) {
        MinutePeople sketch = new MinutePeople(minuteStart);
        for (int i = from; i < to; i++) {
            sketch.add("u" + i);
        }
        return sketch;
    }

    static KeyedOneInputStreamOperatorTestHarness<Integer, MinutePeople, StreamLoad> gauge(DetectorConfig cfg)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new GaugeStreamLoad(cfg)),
                p -> GaugeStreamLoad.WHOLE_STREAM, Types.INT);
    }

    @Test
    void gaugesTheWholeStreamOncePerMinuteFromEverySubtasksPart() throws Exception {
        DetectorConfig cfg = DetectorConfig.defaults();
        try (var h = gauge(cfg)) {
            h.open();
            for (long m = 0; m < 181; m++) {
                long end = T0 + (m + 1) * MINUTE - 1;
                int people = m == 180 ? 8_000 : 1_000;
                // Two subtasks; a tenth of the people post through both.
                h.processElement(new StreamRecord<>(part(T0 + m * MINUTE, 0, people * 6 / 10), end));
                h.processElement(new StreamRecord<>(part(T0 + m * MINUTE, people / 2, people), end));
                h.processWatermark(new Watermark(end));
            }
            List<StreamLoad> loads = h.extractOutputValues();
            assertThat(loads).hasSize(181);
            assertThat(loads.get(0).minuteStart).isEqualTo(T0);
            assertThat(loads.get(0).expectedPeople).isZero(); // warming up
            StreamLoad ordinary = loads.get(179);
            assertThat(ordinary.people).isCloseTo(1_000, within(30.0));
            assertThat(ordinary.expectedPeople).isCloseTo(1_000, within(50.0));
            assertThat(ordinary.surgeFactor(cfg)).isEqualTo(1.0);
            StreamLoad surge = loads.get(180);
            assertThat(surge.people).isCloseTo(8_000, within(3 * MinutePeople.RELATIVE_ERROR * 8_000));
            assertThat(surge.surgeFactor(cfg)).isBetween(6.5, 8.0);

            // A part from a subtask that was idle and fell behind: its minute has been judged, so it is dropped.
            h.processElement(new StreamRecord<>(part(T0 + 100 * MINUTE, 0, 50_000), T0 + 101 * MINUTE - 1));
            h.processWatermark(new Watermark(T0 + 200 * MINUTE));
            assertThat(h.extractOutputValues()).hasSize(181);
        }
    }

    private static ServiceMinute minute(String service, long m) {
        long start = T0 + m * MINUTE;
        return new ServiceMinute(service, true, start, start + MINUTE, 20, 12, List.of(), List.of());
    }

    private static StreamLoad load(long m, double people) {
        return new StreamLoad(T0 + m * MINUTE, people, 1_000, 0);
    }

    @Test
    void eachServicesMinuteGetsTheLoadOfTheSameMinuteInMinuteOrder() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, ServiceMinute, StreamLoad, ServiceMinute> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new AttachStreamLoad(MINUTE),
                        (ServiceMinute m) -> m.service, Types.STRING, AttachStreamLoad.LOADS);
        try (h) {
            // Minute 0: the service's minute first; it waits for the load and the watermark.
            h.processElement(new StreamRecord<>(minute("acme", 0), T0 + MINUTE - 1));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processBroadcastElement(new StreamRecord<>(load(0, 5_000), T0 + MINUTE - 1));
            // Minute 1 and its load, from the subtask that gathers the loads, before the watermark of minute 0:
            // still minute 0 comes first.
            h.processElement(new StreamRecord<>(minute("acme", 1), T0 + 2 * MINUTE - 1));
            h.processBroadcastElement(new StreamRecord<>(load(1, 900), T0 + 2 * MINUTE - 1));
            assertThat(h.extractOutputValues()).isEmpty();
            h.watermark(T0 + MINUTE - 1);
            h.watermark(T0 + 2 * MINUTE - 1);
            // Minute 2: no load came (nobody posted anything else): judged without one rather than held.
            h.processElement(new StreamRecord<>(minute("acme", 2), T0 + 3 * MINUTE - 1));
            h.watermark(T0 + 3 * MINUTE - 1);

            assertThat(h.extractOutputValues()).extracting(m -> (m.windowStart - T0) / MINUTE + ":"
                    + (m.load == null ? "none" : Math.round(m.load.people))).containsExactly("0:5000", "1:900", "2:none");
            // The loads of minutes the watermark has passed are not kept.
            h.processBroadcastElement(new StreamRecord<>(load(3, 1_000), T0 + 4 * MINUTE - 1));
            assertThat(h.getBroadcastState(AttachStreamLoad.LOADS).immutableEntries())
                    .extracting(e -> (e.getKey() - T0) / MINUTE).containsExactly(3L);
        }
    }
}
