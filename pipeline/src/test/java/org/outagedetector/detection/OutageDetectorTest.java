package org.outagedetector.detection;

import org.junit.jupiter.api.Test;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.OutageDetector.MinuteEvidence;
import org.outagedetector.ingest.StatusUpdate;
import org.outagedetector.scenario.Counts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

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

    /** An outage's first two minutes: the detector opens once the second confirms the first. */
    private void spike(long m, int authors) {
        minute(m, authors);
        minute(m + 1, authors);
    }

    /** Everyday complaints: Poisson around {@code rate} per minute. */
    private void background(long from, long to, double rate) {
        for (long m = from; m < to; m++) {
            minute(m, poisson(rate));
        }
    }

    private int poisson(double mean) {
        return Counts.poisson(mean, rng);
    }

    @Test
    void opensOnASpikeGrowsAndResolvesAfterCalmMinutes() {
        background(0, 180, 1.0);
        assertThat(alerts).isEmpty();
        minute(180, 12);
        minute(181, 30);
        minute(182, 150);
        background(183, 200, 1.0);

        assertThat(alerts).extracting(a -> a.state + "/" + a.reason)
                .containsExactly("open/opened", "update/severity", "resolved/subsided");
        AlertEvent open = alerts.get(0);
        assertThat(open.alertId).isEqualTo("acme-20240304T0300Z");
        assertThat(open.startedAt).isEqualTo(T0 + 180 * MINUTE);
        // Confirmed by the second anomalous minute, dated from the first.
        assertThat(open.detectedAt).isEqualTo(T0 + 182 * MINUTE);
        assertThat(open.distinctAuthors).isEqualTo(30);
        assertThat(open.expected).isBetween(0.5, 2.0);
        assertThat(open.score).isGreaterThan(1 - 1e-3);
        assertThat(open.problemKinds).containsExactly("login");
        assertThat(open.severity).isEqualTo(Severity.MAJOR);
        assertThat(alerts.get(1).severity).isEqualTo(Severity.CRITICAL);
        AlertEvent resolved = alerts.get(2);
        assertThat(resolved.alertId).isEqualTo(open.alertId);
        assertThat(resolved.resolvedAt).isEqualTo(T0 + 183 * MINUTE);
        assertThat(resolved.peakAuthors).isEqualTo(150);
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
        for (long m = 0; m < 2; m++) {
            detector.onStep(other, new MinuteEvidence("newco", false, T0 + m * MINUTE, 60, 60, List.of(), List.of(), 0),
                    alerts::add);
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.state).isEqualTo(AlertEvent.OPEN);
            assertThat(a.verified).isFalse();
        });
    }

    @Test
    void aServiceFirstHeardWithACrowdCalmsOnceItsBaselineHasLearnedIt() {
        // The job starts (or a service's state expired) while a big service has its everyday 100 people a
        // minute: that crowd is unheard-of to a new baseline and opens, but it is the service's normal, so the
        // baseline keeps learning through its warm-up and the incident resolves instead of staying open.
        background(0, 240, 100);
        List<AlertEvent> lifecycle = alerts.stream().filter(a -> !AlertEvent.UPDATE.equals(a.state)).toList();
        assertThat(lifecycle).extracting(a -> a.state).containsExactly(AlertEvent.OPEN, AlertEvent.RESOLVED);
        assertThat(lifecycle.get(1).detectedAt).isLessThan(T0 + 120 * MINUTE);
        alerts.clear();
        spike(240, 400);    // and a real outage later is still seen against that learned level
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
    }

    @Test
    void aNewServicesFirstMinutesDoNotRaiseTheBarForItsFirstOutage() {
        // The job starts (first deploy, or the service's state expired) while 40 people a minute complain,
        // too few to open on no history; it subsides to the everyday 1 a minute. Measured against a baseline
        // that knew nothing, those minutes would be a record of 40 above normal, held for a day.
        for (long m = 0; m < 5; m++) {
            minute(m, 40);
        }
        background(5, 240, 1.0);
        assertThat(alerts).isEmpty();
        spike(240, 30);
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
    }

    @Test
    void followsADailyRhythmWithoutAlerting() {
        // Three days of a big service whose complaints swing from 2 to 20 people a minute over the day.
        for (long m = 0; m < 3 * 1440; m++) {
            double hour = (m / 60.0) % 24;
            minute(m, poisson(2 + 18 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24))));
        }
        assertThat(alerts).isEmpty();
        long day3 = T0 / Baseline.HOUR + 48;
        assertThat(state.baseline.daily.mean(day3 + 16, 2)).isBetween(15.0, 25.0);
        assertThat(state.baseline.daily.mean(day3 + 4, 2)).isBetween(1.0, 4.0);
        assertThat(state.baseline.weekly.mean(day3 + 16, 2)).isNaN(); // one week of a slot is not yet a rhythm
    }

    @Test
    void anOutageDoesNotTeachTheBaseline() {
        background(0, 180, 1.0);
        double quiet = state.baseline.expected(T0 + 180 * MINUTE, detector.config());
        spike(180, 100);                // the first minute teaches only a clipped amount; the open, nothing
        double before = state.baseline.level;
        for (long m = 182; m < 240; m++) {
            minute(m, 100);
        }
        assertThat(state.baseline.level).isEqualTo(before);
        assertThat(state.baseline.expected(T0 + 240 * MINUTE, detector.config())).isLessThan(quiet + 1);
    }

    /**
     * A quiet service whose reports quadruple for good (a new feature, a bot that never stops): it opens as an
     * outage, stays open through the day, then is taken as the new normal and never opens on that level again.
     */
    @Test
    void aLastingShiftIsTheNewNormalADayAfterItOpened() {
        background(0, 3 * 1440, 2.0);
        background(3 * 1440, 8 * 1440, 8.0);

        assertThat(alerts).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).hasSize(1);
        AlertEvent open = alerts.get(0);
        assertThat(open.detectedAt).isBetween(T0 + 3 * 1440 * MINUTE, T0 + (3 * 1440 + 60) * MINUTE);
        List<AlertEvent> resolved = alerts.stream().filter(a -> a.state.equals(AlertEvent.RESOLVED)).toList();
        assertThat(resolved).extracting(a -> a.reason).containsExactly("new_normal");
        assertThat(resolved.get(0).detectedAt - open.detectedAt)
                .isBetween(detector.config().newNormalAfter.toMillis(), detector.config().newNormalAfter.toMillis() + 6 * 60 * MINUTE);
        assertThat(alerts).noneMatch(a -> a.detectedAt > resolved.get(0).detectedAt);
        assertThat(state.baseline.expected(T0 + 8 * 1440 * MINUTE, detector.config())).isBetween(6.0, 10.0);
    }

    @Test
    void aFlickerWithinTheRecurrenceWindowKeepsTheIncidentId() {
        background(0, 180, 1.0);
        spike(180, 40);
        background(182, 200, 0.5);      // resolves after 15 calm minutes
        spike(230, 40);                 // back within the hour: the same outage
        background(232, 400, 0.5);
        spike(400, 40);                 // hours later: a new outage

        assertThat(alerts).extracting(a -> a.state + "/" + a.reason).containsExactly(
                "open/opened", "resolved/subsided", "update/recurred", "resolved/subsided", "open/opened");
        assertThat(alerts.subList(0, 4)).extracting(a -> a.alertId).containsOnly("acme-20240304T0300Z");
        assertThat(alerts.get(4).alertId).isEqualTo("acme-20240304T0640Z");
    }

    @Test
    void anOfficialStatementAfterTheOpenCarriesTheLeadTime() {
        background(0, 180, 1.0);
        spike(180, 40);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 200 * MINUTE, "investigating", "looking into it"),
                alerts::add);
        detector.onStatus(state, new StatusUpdate("acme", T0 + 210 * MINUTE, "identified", "found it"), alerts::add);

        assertThat(alerts).hasSize(2);
        AlertEvent ack = alerts.get(1);
        assertThat(ack.state).isEqualTo(AlertEvent.UPDATE);
        assertThat(ack.reason).isEqualTo("official_ack");
        assertThat(ack.officialAckAt).isEqualTo(T0 + 200 * MINUTE);
        assertThat(ack.leadTimeSeconds).isEqualTo(18 * 60); // opened at the end of minute 181
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
        spike(180, 40);
        assertThat(alerts).singleElement().satisfies(open -> {
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
            assertThat(open.officialAckAt).isEqualTo(T0 + 175 * MINUTE);
            assertThat(open.leadTimeSeconds).isEqualTo(-7 * 60);
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

    @Test
    void oneMinuteOfBurstIsNotAnOutageButTwoAre() {
        background(0, 180, 1.0);
        minute(180, 60);                // a viral post: one minute, then back to normal
        background(181, 240, 1.0);
        assertThat(alerts).isEmpty();
        spike(240, 20);
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
        assertThat(alerts.get(0).startedAt).isEqualTo(T0 + 240 * MINUTE);
    }

    @Test
    void aNewServiceIsJudgedAgainstItsOwnRecentMinutesNotAClimbingLevel() {
        // Steady at 5 people a minute from the first minute: after the warm-up hour the expectation is that
        // mean, not half of it (an exponential level started from zero would still be climbing).
        background(0, 70, 5.0);
        double expected = state.baseline.expected(T0 + 70 * MINUTE, detector.config());
        assertThat(expected).isBetween(4.0, 6.0);
        background(70, 240, 5.0);
        assertThat(alerts).isEmpty();
    }

    @Test
    void learnsTheDayOfTheWeek() {
        // Three weeks of a service whose midday swell is five times bigger on weekdays than at weekends.
        for (long m = 0; m < 21 * 1440; m++) {
            boolean weekend = (m / 1440) % 7 >= 5;   // T0 is a Monday
            double hour = (m / 60.0) % 24;
            double swell = 0.5 - 0.5 * Math.cos(2 * Math.PI * hour / 24); // 0 at midnight, 1 at noon
            minute(m, poisson(1 + (weekend ? 1 : 9) * swell));
        }
        assertThat(alerts).isEmpty();
        long saturdayNoon = T0 + (19 * 1440 + 12 * 60) * MINUTE;
        long mondayNoon = T0 + (21 * 1440 + 12 * 60) * MINUTE;
        DetectorConfig cfg = detector.config();
        assertThat(state.baseline.seasonal(saturdayNoon, cfg)).isBetween(1.5, 2.5);
        assertThat(state.baseline.seasonal(mondayNoon, cfg)).isBetween(8.5, 11.5);
        // Twelve people at a Saturday noon is an outage; at a Monday noon it is an ordinary day.
        assertThat(state.baseline.expected(saturdayNoon + 7 * 1440 * MINUTE, cfg)).isLessThan(4.0);
    }

    @Test
    void aServiceThatBurstsOftenIsJudgedByItsOwnBursts() {
        // Something that is not an outage (a scheduled announcement, a rush) brings five minutes of 40
        // complainers, then every six hours a little fewer (37 to 39), on a background of 1 a minute.
        int[] bursts = {40, 37, 39, 37};
        for (int i = 0; i < bursts.length; i++) {
            long start = 360L * i;
            background(start, start + 300, 1.0);
            for (long m = start + 300; m < start + 305; m++) {
                minute(m, bursts[i]);
            }
            background(start + 305, start + 360, 1.0);
        }
        // The first is news. The others are as unlikely under the fitted tail, but no bigger than what this
        // service's own bursts reached within the day (the record holds a day before it fades).
        assertThat(alerts).filteredOn(a -> AlertEvent.OPEN.equals(a.state)).extracting(a -> a.alertId)
                .containsExactly("acme-20240304T0500Z");
        alerts.clear();

        // A real outage stands far above that record and opens.
        background(1440, 1560, 1.0);
        spike(1560, 120);
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
    }

    @Test
    void aHugeOutageDoesNotMaskTheNextOne() {
        // Opens at 30 people, then grows to 500 for an hour.
        background(0, 180, 1.0);
        spike(180, 30);
        for (long m = 182; m < 242; m++) {
            minute(m, 500);
        }
        background(242, 1440, 1.0);
        assertThat(alerts).filteredOn(a -> AlertEvent.OPEN.equals(a.state)).hasSize(1);
        alerts.clear();
        // The record holds the crowd it opened with, not its worst minute: a day later, 60 people open again.
        background(1440, 1440 + 180, 1.0);
        spike(1440 + 180, 60);
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
    }

    @Test
    void learnsHowBurstyAServiceIs() {
        // A big service whose rate itself wanders (gamma-mixed Poisson, dispersion 3) needs a wider band
        // than the prior assumes, and must not alert on its own everyday swings.
        for (long m = 0; m < 3 * 1440; m++) {
            minute(m, poisson(20 * gamma3()));
        }
        assertThat(state.baseline.dispersion(detector.config())).isBetween(1.5, 6.0);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aSharedSurgeRaisesTheBarForEveryService() {
        background(0, 180, 1.0);
        // The whole stream is five times busier (a final is on): 8 people complaining is the surge, not an
        // outage; the same 8 on an ordinary minute would be.
        StreamLoad surge = new StreamLoad(0, 5_000, 1_000, 0);
        for (long m = 180; m < 190; m++) {
            detector.onStep(state, new MinuteEvidence("acme", true, T0 + m * MINUTE, 8, 8, List.of(), List.of(), 0,
                    surge), alerts::add);
        }
        assertThat(alerts).isEmpty();
        assertThat(surge.surgeFactor(detector.config())).isBetween(4.5, 5.0);
        StreamLoad ordinary = new StreamLoad(0, 1_000, 1_000, 0);
        for (long m = 190; m < 192; m++) {
            detector.onStep(state, new MinuteEvidence("acme", true, T0 + m * MINUTE, 12, 12, List.of(), List.of(), 0,
                    ordinary), alerts::add);
        }
        assertThat(alerts).extracting(a -> a.state).containsExactly(AlertEvent.OPEN);
    }

    /** Three days of a bursty service (its rate wanders, dispersion 3) around {@code rate} a minute. */
    private void burstyDays(double rate) {
        for (long m = 0; m < DAYS_BEFORE_RISE; m++) {
            minute(m, poisson(rate * gamma3()));
        }
    }

    private static final long DAYS_BEFORE_RISE = 3 * 1440;

    @Test
    void aSlowRiseTheHourlyLevelFollowsOpensWithinTheHour() {
        // A slow degradation on a bursty service: from its everyday 5 people a minute to 25 over an hour, then
        // held. No single minute stands out against a level that climbs along (and a spread that has seen
        // such swings), but the half hour does against the expectation from before it.
        burstyDays(5);
        assertThat(alerts).isEmpty();
        long rise = DAYS_BEFORE_RISE + 14 * 60;
        for (long m = DAYS_BEFORE_RISE; m < rise; m++) {
            minute(m, poisson(5 * gamma3()));
        }
        for (long m = rise; m < rise + 120 && alerts.isEmpty(); m++) {
            double rate = 5 + 20 * Math.min(1.0, (m - rise + 1) / 60.0);
            minute(m, poisson(rate * gamma3()));
        }
        assertThat(alerts).singleElement().satisfies(open -> {
            assertThat(open.state).isEqualTo(AlertEvent.OPEN);
            assertThat(open.detectedAt).isLessThanOrEqualTo(T0 + (rise + 60) * MINUTE);
            // Dated from the start of the half hour judged, and reported against the expectation from before it.
            assertThat(open.startedAt).isEqualTo(open.detectedAt - 30 * MINUTE);
            assertThat(open.expected).isBetween(3.0, 8.0);
        });
    }

    @Test
    void aSlowRiseOfFewerThanEightPeopleAMinuteIsNotAnOutage() {
        // The same half hour of evidence rule as a spike: a quiet service rising from 0.5 to 6 a minute is
        // far outside its half hours, but never eight people in a minute.
        for (long m = 0; m < DAYS_BEFORE_RISE + 14 * 60; m++) {
            minute(m, poisson(0.5));
        }
        for (long m = DAYS_BEFORE_RISE + 14 * 60; m < DAYS_BEFORE_RISE + 18 * 60; m++) {
            minute(m, Math.min(7, poisson(6)));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void aBurstyServicesDailyRhythmRaisesNothingForAWeek() {
        // From 2 to 20 people a minute over the day, on a rate that wanders (dispersion 3): every morning the
        // half hours climb above the expectation of half an hour before, as they do every day. The rise is
        // judged once the profile knows the hour (two days); before that the spike test alone may still open
        // while it learns how much this service wanders, as it did before the rise was judged.
        for (long m = 0; m < 7 * 1440; m++) {
            double hour = (m / 60.0) % 24;
            minute(m, poisson((2 + 18 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24))) * gamma3()));
        }
        assertThat(alerts).filteredOn(a -> a.detectedAt >= T0 + 2 * 1440 * MINUTE).isEmpty();
    }

    @Test
    void anEveningRushFasterThanTheHourlyProfileIsNotASlowRise() {
        // Every evening at six, within half an hour, 1 person a minute becomes 30 until ten. Until the profile
        // knows the evening hours (two days) the rush is a rise over the expectation from before it, like an
        // outage's; so the rise is judged only from then on. The spike test still opens on the first evenings,
        // until the rush has recurred long enough to be the hours' rhythm (aDailyRushIsTheHoursRhythm...): the
        // rise test must not add openings of its own.
        for (int seed = 1; seed <= 4; seed++) {  // four services, four weeks' worth of evenings
            ServiceState service = new ServiceState();
            SplittableRandom random = new SplittableRandom(seed);
            for (long m = 0; m < 8 * 1440; m++) {
                int k = Counts.poisson(eveningRush(m), random);
                detector.onStep(service, new MinuteEvidence("acme", true, T0 + m * MINUTE, k, k, List.of(),
                        List.of(), 0), alerts::add);
            }
        }
        // An opening by the rise test is dated from the start of its half hour; the spike test's from its first
        // unlikely minute.
        assertThat(alerts).filteredOn(a -> AlertEvent.OPEN.equals(a.state))
                .allSatisfy(open -> assertThat(open.detectedAt - open.startedAt).isLessThan(30 * MINUTE));
    }

    @Test
    void aDailyRushIsTheHoursRhythmOnceItRecursAtTheSameHour() {
        // The evening rush above, for two weeks: its first evenings open (the rush is steeper than any hourly
        // profile learned so far, and each incident keeps its hours from teaching the profile), but an hour an
        // incident covered on two days running is the hour's rhythm and is learned: no evening opens after the
        // third, in four services. Before, the incidents kept the rush unlearned and 3 to 13 evenings opened.
        for (int seed = 1; seed <= 4; seed++) {
            assertThat(daysThatOpen(seed, 14, OutageDetectorTest::eveningRush))
                    .as("days an evening opened, seed %d", seed).isNotEmpty().allMatch(day -> day <= 2);
        }
    }

    @Test
    void aWeekdayRushOpensOnFewerThanHalfItsDays() {
        // Markets open at 9:30 on weekdays: 2 people a minute become 40 until four, for five weeks. Every
        // weekday opened before (22 to 25 of the 25). Now a weekday opens mostly after a weekend, which breaks
        // the run of days: the hour-of-week profile needs two Mondays of it, and an hourly profile reads a step
        // at 9:30 as the hour's mean, half of it, so the first weekdays of a week stay close to the bar.
        for (int seed = 1; seed <= 4; seed++) {
            List<Long> openDays = daysThatOpen(seed, 5 * 7, m -> {
                double hour = (m / 60.0) % 24;
                boolean weekday = (m / 1440) % 7 < 5; // T0 is a Monday
                return weekday && hour >= 9.5 && hour < 16 ? 40 : 2;
            });
            assertThat(openDays).as("days the open opened, seed %d", seed).hasSizeBetween(1, 12)
                    .allMatch(day -> day % 7 < 5);
        }
    }

    @Test
    void anOutageAtTheSameHourOnOneDayTeachesTheProfileNothing() {
        // Three quiet days, then one evening's outage from 18:00 to 20:00: the next evening is still judged
        // against the quiet evening, and the same outage the next day opens again.
        for (long m = 0; m < 4 * 1440; m++) {
            double hour = (m / 60.0) % 24;
            boolean outage = m >= 3 * 1440 && hour >= 18 && hour < 20;
            minute(m, poisson(outage ? 40 : 2));
        }
        assertThat(alerts).filteredOn(a -> AlertEvent.OPEN.equals(a.state)).hasSize(1);
        long nextEvening = T0 + (4 * 1440 + 18 * 60 + 30) * MINUTE;
        assertThat(state.baseline.expected(nextEvening, detector.config())).isLessThan(4.0);
        background(4 * 1440, 4 * 1440 + 18 * 60, 2);
        spike(4 * 1440 + 18 * 60, 40);
        assertThat(alerts).filteredOn(a -> AlertEvent.OPEN.equals(a.state)).hasSize(2);
    }

    @Test
    void aDailyRushThatStartsOnAServiceWithWeeksOfHistoryIsLearnedWithinDays() {
        // Three quiet weeks (the hour-of-week profile knows every hour), then the evening rush every day for
        // three weeks. The week's slots would learn it a week at a time; the day's slot learning a recurring
        // rhythm is read meanwhile. Before, 7 to 13 of the 21 evenings opened.
        for (int seed = 1; seed <= 4; seed++) {
            List<Long> openDays = daysThatOpen(seed, 42, m -> m < 21 * 1440 ? 1 : eveningRush(m));
            assertThat(openDays).as("days an evening opened, seed %d", seed).isNotEmpty()
                    .allMatch(day -> day >= 21).hasSizeLessThanOrEqualTo(6);
        }
    }

    /** The days (from T0) on which a new service with Poisson counts around this rhythm opened an incident. */
    private List<Long> daysThatOpen(int seed, int days, LongToDoubleFunction peoplePerMinute) {
        ServiceState service = new ServiceState();
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> openDays = new ArrayList<>();
        for (long m = 0; m < days * 1440L; m++) {
            int k = Counts.poisson(peoplePerMinute.applyAsDouble(m), random);
            detector.onStep(service, new MinuteEvidence("acme", true, T0 + m * MINUTE, k, k, List.of(), List.of(),
                    0), a -> {
                if (AlertEvent.OPEN.equals(a.state)) {
                    openDays.add((a.detectedAt - T0) / (1440 * MINUTE));
                }
            });
        }
        return openDays;
    }

    /** People a minute in an evening rush: 1, rising to 30 within half an hour around six, back to 1 at ten. */
    private static double eveningRush(long minute) {
        double hour = (minute / 60.0) % 24;
        return 1 + 29 * (1 / (1 + Math.exp(-(hour - 18) / 0.25)) - 1 / (1 + Math.exp(-(hour - 22) / 0.25)));
    }

    @Test
    void aSlowSharedSurgeIsNotAnOutage() {
        // The whole stream grows fourfold over an hour (an evening event building up) and this service's
        // everyday complaints with it: its half hours are its share of the surge, not a slow outage.
        StreamLoad calm = new StreamLoad(0, 1_000, 1_000, 0);
        long rise = DAYS_BEFORE_RISE + 14 * 60;
        for (long m = 0; m < rise; m++) {
            detector.onStep(state, new MinuteEvidence("acme", true, T0 + m * MINUTE, 0, poisson(5), List.of(),
                    List.of(), 0, calm), alerts::add);
        }
        for (long m = rise; m < rise + 180; m++) {
            double factor = 1 + 3 * Math.min(1.0, (m - rise + 1) / 60.0);
            StreamLoad surge = new StreamLoad(0, 1_000 * factor, 1_000, 0);
            surge.held = factor >= 2;
            int k = poisson(5 * factor);
            detector.onStep(state, new MinuteEvidence("acme", true, T0 + m * MINUTE, k, k, List.of(), List.of(), 0,
                    surge), alerts::add);
        }
        assertThat(alerts).isEmpty();
    }

    /** Gamma(shape 3, mean 1): the sum of three exponentials over three. */
    private double gamma3() {
        return -(Math.log(1 - rng.nextDouble()) + Math.log(1 - rng.nextDouble()) + Math.log(1 - rng.nextDouble())) / 3;
    }
}
