package org.outagedetector.aggregation;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.outagedetector.ingest.Post;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sketches the distinct authors of the posts this subtask reads, per event-time minute, chained to the
 * language step: a hash per post and one record per subtask and minute downstream, never a shuffle of posts.
 * A minute's sketch is emitted (stamped with the minute's last millisecond) once the watermark has passed it,
 * just before the watermark itself, so a downstream event-time timer sees every subtask's part. A post whose
 * minute the watermark has already passed is not counted (its minute's load is out). Sketches not yet
 * emitted are kept in operator state across checkpoints.
 */
public class CountPeoplePerMinute extends AbstractStreamOperator<MinutePeople>
        implements OneInputStreamOperator<Post, MinutePeople> {

    private final long stepMillis;
    /** Open minutes: usually one or two (the current one and the disorder bound's overlap). */
    private transient TreeMap<Long, MinutePeople> open;
    /** The minute the last post fell in, reached without a map look-up. */
    private transient MinutePeople current;
    private transient long watermark;
    private transient ListState<MinutePeople> pending;

    public CountPeoplePerMinute(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    @Override
    public void initializeState(StateInitializationContext ctx) throws Exception {
        super.initializeState(ctx);
        open = new TreeMap<>();
        current = null;
        watermark = Long.MIN_VALUE;
        pending = ctx.getOperatorStateStore().getListState(new ListStateDescriptor<>("open-minutes", MinutePeople.class));
        // After a rescale a subtask may get several subtasks' sketches of the same minute: they merge.
        for (MinutePeople part : pending.get()) {
            MinutePeople mine = open.putIfAbsent(part.minuteStart, part);
            if (mine != null) {
                mine.merge(part);
            }
        }
    }

    @Override
    public void processElement(StreamRecord<Post> record) {
        long minute = Math.floorDiv(record.getTimestamp(), stepMillis) * stepMillis;
        if (current == null || current.minuteStart != minute) {
            if (minute + stepMillis - 1 <= watermark) {
                return;
            }
            current = open.computeIfAbsent(minute, MinutePeople::new);
        }
        current.add(record.getValue().authorKey());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        while (!open.isEmpty() && open.firstKey() + stepMillis - 1 <= watermark) {
            Map.Entry<Long, MinutePeople> done = open.pollFirstEntry();
            if (done.getValue() == current) {
                current = null;
            }
            output.collect(new StreamRecord<>(done.getValue(), done.getKey() + stepMillis - 1));
        }
        super.processWatermark(mark);
    }

    @Override
    public void snapshotState(StateSnapshotContext ctx) throws Exception {
        super.snapshotState(ctx);
        pending.update(new ArrayList<>(open.values()));
    }
}
