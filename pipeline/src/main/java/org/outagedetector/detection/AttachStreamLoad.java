package org.outagedetector.detection;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.outagedetector.aggregation.ServiceMinute;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gives each service's minute the whole stream's load of the same minute, so the detector judges minute m with
 * the load of minute m. The loads are broadcast (one small record a minute). A service's minute waits in keyed
 * state until the watermark passes the minute's end, by which time the load, emitted before that watermark,
 * has arrived if the stream had any other posts that minute; a minute without one is judged without a surge
 * correction rather than held. Never sooner, even when its load is already there: the load of a later minute
 * can arrive (from the subtask that gathers the loads) before the watermark releases an earlier minute, and
 * the detector must see each service's minutes in order.
 */
public class AttachStreamLoad extends KeyedBroadcastProcessFunction<String, ServiceMinute, StreamLoad, ServiceMinute> {

    /** The loads of the minutes the watermark has not passed yet, by minute start. */
    public static final MapStateDescriptor<Long, StreamLoad> LOADS =
            new MapStateDescriptor<>("stream-loads", Types.LONG, Types.POJO(StreamLoad.class));

    private final long stepMillis;
    private transient ListState<ServiceMinute> waiting;

    public AttachStreamLoad(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-minutes", ServiceMinute.class));
    }

    @Override
    public void processElement(ServiceMinute m, ReadOnlyContext ctx, Collector<ServiceMinute> out) throws Exception {
        waiting.add(m);
        ctx.timerService().registerEventTimeTimer(m.windowEnd - 1);
    }

    @Override
    public void processBroadcastElement(StreamLoad load, Context ctx, Collector<ServiceMinute> out) throws Exception {
        BroadcastState<Long, StreamLoad> loads = ctx.getBroadcastState(LOADS);
        loads.put(load.minuteStart, load);
        // The minutes the watermark has passed have been attached (their timers fired): their loads can go.
        Iterator<Map.Entry<Long, StreamLoad>> it = loads.iterator();
        while (it.hasNext()) {
            if (it.next().getKey() + stepMillis - 1 <= ctx.currentWatermark()) {
                it.remove();
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ServiceMinute> out) throws Exception {
        List<ServiceMinute> later = new ArrayList<>();
        for (ServiceMinute m : waiting.get()) {
            if (m.windowEnd - 1 <= timestamp) {
                m.load = ctx.getBroadcastState(LOADS).get(m.windowStart);
                out.collect(m);
            } else {
                later.add(m);
            }
        }
        if (later.isEmpty()) {
            waiting.clear();
        } else {
            waiting.update(later);
        }
    }
}
