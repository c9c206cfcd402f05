package org.outagedetector.detection;

/** The whole stream's own baseline of its load, and since when it has been in a surge it does not learn. A Flink POJO. */
public class StreamLoadState {
    public Baseline baseline = new Baseline();
    /** Start of the first step of the current held surge; 0 when none. */
    public long surgeSince;

    public StreamLoadState() {}
}
