package org.outagedetector.detection;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Passes records and watermarks on, and never an idle status: while its input pauses, event time downstream
 * stays where the input left it instead of following other inputs.
 * <p>
 * Why: the service minutes meet the stream's load at {@link AttachStreamLoad}, and both come from the same
 * posts. When every partition pauses (a broker restart), both go idle; when the posts resume, the load's short
 * path (a sketch per subtask, flushed at once) becomes active before the minutes' path (every mention, flushed
 * every 100 ms, maybe backpressured). With the minutes idle, the load's watermark alone moved the detector past
 * minutes still on their way: they were judged silent, an open incident resolved, and then "recurred" when the
 * minutes came. The minutes' event time must drive the attach step; the load may only hold it back.
 */
public final class NeverIdle<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {

    @Override
    public void processElement(StreamRecord<T> record) {
        output.collect(record);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // Dropped: downstream sees this input as active, at its last watermark, for good.
    }
}
