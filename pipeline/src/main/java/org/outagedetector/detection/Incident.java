package org.outagedetector.detection;

import java.util.ArrayList;
import java.util.List;

/** One outage of one service as the detector tracks it, in keyed state. A Flink POJO. */
public class Incident {
    public String alertId;
    public String service;
    /** True from the open until it resolves; a resolved incident is remembered for recurrences. */
    public boolean active;
    public boolean verified;
    public long startedAt;
    /** detected_at of the open event: the base of the lead time. */
    public long openedAt;
    public long lastAnomalousEnd;
    public long resolvedAt;
    public int calmMinutes;
    public int peakAuthors;
    /** The evidence last reported (open or update): growth is judged against it, statements repeat it. */
    public int reportedAuthors;
    public int reportedPosts;
    public double reportedExpected;
    public double reportedScore;
    public String severity;
    public long officialAckAt;
    public String officialStatus;
    public List<String> samples = new ArrayList<>();
    public List<String> problemKinds = new ArrayList<>();

    public Incident() {}
}
