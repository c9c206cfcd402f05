package org.outagedetector.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 times to epoch milliseconds, as {@code OffsetDateTime.parse(s).toInstant().toEpochMilli()} does.
 * That call was about half of the parse step's CPU in `bench` (a formatter walk, a field map and a resolver
 * per post), so the shape nearly every feed writes, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, is read
 * here by hand. Anything else, including every string that would be rejected, goes to
 * {@link OffsetDateTime#parse}, so what is accepted, the result and the error stay those of java.time.
 */
final class Rfc3339 {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Not a real result: the fast path does not apply. Below any time the parsers accept (PostParser.EARLIEST). */
    private static final long NOT_FAST = Long.MIN_VALUE;

    private Rfc3339() {}

    static long toEpochMilli(String s) throws DateTimeParseException {
        long fast = fast(s);
        return fast != NOT_FAST ? fast : OffsetDateTime.parse(s).toInstant().toEpochMilli();
    }

    /** The common shape, fully range-checked; {@link #NOT_FAST} for anything it does not cover. */
    static long fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return NOT_FAST;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return NOT_FAST;
        }
        int monthDays = month == 2 && Year.isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
        if (day > monthDays) {
            return NOT_FAST;
        }
        int i = 19;
        int millis = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                // Only milliseconds survive toEpochMilli (it truncates); further digits are checked, not used.
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return NOT_FAST;
            }
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            // ±18:00 is the java.time limit; leave that edge to it.
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return NOT_FAST;
            }
            offsetSeconds = (s.charAt(i) == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        } else {
            return NOT_FAST;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1000L + millis;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
