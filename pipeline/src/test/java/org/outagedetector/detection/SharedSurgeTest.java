package org.outagedetector.detection;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.outagedetector.aggregation.MinutePeople;
import org.outagedetector.aggregation.ServiceMinute;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.ingest.StatusUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big live event through the job's last three operators, each in Flink's test harness as the job connects
 * them: the stream's load gauged from two subtasks' sketches, attached to each service's minute, and the
 * keyed detector. For three hours 2,000 people a minute post something other than an outage report; then for
 * an hour 16,000 do (a final), and every service's everyday complaints rise eightfold with them, while gmail
 * really goes down twenty minutes into it.
 */
class SharedSurgeTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T17:00:00Z").toEpochMilli();
    private static final long SURGE = 180;
    private static final long GMAIL_DOWN = SURGE + 20;
    /** Everyday complaints per minute. */
    private static final Map<String, Double> USUAL = new TreeMap<>(Map.of("acme", 3.0, "gmail", 3.0, "twitter", 20.0));

    private final SplittableRandom rng = new SplittableRandom(11);

    private int poisson(double mean) {
        // Knuth's method for small means, a rounded normal for large ones.
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /** Runs 4 hours; the detector's alerts, with or without the stream's load wired in. */
    private List<AlertEvent> run(boolean withLoad) throws Exception {
        DetectorConfig cfg = DetectorConfig.defaults();
        try (KeyedOneInputStreamOperatorTestHarness<Integer, MinutePeople, StreamLoad> gauge =
                     StreamLoadOperatorsTest.gauge(cfg);
             KeyedBroadcastOperatorTestHarness<String, ServiceMinute, StreamLoad, ServiceMinute> attach =
                     ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                             new AttachStreamLoad(cfg.stepMillis), (ServiceMinute m) -> m.service, Types.STRING,
                             AttachStreamLoad.LOADS);
             KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, AlertEvent> detector =
                     new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new SpikeDetector(cfg)),
                             m -> m.service, u -> u.service, Types.STRING)) {
            gauge.open();
            detector.open();
            int loadsSeen = 0;
            int minutesSeen = 0;
            for (long m = 0; m < SURGE + 60; m++) {
                long start = T0 + m * MINUTE;
                long end = start + MINUTE - 1;
                boolean surge = m >= SURGE;
                int people = surge ? 16_000 : 2_000;
                // Two source subtasks, each with its own crowd of the minute (ids differ from minute to minute).
                int base = (int) (m * 20_000);
                gauge.processElement(new StreamRecord<>(StreamLoadOperatorsTest.part(start, base, base + people / 2), end));
                gauge.processElement(new StreamRecord<>(
                        StreamLoadOperatorsTest.part(start, base + people / 2, base + people), end));
                gauge.processWatermark(new Watermark(end));
                List<StreamLoad> loads = gauge.extractOutputValues();
                for (StreamLoad load : loads.subList(loadsSeen, loads.size())) {
                    attach.processBroadcastElement(new StreamRecord<>(load, end));
                }
                loadsSeen = loads.size();

                for (var usual : USUAL.entrySet()) {
                    int authors = poisson(usual.getValue() * (surge ? 8 : 1));
                    if (usual.getKey().equals("gmail") && m >= GMAIL_DOWN) {
                        authors += 60;
                    }
                    if (authors > 0) {
                        attach.processElement(new StreamRecord<>(new ServiceMinute(usual.getKey(), true, start,
                                start + MINUTE, authors, authors, List.of(), List.of()), end));
                    }
                }
                attach.watermark(end);
                List<ServiceMinute> attached = attach.extractOutputValues();
                for (ServiceMinute minute : attached.subList(minutesSeen, attached.size())) {
                    assertThat(minute.load).as("the load of the same minute").isNotNull()
                            .satisfies(l -> assertThat(l.minuteStart).isEqualTo(minute.windowStart));
                    if (!withLoad) {
                        minute.load = null;
                    }
                    detector.processElement1(new StreamRecord<>(minute, end));
                }
                minutesSeen = attached.size();
                detector.processBothWatermarks(new Watermark(end));
            }
            return detector.extractOutputValues();
        }
    }

    @Test
    void aSharedSurgeRaisesNothingWhileAnOutageDuringItStillOpens() throws Exception {
        List<AlertEvent> opens = run(true).stream().filter(a -> a.state.equals(AlertEvent.OPEN)).toList();
        assertThat(opens).extracting(a -> a.service).containsExactly("gmail");
        assertThat(opens.get(0).detectedAt).isBetween(T0 + (GMAIL_DOWN + 1) * MINUTE, T0 + (GMAIL_DOWN + 3) * MINUTE);
    }

    @Test
    void withoutTheLoadTheSameSurgeRaisesFalseAlerts() throws Exception {
        assertThat(run(false)).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).extracting(a -> a.service)
                .contains("acme", "twitter");
    }
}
