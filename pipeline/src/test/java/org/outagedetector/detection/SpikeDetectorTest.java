package org.outagedetector.detection;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedetector.aggregation.ServiceMinute;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.ingest.StatusUpdate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyed detector in Flink: state, event-time timers for silent minutes, statements held until due. */
class SpikeDetectorTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    private KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, AlertEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** The function inside the current harness, to read its gauge. */
    private SpikeDetector detector;

    private KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, AlertEvent> newHarness()
            throws Exception {
        detector = new SpikeDetector(DetectorConfig.defaults());
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(detector),
                m -> m.service, u -> u.service, Types.STRING);
    }

    /** What the window operator does: emit the minute, then the watermark passes its end. */
    private void minute(String service, long m, int authors) throws Exception {
        long start = T0 + m * MINUTE;
        harness.processElement1(new StreamRecord<>(new ServiceMinute(service, true, start, start + MINUTE, authors,
                authors, List.of(), List.of("is " + service + " down?")), start + MINUTE - 1));
        watermark(start + MINUTE - 1);
    }

    /** An outage's first two minutes: the second confirms the first. */
    private void spike(String service, long m, int authors) throws Exception {
        minute(service, m, authors);
        minute(service, m + 1, authors);
    }

    /** What the window operator does with a bot burst: many posts, few distinct authors. */
    private void posts(String service, long m, int posts, int authors) throws Exception {
        long start = T0 + m * MINUTE;
        harness.processElement1(new StreamRecord<>(new ServiceMinute(service, true, start, start + MINUTE, posts,
                authors, List.of(), List.of("is " + service + " down?")), start + MINUTE - 1));
        watermark(start + MINUTE - 1);
    }

    private void watermark(long t) throws Exception {
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(t));
    }

    private List<AlertEvent> alerts() {
        return harness.extractOutputValues();
    }

    private void warmUp(String service) throws Exception {
        for (long m = 0; m < 120; m++) {
            minute(service, m, (int) (m % 3)); // 0, 1, 2 people a minute
        }
    }

    @Test
    void silentMinutesAfterASpikeResolveTheIncidentThroughTimers() throws Exception {
        warmUp("acme");
        spike("acme", 120, 40);
        assertThat(alerts()).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);

        // No window fires any more for acme: only the watermark moves on.
        watermark(T0 + 150 * MINUTE);
        assertThat(alerts()).extracting(a -> a.state).containsExactly(AlertEvent.OPEN, AlertEvent.RESOLVED);
        AlertEvent resolved = alerts().get(1);
        assertThat(resolved.resolvedAt).isEqualTo(T0 + 122 * MINUTE);
        assertThat(resolved.detectedAt).isEqualTo(T0 + 137 * MINUTE); // the 15th silent minute
    }

    @Test
    void statementsWaitForTheWatermarkBeforeTheyCount() throws Exception {
        warmUp("acme");
        // A replay reads the whole status file first: the statement arrives long before its time.
        harness.processElement2(new StreamRecord<>(
                new StatusUpdate("acme", T0 + 130 * MINUTE, "investigating", "looking into it"), T0 + 130 * MINUTE));
        minute("acme", 120, 40);
        minute("acme", 121, 45);
        assertThat(alerts()).extracting(a -> a.reason).containsExactly("opened");

        watermark(T0 + 130 * MINUTE);
        assertThat(alerts()).extracting(a -> a.reason).containsExactly("opened", "official_ack");
        assertThat(alerts().get(1).leadTimeSeconds).isEqualTo(8 * 60); // opened at the end of minute 121
    }

    @Test
    void aStatementComesBeforeTheMinuteItFallsInWhateverTheWatermarkDoes() throws Exception {
        warmUp("acme");
        harness.processElement2(new StreamRecord<>(
                new StatusUpdate("acme", T0 + 122 * MINUTE + 30_000, "investigating", "looking"), T0 + 122 * MINUTE));
        spike("acme", 120, 40);
        // The watermark jumps past the statement and the next minute at once: the window's element arrives
        // before the statement's timer fires, yet the statement is applied first.
        long start = T0 + 122 * MINUTE;
        harness.processElement1(new StreamRecord<>(new ServiceMinute("acme", true, start, start + MINUTE, 90, 90,
                List.of(), List.of("acme is down")), start + MINUTE - 1));
        watermark(start + MINUTE - 1);
        assertThat(alerts()).extracting(a -> a.reason).containsExactly("opened", "official_ack", "grew");
        assertThat(alerts().get(1).distinctAuthors).isEqualTo(40);
    }

    @Test
    void servicesAreJudgedIndependently() throws Exception {
        warmUp("acme");
        warmUp("globex");
        spike("acme", 120, 40);
        minute("globex", 120, 1);
        minute("globex", 121, 1);
        assertThat(alerts()).extracting(a -> a.service).containsExactly("acme");
    }

    @Test
    void baselinesAndOpenIncidentsSurviveASnapshotAndRestore() throws Exception {
        warmUp("acme");
        spike("acme", 120, 40);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 122 * MINUTE);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        assertThat(detector.openIncidents()).isEqualTo(1);
        // The restored incident is still open: more reports only grow it, they do not open a second one,
        // and the restored timer resolves it.
        minute("acme", 122, 90);
        watermark(T0 + 160 * MINUTE);
        assertThat(detector.openIncidents()).isZero();
        assertThat(alerts()).extracting(a -> a.state + "/" + a.reason)
                .containsExactly("update/grew", "resolved/subsided");
        assertThat(alerts()).extracting(a -> a.alertId).containsOnly("acme-20240304T0200Z");
        assertThat(alerts().get(0).expected).isBetween(0.5, 2.0); // the warmed-up baseline, not the prior
    }

    @Test
    void coldStartWaitsForHistoryUnlessTheCrowdIsUnheardOf() throws Exception {
        // A service first seen with 20 people a minute: nothing to compare with yet, so nothing opens...
        spike("newco", 0, 20);
        assertThat(alerts()).isEmpty();
        // ...while 60 people about a service nobody has mentioned before need no history.
        spike("brandnew", 0, 60);
        assertThat(alerts()).extracting(a -> a.service + "/" + a.state).containsExactly("brandnew/open");
    }

    @Test
    void followsADailyRhythmAndStillCatchesAnOutageAtNight() throws Exception {
        // Two days of 2 people a minute at night rising to 15 in the afternoon: every afternoon is normal.
        for (long m = 0; m < 2 * 1440; m++) {
            double hour = (m / 60.0) % 24;
            minute("acme", m, (int) Math.round(2 + 13 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24))));
        }
        assertThat(alerts()).isEmpty();
        // At 04:00 of the third day, 15 people a minute (an ordinary afternoon's count) is an outage.
        spike("acme", 2 * 1440 + 240, 15);
        assertThat(alerts()).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
        assertThat(alerts().get(0).expected).isLessThan(4.0);
    }

    @Test
    void aBotBurstOfManyPostsFromFewAccountsRaisesNothing() throws Exception {
        warmUp("gmail");
        for (long m = 120; m < 140; m++) {
            posts("gmail", m, 60, 4); // four accounts, fifteen posts each a minute
        }
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aFlickeringOutageKeepsOneIdAndResolvesTwice() throws Exception {
        warmUp("acme");
        spike("acme", 120, 40);
        watermark(T0 + 150 * MINUTE);            // silent: resolves at 137
        spike("acme", 160, 40);                  // back 38 minutes later: the same outage
        watermark(T0 + 200 * MINUTE);
        assertThat(alerts()).extracting(a -> a.state + "/" + a.reason).containsExactly(
                "open/opened", "resolved/subsided", "update/recurred", "resolved/subsided");
        assertThat(alerts()).extracting(a -> a.alertId).containsOnly("acme-20240304T0200Z");
    }

    @Test
    void resolvesOnlyAfterFifteenCalmMinutesEvenWhileSomePeopleStillPost() throws Exception {
        warmUp("acme");
        spike("acme", 120, 40);
        for (long m = 122; m < 136; m++) {
            minute("acme", m, 1);               // 14 calm minutes: still open
        }
        assertThat(alerts()).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
        minute("acme", 136, 25);                // flares up: the calm count starts again
        for (long m = 137; m < 152; m++) {
            minute("acme", m, 1);
        }
        assertThat(alerts()).extracting(a -> a.state).containsExactly(AlertEvent.OPEN, AlertEvent.RESOLVED);
        assertThat(alerts().get(1).resolvedAt).isEqualTo(T0 + 137 * MINUTE);
    }
}
