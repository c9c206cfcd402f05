package org.outagedetector.detection;

import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.OutageDetector.MinuteEvidence;
import org.outagedetector.ingest.StatusUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's judgment, minute by minute, without Flink. */
class OutageDetectorTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

    private final OutageDetector detector = new OutageDetector(DetectorConfig.defaults());
    private final ServiceState state = new ServiceState();
    private final List<AlertEvent> alerts = new ArrayList<>();
    private final SplittableRandom rng = new SplittableRandom(7);

    private void minute(long m, int authors) {
        detector.onStep(state, new MinuteEvidence("acme", true, T0 + m * MINUTE, authors, authors, List.of("login"),
                List.of("is acme down?"), 0), alerts::add);
    }

    /** Everyday complaints: Poisson around {@code rate} per minute. */
    private void background(long from, long to, double rate) {
        for (long m = from; m < to; m++) {
            minute(m, poisson(rate));
        }
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > limit);
        return k;
    }

    @Test
    void opensOnASpikeGrowsAndResolvesAfterCalmMinutes() {
        background(0, 180, 1.0);
        assertThat(alerts).isEmpty();
        minute(180, 12);
        minute(181, 30);
        minute(182, 80);
        background(183, 200, 1.0);

        assertThat(alerts).extracting(a -> a.state + "/" + a.reason)
                .containsExactly("open/opened", "update/severity", "update/grew", "resolved/subsided");
        AlertEvent open = alerts.get(0);
        assertThat(open.alertId).isEqualTo("acme-20240304T0300Z");
        assertThat(open.startedAt).isEqualTo(T0 + 180 * MINUTE);
        assertThat(open.detectedAt).isEqualTo(T0 + 181 * MINUTE);
        assertThat(open.distinctAuthors).isEqualTo(12);
        assertThat(open.expected).isBetween(0.5, 2.0);
        assertThat(open.score).isGreaterThan(1 - 1e-6);
        assertThat(open.problemKinds).containsExactly("login");
        assertThat(alerts.get(2).severity).isEqualTo(Severity.MAJOR);
        AlertEvent resolved = alerts.get(3);
        assertThat(resolved.alertId).isEqualTo(open.alertId);
        assertThat(resolved.resolvedAt).isEqualTo(T0 + 183 * MINUTE);
        assertThat(resolved.peakAuthors).isEqualTo(80);
        assertThat(resolved.detectedAt).isEqualTo(T0 + (183 + 15) * MINUTE);
    }

    @Test
    void threePeopleAreNeverAnOutageEvenForAQuietService() {
        background(0, 180, 0.05);
        minute(180, 3);
        minute(181, 7);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aNewServiceNeedsHistoryUnlessTheCrowdIsHuge() {
        minute(0, 20);
        minute(1, 25);
        assertThat(alerts).isEmpty();
        ServiceState other = new ServiceState();
        detector.onStep(other, new MinuteEvidence("newco", false, T0, 60, 60, List.of(), List.of(), 0), alerts::add);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.state).isEqualTo(AlertEvent.OPEN);
            assertThat(a.verified).isFalse();
        });
    }

    @Test
    void followsADailyRhythmWithoutAlerting() {
        // Three days of a big service whose complaints swing from 2 to 20 people a minute over the day.
        for (long m = 0; m < 3 * 1440; m++) {
            double hour = (m / 60.0) % 24;
            minute(m, poisson(2 + 18 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24))));
        }
        assertThat(alerts).isEmpty();
        assertThat(state.baseline.hourDays[16]).isGreaterThanOrEqualTo(2);
        assertThat(state.baseline.hourProfile[16]).isBetween(15.0, 25.0);
        assertThat(state.baseline.hourProfile[4]).isBetween(1.0, 4.0);
    }

    @Test
    void anOutageDoesNotTeachTheBaseline() {
        background(0, 180, 1.0);
        double before = state.baseline.level;
        for (long m = 180; m < 240; m++) {
            minute(m, 100);
        }
        assertThat(state.baseline.level).isEqualTo(before);
    }

    @Test
    void aFlickerWithinTheRecurrenceWindowKeepsTheIncidentId() {
        background(0, 180, 1.0);
        minute(180, 40);
        background(181, 200, 0.5);      // resolves after 15 calm minutes
        minute(230, 40);                // back within the hour: the same outage
        background(231, 250, 0.5);
        background(250, 400, 0.5);
        minute(400, 40);                // hours later: a new outage

        assertThat(alerts).extracting(a -> a.state + "/" + a.reason).containsExactly(
                "open/opened", "resolved/subsided", "update/recurred", "resolved/subsided", "open/opened");
        assertThat(alerts.subList(0, 4)).extracting(a -> a.alertId).containsOnly("acme-20240304T0300Z");
        assertThat(alerts.get(4).alertId).isEqualTo("acme-20240304T0640Z");
    }

    @Test
    void anOfficialStatementAfterTheOpenCarriesTheLeadTime() {
        background(0, 180, 1.0);
        minute(180, 40);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 200 * MINUTE, "investigating", "looking into it"),
                alerts::add);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 210 * MINUTE, "identified", "found it"), alerts::add);

        assertThat(alerts).hasSize(2);
        AlertEvent ack = alerts.get(1);
        assertThat(ack.state).isEqualTo(AlertEvent.UPDATE);
        assertThat(ack.reason).isEqualTo("official_ack");
        assertThat(ack.officialAckAt).isEqualTo(T0 + 200 * MINUTE);
        assertThat(ack.leadTimeSeconds).isEqualTo(19 * 60); // opened at the end of minute 180
        assertThat(ack.officialStatus).isEqualTo("investigating");
        assertThat(ack.distinctAuthors).isEqualTo(40); // the evidence of the last report, repeated
        assertThat(ack.expected).isEqualTo(alerts.get(0).expected);
        assertThat(ack.score).isEqualTo(alerts.get(0).score);
    }

    @Test
    void anOfficialStatementBeforeTheOpenIsRecordedAsANegativeLead() {
        background(0, 180, 1.0);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 175 * MINUTE, "investigating", "looking"), alerts::add);
        assertThat(alerts).isEmpty();
        minute(180, 40);
        assertThat(alerts).singleElement().satisfies(open -> {
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
            assertThat(open.officialAckAt).isEqualTo(T0 + 175 * MINUTE);
            assertThat(open.leadTimeSeconds).isEqualTo(-6 * 60);
        });
    }

    @Test
    void aResolvedStatementIsRecordedButClosesNothing() {
        background(0, 180, 1.0);
        minute(180, 40);
        minute(181, 40);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 182 * MINUTE, "resolved", "fixed"), alerts::add);
        assertThat(state.incident.active).isTrue();
        background(182, 200, 0.5);
        AlertEvent resolved = alerts.get(alerts.size() - 1);
        assertThat(resolved.state).isEqualTo(AlertEvent.RESOLVED);
        assertThat(resolved.officialStatus).isEqualTo("resolved");
    }
}
