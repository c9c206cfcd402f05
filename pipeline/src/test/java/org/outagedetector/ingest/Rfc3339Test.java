package org.outagedetector.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written path must agree with java.time on every string: same millis, or the same rejection. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2012-06-21T16:01:05Z", "2012-06-21T16:01:05.000Z", "2012-06-21T16:01:05.1Z",
            "2012-06-21T16:01:05.12Z", "2012-06-21T16:01:05.999999999Z", "2012-06-21T18:01:05+02:00",
            "2012-06-21T11:31:05.5-04:30", "2024-02-29T23:59:59.999Z", "2000-02-29T00:00:00Z", "1969-12-31T23:59:59.999Z",
            "1900-01-01T00:00:00.001Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2012-06-21T16:01:05+17:59",
            "2012-06-21T16:01:05-00:00"})
    void fastPathAgreesWithJavaTime(String s) {
        assertThat(Rfc3339.fast(s)).isEqualTo(javaTime(s));
        assertThat(Rfc3339.toEpochMilli(s)).isEqualTo(javaTime(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-06-21t16:01:05z", "2012-06-21T16:01:05+18:00", "2012-06-21T16:01:05.Z",
            "2012-06-21T16:01Z", "2012-06-21T16:01:05+02:00:30", "+2012-06-21T16:01:05Z"})
    void leavesOtherShapesToJavaTime(String s) {
        assertThat(Rfc3339.fast(s)).isEqualTo(Long.MIN_VALUE);
        long expected;
        try {
            expected = javaTime(s);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Rfc3339.toEpochMilli(s)).isInstanceOf(DateTimeParseException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(Rfc3339.toEpochMilli(s)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "2012-06-21", "2012-06-21T16:01:05", "2012-13-01T00:00:00Z",
            "2012-00-01T00:00:00Z", "2023-02-29T00:00:00Z", "2012-04-31T00:00:00Z", "2012-06-21T24:00:00Z",
            "2012-06-21T23:60:00Z", "2012-06-21T23:59:60Z", "2012-06-21T16:01:05.1234567890Z",
            "2012-06-21T16:01:05+19:00", "2012-06-21T16:01:05+02:60", "2012-06-21T16:01:05+0200",
            "2012-06-21 16:01:05Z", "2012-06-21T16:01:05ZZ", "2O12-06-21T16:01:05Z", "2012-06-21T16:01:05.12a3Z",
            "١٢٣٤-06-21T16:01:05Z"})
    void rejectsWhatJavaTimeRejects(String s) {
        assertThat(Rfc3339.fast(s)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> OffsetDateTime.parse(s)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.toEpochMilli(s)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesOnRandomTimesAndOffsets() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long millis = r.nextLong(Instant.parse("1800-01-01T00:00:00Z").toEpochMilli(),
                    Instant.parse("2200-01-01T00:00:00Z").toEpochMilli());
            String s = Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.ofTotalSeconds(
                    r.nextInt(-17 * 60, 17 * 60 + 1) * 60)).toString();
            assertThat(Rfc3339.toEpochMilli(s)).as(s).isEqualTo(javaTime(s)).isEqualTo(millis);
        }
    }

    private static long javaTime(String s) {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    }
}
