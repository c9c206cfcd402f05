package org.outagedetector.ingest;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

import java.time.Duration;

/**
 * Right after the posts source, live runs only: a source subtask that was idle and reads posts again is active
 * again at once, at the watermark it had, and moves event time on only after one idle timeout, as each of its
 * partitions does ({@link RejoiningIdleness}).
 * <p>
 * Why here too: when every partition of a subtask has gone idle (a broker restart), Flink's source announces
 * the subtask active again only with a watermark above its last one; a partition that rejoins at its old
 * watermark sends none. Downstream would leave that subtask out until its hold ended, and a subtask whose
 * partitions came back a few seconds earlier would drive event time alone past this one's backlog, its posts
 * then coming late. Only timed posts count as reading: untimed ones never make a partition active either.
 * While this operator holds the subtask active and its source stays idle (it has sent no watermark), a silence
 * of one idle timeout makes it idle again.
 */
public final class RejoinAtOldWatermark<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {

    private final long idleMillis;

    /** The source announced idleness and has sent no watermark since. */
    private transient boolean sourceIdle;
    /** What this operator last told downstream. */
    private transient boolean announcedIdle;
    private transient long holdUntil;
    private transient long lastTimedPost;
    /** The newest watermark from the source, and the newest passed on. */
    private transient long newest;
    private transient long passedOn;

    public RejoinAtOldWatermark(Duration idleTimeout) {
        this.idleMillis = idleTimeout.toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        holdUntil = Long.MIN_VALUE;
        newest = Long.MIN_VALUE;
        passedOn = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<T> record) {
        if (record.hasTimestamp() && record.getTimestamp() != EventTime.UNTIMED) {
            long now = now();
            lastTimedPost = now;
            if (announcedIdle) {
                announce(WatermarkStatus.ACTIVE);
                holdUntil = now + idleMillis;
                getProcessingTimeService().registerTimer(holdUntil, t -> passOnNewest());
                getProcessingTimeService().registerTimer(now + idleMillis + 1, this::idleAgainIfSilent);
            }
        }
        output.collect(record);
    }

    @Override
    public void processWatermark(Watermark mark) {
        sourceIdle = false;
        newest = Math.max(newest, mark.getTimestamp());
        if (now() >= holdUntil) {
            passOnNewest();
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        sourceIdle = status.isIdle();
        if (sourceIdle) {
            holdUntil = Long.MIN_VALUE;
            announce(WatermarkStatus.IDLE);
        }
    }

    /** The input's end (bounded runs): its final watermark is never held back. */
    @Override
    public void finish() throws Exception {
        holdUntil = Long.MIN_VALUE;
        passOnNewest();
        super.finish();
    }

    private void passOnNewest() {
        if (sourceIdle || newest <= passedOn) {
            return;
        }
        announce(WatermarkStatus.ACTIVE);
        passedOn = newest;
        output.emitWatermark(new Watermark(newest));
    }

    /** Held active by this operator alone, with no timed post for an idle timeout: idle again. */
    private void idleAgainIfSilent(long timestamp) {
        if (!sourceIdle || announcedIdle) {
            return;
        }
        long silentUntil = lastTimedPost + idleMillis;
        if (timestamp > silentUntil) {
            announce(WatermarkStatus.IDLE);
        } else {
            getProcessingTimeService().registerTimer(silentUntil + 1, this::idleAgainIfSilent);
        }
    }

    private void announce(WatermarkStatus status) {
        if (announcedIdle != status.isIdle()) {
            announcedIdle = status.isIdle();
            output.emitWatermarkStatus(status);
        }
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }
}
