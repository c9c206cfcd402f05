package org.outagedetector.aggregation;

import org.outagedetector.detection.StreamLoad;

import java.util.ArrayList;
import java.util.List;

/** One service's mentions in one event-time minute: the unit the detector judges. A Flink POJO. */
public class ServiceMinute {
    public String service;
    public boolean verified;
    /** Window start and end, epoch milliseconds; end is exclusive. */
    public long windowStart;
    public long windowEnd;
    public int posts;
    public int distinctAuthors;
    /** Problem kinds, most reported first. */
    public List<String> problemKinds = new ArrayList<>();
    public List<String> samples = new ArrayList<>();
    /** Wall-clock time the window fired: the start of the alert latency the benchmark measures. */
    public long firedAt;
    /** The whole stream's load in the same minute, attached after the window; null when there is none. */
    public StreamLoad load;

    public ServiceMinute() {}

    public ServiceMinute(String service, boolean verified, long windowStart, long windowEnd, int posts,
                         int distinctAuthors, List<String> problemKinds, List<String> samples) {
        this.service = service;
        this.verified = verified;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.posts = posts;
        this.distinctAuthors = distinctAuthors;
        this.problemKinds = problemKinds;
        this.samples = samples;
    }
}
