package org.outagedetector.detection;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.outagedetector.aggregation.ServiceMinute;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.OutageDetector.MinuteEvidence;
import org.outagedetector.ingest.StatusUpdate;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyed detector: per service, the minutes from the window and the official statements meet here,
 * both in event time. Statements are held until the watermark reaches them, so a replay that reads the
 * whole status file first still applies each one at its moment. While an incident is open, an event-time
 * timer judges minutes that had no mentions at all, which is how an incident calms down and resolves.
 */
public class SpikeDetector extends KeyedCoProcessFunction<String, ServiceMinute, StatusUpdate, AlertEvent>
        implements CheckpointedFunction {

    /** Every judged minute, for incident charts (`replay --report`, `demo`). */
    public static final OutputTag<MinutePoint> MINUTE_POINTS = new OutputTag<>("minute-points") {};

    private final OutageDetector detector;

    private transient ValueState<ServiceState> state;
    /** End of the last minute judged, so the timer knows whether a minute came without mentions. */
    private transient ValueState<Long> judgedUntil;
    private transient ListState<StatusUpdate> pendingStatements;
    private transient Counter opened;
    private transient Counter resolved;
    private transient Counter aheadOfOfficial;
    private transient Counter behindOfficial;
    private transient Histogram leadTimes;
    /**
     * Incidents open right now on this subtask, for the {@code openIncidents} gauge. Kept in operator state so
     * the count survives restarts; after a rescale the parts are spread over the subtasks, and the sum over
     * subtasks (what a dashboard shows) stays right.
     */
    private transient ListState<Long> openIncidentsState;
    private transient long openIncidents;

    public SpikeDetector(DetectorConfig cfg) {
        this.detector = new OutageDetector(cfg);
    }

    @Override
    public void open(OpenContext ctx) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(detector.config().stateTtl).build();
        ValueStateDescriptor<ServiceState> stateDesc = new ValueStateDescriptor<>("service-state", ServiceState.class);
        stateDesc.enableTimeToLive(ttl);
        state = getRuntimeContext().getState(stateDesc);
        ValueStateDescriptor<Long> judgedDesc = new ValueStateDescriptor<>("judged-until", Long.class);
        judgedDesc.enableTimeToLive(ttl);
        judgedUntil = getRuntimeContext().getState(judgedDesc);
        pendingStatements = getRuntimeContext().getListState(
                new ListStateDescriptor<>("pending-statements", StatusUpdate.class));
        var metrics = getRuntimeContext().getMetricGroup();
        opened = metrics.counter("incidentsOpened");
        resolved = metrics.counter("incidentsResolved");
        aheadOfOfficial = metrics.counter("alertsAheadOfOfficial");
        behindOfficial = metrics.counter("alertsBehindOfficial");
        metrics.gauge("openIncidents", (Gauge<Long>) this::openIncidents);
        leadTimes = metrics.histogram("leadTimeSeconds", new DescriptiveStatisticsHistogram(1000));
    }

    @Override
    public void processElement1(ServiceMinute m, Context ctx, Collector<AlertEvent> out) throws Exception {
        ServiceState s = current();
        judgeEmptyMinutesBefore(s, m.service, m.windowStart, ctx, out);
        judge(s, new MinuteEvidence(m.service, m.verified, m.windowStart, m.posts, m.distinctAuthors,
                m.problemKinds, m.samples, m.firedAt, m.load), ctx, out);
        judgedUntil.update(m.windowEnd);
        state.update(s);
        scheduleEmptyMinuteCheck(s, m.windowEnd, ctx);
    }

    @Override
    public void processElement2(StatusUpdate u, Context ctx, Collector<AlertEvent> out) throws Exception {
        pendingStatements.add(u);
        ctx.timerService().registerEventTimeTimer(u.time);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        ServiceState s = current();
        Long until = judgedUntil.value();
        long step = detector.config().stepMillis;
        // A minute [until, until + step) whose window never fired had no mentions.
        if (until != null && timestamp >= until + step - 1 && detector.needsEmptySteps(s)) {
            judgeEmptyMinutesBefore(s, ctx.getCurrentKey(), timestamp + 1, ctx, out);
            scheduleEmptyMinuteCheck(s, judgedUntil.value(), ctx);
        }
        applyStatementsUpTo(s, timestamp, out);
        state.update(s);
    }

    private void judgeEmptyMinutesBefore(ServiceState s, String service, long minuteStart, Context ctx,
                                         Collector<AlertEvent> out)
            throws Exception {
        Long until = judgedUntil.value();
        long step = detector.config().stepMillis;
        if (until == null) {
            return;
        }
        // Only an open incident needs its silent minutes judged one by one; the baseline folds gaps itself.
        for (long t = until; t + step <= minuteStart && detector.needsEmptySteps(s); t += step) {
            judge(s, MinuteEvidence.empty(service, t), ctx, out);
            judgedUntil.update(t + step);
        }
    }

    private void scheduleEmptyMinuteCheck(ServiceState s, long minuteEnd, Context ctx) {
        if (detector.needsEmptySteps(s)) {
            // Fires once the next minute's window would have fired, had it had any mention.
            ctx.timerService().registerEventTimeTimer(minuteEnd + detector.config().stepMillis - 1);
        }
    }

    /** Applies the pending statements made at or before {@code now}, oldest first. */
    private void applyStatementsUpTo(ServiceState s, long now, Collector<AlertEvent> out) throws Exception {
        List<StatusUpdate> due = new ArrayList<>();
        List<StatusUpdate> later = new ArrayList<>();
        for (StatusUpdate u : pendingStatements.get()) {
            (u.time <= now ? due : later).add(u);
        }
        if (due.isEmpty()) {
            return;
        }
        due.sort((a, b) -> Long.compare(a.time, b.time));
        for (StatusUpdate u : due) {
            detector.onStatus(s, u, e -> emit(e, out));
        }
        pendingStatements.update(later);
    }

    /**
     * Judges a minute after every statement made before its end. A minute's window and a statement's timer can
     * reach this operator in either order depending on how far each watermark jumps; this fixes one order.
     */
    private void judge(ServiceState s, MinuteEvidence m, Context ctx, Collector<AlertEvent> out) throws Exception {
        applyStatementsUpTo(s, m.start() + detector.config().stepMillis - 1, out);
        detector.onStep(s, m, e -> emit(e, out), point -> ctx.output(MINUTE_POINTS, point));
    }

    /** Incidents this subtask has open now. */
    long openIncidents() {
        return openIncidents;
    }

    @Override
    public void initializeState(FunctionInitializationContext ctx) throws Exception {
        openIncidentsState = ctx.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("open-incidents", Long.class));
        openIncidents = 0;
        for (Long part : openIncidentsState.get()) {
            openIncidents += part;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext ctx) throws Exception {
        openIncidentsState.update(List.of(openIncidents));
    }

    private void emit(AlertEvent e, Collector<AlertEvent> out) {
        if (AlertEvent.OPEN.equals(e.state) || "recurred".equals(e.reason)) {
            openIncidents++;
        } else if (AlertEvent.RESOLVED.equals(e.state)) {
            openIncidents--;
        }
        if (AlertEvent.OPEN.equals(e.state)) {
            opened.inc();
            if (e.hasOfficialAck()) {
                recordLead(e);
            }
        } else if (AlertEvent.RESOLVED.equals(e.state)) {
            resolved.inc();
        } else if ("official_ack".equals(e.reason)) {
            recordLead(e);
        }
        out.collect(e);
    }

    private void recordLead(AlertEvent e) {
        leadTimes.update(e.leadTimeSeconds);
        (e.leadTimeSeconds >= 0 ? aheadOfOfficial : behindOfficial).inc();
    }

    private ServiceState current() throws Exception {
        ServiceState s = state.value();
        return s != null ? s : new ServiceState();
    }
}
