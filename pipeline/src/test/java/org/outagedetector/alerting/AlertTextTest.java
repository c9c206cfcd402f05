package org.outagedetector.alerting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTextTest {

    private static AlertEvent resolved(String reason) {
        AlertEvent a = new AlertEvent();
        a.alertId = "acme-20240307T0021Z";
        a.service = "acme";
        a.state = AlertEvent.RESOLVED;
        a.severity = "minor";
        a.reason = reason;
        a.verified = true;
        a.startedAt = Instant.parse("2024-03-07T00:21:00Z").toEpochMilli();
        a.detectedAt = Instant.parse("2024-03-08T01:40:00Z").toEpochMilli();
        a.resolvedAt = Instant.parse("2024-03-08T01:25:00Z").toEpochMilli();
        a.distinctAuthors = 9;
        a.expected = 7.6;
        a.peakAuthors = 17;
        return a;
    }

    @Test
    void aLastingShiftSaysItIsTakenAsTheNewNormal() {
        assertThat(AlertText.describe(resolved("new_normal"))).isEqualTo("[2024-03-08 01:40 UTC] RESOLVED acme "
                + "(minor)  still 9 people/min after 25 h: taken as the new normal (7.6 expected now); peak 17 "
                + "people/min  id=acme-20240307T0021Z");
    }

    @Test
    void anOutageThatSubsidedSaysSinceWhen() {
        assertThat(AlertText.describe(resolved("subsided"))).isEqualTo("[2024-03-08 01:40 UTC] RESOLVED acme "
                + "(minor)  back to normal since 2024-03-08 01:25 UTC after 1504 min; peak 17 people/min  "
                + "id=acme-20240307T0021Z");
    }
}
