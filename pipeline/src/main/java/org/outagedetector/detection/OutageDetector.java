package org.outagedetector.detection;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.ingest.StatusUpdate;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The judgment, free of Flink: given one service's state and its next minute (or official statement),
 * decide whether an incident opens, grows, recurs, is acknowledged or resolves. The keyed function in the
 * job and the {@code nab} command both run exactly this code.
 */
public class OutageDetector implements Serializable {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final DetectorConfig cfg;

    public OutageDetector(DetectorConfig cfg) {
        this.cfg = cfg;
    }

    public DetectorConfig config() {
        return cfg;
    }

    /** One step of counts, in event-time order; a step with no mentions is passed with zero authors. */
    public void onStep(ServiceState s, MinuteEvidence m, Consumer<AlertEvent> out) {
        onStep(s, m, out, point -> { });
    }

    /** As {@link #onStep(ServiceState, MinuteEvidence, Consumer)}, also reporting the judged point. */
    public void onStep(ServiceState s, MinuteEvidence m, Consumer<AlertEvent> out, Consumer<MinutePoint> points) {
        Baseline b = s.baseline;
        double usual = b.expected(m.start(), cfg);
        // In a shared surge the whole stream is busier: judge the service against its share of that rise.
        double expected = m.load() == null ? usual : usual * m.load().surgeFactor(cfg);
        double dispersion = b.dispersion(cfg);
        int k = m.distinctAuthors();
        double tail = CountTail.atLeast(k, expected, dispersion);
        boolean warmedUp = b.historySteps(m.start(), cfg) >= cfg.warmupMinutes;
        boolean trusted = warmedUp || k >= cfg.coldStartMinAuthors;
        int confirmSteps = cfg.confirmSteps();
        boolean unlikely = trusted && k >= cfg.minAuthors && tail <= cfg.stepTailProbability();
        if (b.nextMinute != m.start()) {
            s.clearRun(); // minutes nobody mentioned the service in came between: nothing was held
        }
        s.suspectSteps = unlikely ? s.suspectSteps + 1 : 0;
        if (s.suspectSteps == 1) {
            s.suspectSince = m.start();
        }
        // A real outage lasts: one minute of burst (a viral post, a retweet storm) is not enough. Spending the
        // false-alarm budget over consecutive steps keeps it at openTailProbability under the baseline and
        // is more sensitive to a sustained crowd than one step judged alone.
        boolean anomalous = s.suspectSteps >= confirmSteps;
        // A new incident also needs a crowd above the baseline, held over those steps, bigger than the recent
        // record: a series that bursts every day is judged by its own bursts, not only by a tail fitted to them.
        double held = s.holdExcess(k - expected, confirmSteps);
        boolean extraordinary = held > b.peakRecord.at(m.start(), cfg);
        boolean calm = k < cfg.minAuthors || tail > cfg.calmTailProbability;
        // A rise over half an hour or more, which the one-hour level follows, is judged over the window against
        // the expectation from before it; the daily rise is told apart only once the profile knows the hour.
        SustainedRise rise = s.rise();
        double surge = expected / usual;
        rise.push(m.start(), b.nextMinute, k / surge, usual, cfg);
        SustainedRise.Window window = rise.window(m.start(), b, cfg);
        double windowTail = window == null ? 1 : window.tailIfHigh();
        boolean judgesRise = window != null && warmedUp && b.knowsTheHour(m.start(), cfg);
        boolean risen = judgesRise && k >= cfg.minAuthors && windowTail <= cfg.openTailProbability;
        boolean riseExtraordinary = risen && window.excessPerStep() > rise.record.at(m.start(), cfg);
        points.accept(new MinutePoint(m.service(), m.start(), k, m.posts(), expected,
                CountTail.bandTop(cfg.calmTailProbability, expected, dispersion)));
        Incident inc = s.incident;
        long end = m.start() + cfg.stepMillis;

        if (inc != null && !inc.active && end - inc.resolvedAt > cfg.recurrenceWindow.toMillis()) {
            s.incident = inc = null;
        }
        if (inc == null) {
            if (anomalous && extraordinary) {
                s.incident = open(s, m, s.suspectSince, expected, tail, end, out);
            } else if (risen && riseExtraordinary) {
                long windowStart = m.start() - (cfg.sustainedSteps() - 1) * cfg.stepMillis;
                s.incident = open(s, m, windowStart, window.referenceNow() * surge, windowTail, end, out);
            }
        } else if (!inc.active) {
            if (anomalous) {
                inc.active = true;
                inc.calmMinutes = 0;
                inc.resolvedAt = 0;
                track(inc, m, expected, end);
                emit(inc, m, expected, tail, end, AlertEvent.UPDATE, "recurred", out);
            }
        } else if (!calm) {
            String before = inc.severity;
            track(inc, m, expected, end);
            if (Severity.rank(inc.severity) > Severity.rank(before)) {
                emit(inc, m, expected, tail, end, AlertEvent.UPDATE, "severity", out);
            } else if (k >= 2 * inc.reportedAuthors) {
                emit(inc, m, expected, tail, end, AlertEvent.UPDATE, "grew", out);
            }
        } else if (++inc.calmMinutes >= cfg.calmMinutesToResolve) {
            inc.active = false;
            inc.resolvedAt = inc.lastAnomalousEnd;
            emit(inc, m, expected, tail, end, AlertEvent.RESOLVED, isNewNormal(inc, end) ? "new_normal" : "subsided",
                    out);
        }

        // An outage must not teach the baseline that outages are normal. Before the warm-up there is no normal
        // to protect: a service first heard with a crowd keeps learning, or its incident could never calm. After
        // newNormalAfter the incident is the normal: learning it is the only way it can ever calm. The hour keeps
        // what it held, in case the same hour turns out to have an incident every day (its rhythm).
        // In a surge the stream's baseline holds: the minute as it would have been without the surge.
        double lesson = m.load() == null ? k : m.load().lesson(k, cfg);
        if (s.hasActiveIncident() && warmedUp && !isNewNormal(s.incident, end)) {
            b.hold(m.start(), lesson, cfg);
        } else {
            b.observe(m.start(), lesson, usual, cfg);
            if (window != null && warmedUp) {
                rise.learnSpread(window, cfg);
            }
        }
        // The record learns a run of unlikely steps when it ends, or its first steps would raise the bar for
        // the next. A run that opened an incident is recorded at the crowd it opened with, not its peak: the
        // next outage must beat the crowd that was enough to open, not the outage's worst minute. A step the
        // detector does not trust yet is measured against a baseline that knows nothing (the prior), so its
        // "excess" is its whole crowd: recording it would let a new service's first minutes mask its first day.
        boolean openBeforeThisStep = s.hasActiveIncident() && s.incident.openedAt < end;
        if (!openBeforeThisStep && trusted) {
            s.runPeak = Math.max(s.runPeak, held);
        }
        if (!unlikely) {
            b.peakRecord.learn(m.start(), s.runPeak, cfg);
            s.runPeak = 0;
        }
        // The same for the record of windows, over a run of windows that are not calm: a slow rise passes
        // through many windows that are unusual before one is unlikely enough, and must not raise its own bar.
        // Windows are judged only once warmed up; before, their reference is still settling.
        if (window != null) {
            if (!openBeforeThisStep && warmedUp) {
                rise.runPeak = Math.max(rise.runPeak, window.excessPerStep());
            }
            if (windowTail > cfg.calmTailProbability) {
                rise.record.learn(m.start(), rise.runPeak, cfg);
                rise.runPeak = 0;
            }
        }
    }

    /** An official statement, applied in event-time order with the minutes. */
    public void onStatus(ServiceState s, StatusUpdate u, Consumer<AlertEvent> out) {
        Incident inc = s.incident;
        boolean current = inc != null && (inc.active || u.time - inc.resolvedAt <= cfg.recurrenceWindow.toMillis());
        if (!current) {
            if (u.acknowledgesProblem()) {
                s.unclaimedAckAt = u.time;
                s.unclaimedAckStatus = u.status;
            }
            return;
        }
        inc.officialStatus = u.status;
        if (u.acknowledgesProblem() && inc.officialAckAt == 0) {
            inc.officialAckAt = u.time;
            AlertEvent e = event(inc, AlertEvent.UPDATE, "official_ack", u.time);
            e.distinctAuthors = inc.reportedAuthors;
            e.posts = inc.reportedPosts;
            e.expected = inc.reportedExpected;
            e.score = inc.reportedScore;
            out.accept(e);
        }
    }

    /** While an incident is open, minutes without any mention must still be judged (they calm it). */
    public boolean needsEmptySteps(ServiceState s) {
        return s.hasActiveIncident();
    }

    private boolean isNewNormal(Incident inc, long end) {
        return end - inc.openedAt >= cfg.newNormalAfter.toMillis();
    }

    private Incident open(ServiceState s, MinuteEvidence m, long since, double expected, double tail, long end,
                          Consumer<AlertEvent> out) {
        Incident inc = new Incident();
        inc.alertId = m.service() + "-" + ID_TIME.format(Instant.ofEpochMilli(since));
        inc.service = m.service();
        inc.active = true;
        inc.verified = m.verified();
        inc.startedAt = since;
        inc.openedAt = end;
        inc.severity = Severity.MINOR;
        if (s.unclaimedAckAt != 0 && end - s.unclaimedAckAt <= cfg.ackMemory.toMillis()) {
            inc.officialAckAt = s.unclaimedAckAt; // the official word came first: a negative lead time
            inc.officialStatus = s.unclaimedAckStatus;
        }
        s.unclaimedAckAt = 0;
        s.unclaimedAckStatus = null;
        track(inc, m, expected, end);
        emit(inc, m, expected, tail, end, AlertEvent.OPEN, "opened", out);
        return inc;
    }

    private void track(Incident inc, MinuteEvidence m, double expected, long end) {
        inc.calmMinutes = 0;
        inc.lastAnomalousEnd = end;
        inc.peakAuthors = Math.max(inc.peakAuthors, m.distinctAuthors());
        String severity = Severity.of(m.distinctAuthors(), expected, cfg);
        if (Severity.rank(severity) > Severity.rank(inc.severity)) {
            inc.severity = severity;
        }
        if (!m.samples().isEmpty()) {
            inc.samples = new ArrayList<>(m.samples());
        }
        if (!m.problemKinds().isEmpty()) {
            inc.problemKinds = new ArrayList<>(m.problemKinds());
        }
    }

    private void emit(Incident inc, MinuteEvidence m, double expected, double tail, long end, String state,
                      String reason, Consumer<AlertEvent> out) {
        AlertEvent e = event(inc, state, reason, end);
        e.distinctAuthors = m.distinctAuthors();
        e.posts = m.posts();
        e.expected = expected;
        e.score = 1.0 - tail;
        e.windowFiredAt = m.firedAt();
        if (!AlertEvent.RESOLVED.equals(state)) {
            inc.reportedAuthors = m.distinctAuthors();
            inc.reportedPosts = m.posts();
            inc.reportedExpected = expected;
            inc.reportedScore = e.score;
        }
        out.accept(e);
    }

    private AlertEvent event(Incident inc, String state, String reason, long detectedAt) {
        AlertEvent e = new AlertEvent();
        e.alertId = inc.alertId;
        e.service = inc.service;
        e.state = state;
        e.reason = reason;
        e.severity = inc.severity;
        e.verified = inc.verified;
        e.startedAt = inc.startedAt;
        e.detectedAt = detectedAt;
        e.resolvedAt = inc.active ? 0 : inc.resolvedAt;
        e.peakAuthors = inc.peakAuthors;
        e.samplePosts = new ArrayList<>(inc.samples);
        e.problemKinds = new ArrayList<>(inc.problemKinds);
        e.officialStatus = inc.officialStatus;
        if (inc.officialAckAt != 0) {
            e.officialAckAt = inc.officialAckAt;
            e.leadTimeSeconds = (inc.officialAckAt - inc.openedAt) / 1000;
        }
        return e;
    }

    /** The evidence of one step, from the job's window or a row of a NAB series. */
    public record MinuteEvidence(String service, boolean verified, long start, int posts, int distinctAuthors,
                                 List<String> problemKinds, List<String> samples, long firedAt, StreamLoad load) {
        /** Evidence without the stream's load (a NAB series, or a job that does not measure it). */
        public MinuteEvidence(String service, boolean verified, long start, int posts, int distinctAuthors,
                              List<String> problemKinds, List<String> samples, long firedAt) {
            this(service, verified, start, posts, distinctAuthors, problemKinds, samples, firedAt, null);
        }

        public static MinuteEvidence empty(String service, long start) {
            return new MinuteEvidence(service, true, start, 0, 0, List.of(), List.of(), 0);
        }
    }
}
