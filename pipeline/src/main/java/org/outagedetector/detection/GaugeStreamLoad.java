package org.outagedetector.detection;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.outagedetector.aggregation.MinutePeople;

/**
 * Merges the subtasks' sketches of each minute into the whole stream's crowd and, once the watermark has passed
 * the minute (every subtask's part is in), judges it against the stream's own baseline ({@link StreamLoadGauge}).
 * Runs under one key: it sees one small record per subtask and minute. The last judged minute is on the gauges
 * {@code streamPeople}, {@code streamExpectedPeople} (0 during the warm-up) and {@code streamSurgeFactor}, which
 * only the subtask that holds the key registers: the others would report a constant no surge beside it, and a
 * dashboard that sums or averages over subtasks would show a surge factor of 2 on a calm stream.
 */
public class GaugeStreamLoad extends KeyedProcessFunction<Integer, MinutePeople, StreamLoad> {

    /** The one key the whole stream's sketches are gathered under. */
    public static final int WHOLE_STREAM = 0;

    private final DetectorConfig cfg;
    private transient MapState<Long, MinutePeople> partsByMinute;
    private transient ValueState<StreamLoadState> state;
    private transient volatile StreamLoad last;

    public GaugeStreamLoad(DetectorConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public void open(OpenContext ctx) {
        partsByMinute = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("people-by-minute", Types.LONG, Types.POJO(MinutePeople.class)));
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("stream-load", StreamLoadState.class));
        if (!holdsTheWholeStream()) {
            return;
        }
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        metrics.gauge("streamPeople", (Gauge<Double>) () -> last == null ? 0 : last.people);
        metrics.gauge("streamExpectedPeople", (Gauge<Double>) () -> last == null ? 0 : last.expectedPeople);
        metrics.gauge("streamSurgeFactor", (Gauge<Double>) () -> last == null ? 1 : last.surgeFactor(cfg));
    }

    private boolean holdsTheWholeStream() {
        var task = getRuntimeContext().getTaskInfo();
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(WHOLE_STREAM,
                task.getMaxNumberOfParallelSubtasks(), task.getNumberOfParallelSubtasks())
                == task.getIndexOfThisSubtask();
    }

    @Override
    public void processElement(MinutePeople part, Context ctx, Collector<StreamLoad> out) throws Exception {
        if (part.minuteStart + cfg.stepMillis - 1 <= ctx.timerService().currentWatermark()) {
            return; // from a subtask that was idle and behind: its minute has been judged
        }
        MinutePeople sum = partsByMinute.get(part.minuteStart);
        if (sum == null) {
            sum = part;
            ctx.timerService().registerEventTimeTimer(part.minuteStart + cfg.stepMillis - 1);
        } else {
            sum.merge(part);
        }
        partsByMinute.put(part.minuteStart, sum);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StreamLoad> out) throws Exception {
        long minute = timestamp + 1 - cfg.stepMillis;
        MinutePeople crowd = partsByMinute.get(minute);
        partsByMinute.remove(minute);
        StreamLoadState s = state.value();
        if (s == null) {
            s = new StreamLoadState();
        }
        StreamLoad load = StreamLoadGauge.next(s, minute, crowd.estimate(), MinutePeople.RELATIVE_ERROR, cfg);
        state.update(s);
        last = load;
        out.collect(load);
    }
}
