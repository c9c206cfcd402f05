package org.outagedetector.alerting;

import java.util.Locale;

/** How durations and the lead over the official statement read, the same in the terminal, webhooks and reports. */
public final class LeadTime {

    private LeadTime() {}

    /** "1 h 05 min", "7 min 30 s": durations people compare at a glance; the sign is dropped. */
    public static String duration(long seconds) {
        long s = Math.abs(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** The lead in words: official acknowledgement minus detection, negative when the statement came first. */
    public static String phrase(long leadSeconds) {
        return leadSeconds >= 0
                ? "the alert came " + duration(leadSeconds) + " before the official statement"
                : "the official statement came " + duration(leadSeconds) + " before the alert";
    }
}
