package org.outagedetector.alerting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chart's coordinate system: the plot area inside the SVG, times to x, counts to y, and the ticks of
 * both axes at round values (clock times, 1-2-5 counts) so people can read them off.
 */
final class ChartFrame {

    static final int WIDTH = 1100;
    static final int HEIGHT = 480;
    static final int LEFT = 64;
    static final int RIGHT = 24;
    /** Room above the plot for up to four rows of marker labels. */
    static final int TOP = 78;
    /** Room below the plot for tick labels, the axis title and the legend. */
    static final int BOTTOM = 104;

    private static final long MINUTE = 60_000;
    private static final int[] TIME_STEPS_MINUTES = {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
    private static final int MAX_TIME_TICKS = 14;
    private static final int MAX_COUNT_TICKS = 6;

    private final long start;
    private final long end;
    private final int countStep;
    private final int yMax;

    ChartFrame(long start, long end, double largestCount) {
        if (end <= start) {
            throw new IllegalArgumentException("empty time range");
        }
        this.start = start;
        this.end = end;
        this.countStep = niceStep(Math.max(largestCount, 4));
        this.yMax = (int) Math.ceil(Math.max(largestCount, 4) / countStep) * countStep;
    }

    double plotLeft() {
        return LEFT;
    }

    double plotTop() {
        return TOP;
    }

    double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    double plotRight() {
        return LEFT + plotWidth();
    }

    double plotBottom() {
        return TOP + plotHeight();
    }

    int yMax() {
        return yMax;
    }

    /** Where a moment falls, linearly between the window's start (left edge) and end (right edge). */
    double x(long epochMillis) {
        return LEFT + (double) (epochMillis - start) * plotWidth() / (end - start);
    }

    double y(double count) {
        return plotBottom() - count * plotHeight() / yMax;
    }

    List<Integer> countTicks() {
        List<Integer> ticks = new ArrayList<>();
        for (int v = 0; v <= yMax; v += countStep) {
            ticks.add(v);
        }
        return ticks;
    }

    /** Clock-aligned UTC ticks (every 15 min, 30 min, 1 h ...), as few as keep the labels apart. */
    List<Long> timeTicks() {
        long span = (end - start) / MINUTE;
        int step = TIME_STEPS_MINUTES[TIME_STEPS_MINUTES.length - 1];
        for (int s : TIME_STEPS_MINUTES) {
            if (span / s <= MAX_TIME_TICKS) {
                step = s;
                break;
            }
        }
        long stepMillis = step * MINUTE;
        List<Long> ticks = new ArrayList<>();
        for (long t = Math.floorDiv(start + stepMillis - 1, stepMillis) * stepMillis; t <= end; t += stepMillis) {
            ticks.add(t);
        }
        return ticks;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** 1, 2 or 5 times a power of ten, so that at most {@link #MAX_COUNT_TICKS} steps cover the largest count. */
    private static int niceStep(double largest) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (largest / (m * magnitude) <= MAX_COUNT_TICKS) {
                    return m * magnitude;
                }
            }
        }
    }
}
