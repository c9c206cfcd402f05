package org.outagedetector.alerting.report;

import org.outagedetector.detection.MinutePoint;

/**
 * The minutes of one incident's chart window for its service: distinct authors against what the baseline
 * expected and the top of its normal band. Sized by the window, whatever the length of the stream.
 */
final class MinuteSeries {

    static final long MINUTE = 60_000;

    private final String service;
    private final long start;
    private final int[] authors;
    private final double[] expected;
    private final int[] bandTop;
    private final boolean[] judged;

    MinuteSeries(String service, long start, long end) {
        if (end <= start || start % MINUTE != 0 || end % MINUTE != 0) {
            throw new IllegalArgumentException("window must be whole minutes, start before end");
        }
        this.service = service;
        this.start = start;
        int minutes = Math.toIntExact((end - start) / MINUTE);
        this.authors = new int[minutes];
        this.expected = new double[minutes];
        this.bandTop = new int[minutes];
        this.judged = new boolean[minutes];
    }

    static MinuteSeries of(IncidentSummary incident) {
        return new MinuteSeries(incident.service(), incident.windowStart(), incident.windowEnd());
    }

    String service() {
        return service;
    }

    /** Takes the point if it is this service's and inside the window; says whether it did. */
    boolean accept(MinutePoint p) {
        int i = index(p.minuteStart);
        if (!service.equals(p.service) || i < 0 || i >= authors.length) {
            return false;
        }
        authors[i] = p.distinctAuthors;
        expected[i] = p.expected;
        bandTop[i] = p.bandTop;
        judged[i] = true;
        return true;
    }

    /**
     * The detector only judges minutes with mentions or an open incident, so a missing minute had nobody
     * saying the service was down: 0 authors. Its baseline did not change much in a minute, so it takes the
     * expected value and band of the nearest judged minute before it, or after it at the start of the window.
     */
    void fillGaps() {
        int firstJudged = -1;
        for (int i = 0; i < judged.length && firstJudged < 0; i++) {
            if (judged[i]) {
                firstJudged = i;
            }
        }
        if (firstJudged < 0) {
            return; // nothing judged at all: zeros everywhere is the honest picture
        }
        for (int i = 0; i < judged.length; i++) {
            if (!judged[i]) {
                int from = i < firstJudged ? firstJudged : i - 1;
                expected[i] = expected[from];
                bandTop[i] = bandTop[from];
                authors[i] = 0;
            }
        }
    }

    int size() {
        return authors.length;
    }

    long start() {
        return start;
    }

    long end() {
        return start + authors.length * MINUTE;
    }

    long minuteStart(int i) {
        return start + i * MINUTE;
    }

    int authors(int i) {
        return authors[i];
    }

    double expected(int i) {
        return expected[i];
    }

    int bandTop(int i) {
        return bandTop[i];
    }

    boolean judged(int i) {
        return judged[i];
    }

    /** The minute holding the given moment, clamped to the window. */
    int indexAt(long epochMillis) {
        return Math.max(0, Math.min(authors.length - 1, index(Math.max(start, epochMillis))));
    }

    private int index(long minuteStart) {
        long offset = minuteStart - start;
        return offset < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, offset / MINUTE);
    }
}
