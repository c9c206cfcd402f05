package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void theCapDoublesFromTheBaseUpToTheMax() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);

        assertThat(b.cap(1)).isEqualTo(100);
        assertThat(b.cap(2)).isEqualTo(200);
        assertThat(b.cap(4)).isEqualTo(800);
        assertThat(b.cap(5)).isEqualTo(1000);
        assertThat(b.cap(1000)).isEqualTo(1000);
    }

    @Test
    void theWaitIsAFullJitterFractionOfTheCap() {
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).beforeRetry(3))
                .isEqualTo(Duration.ZERO);
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5).beforeRetry(3))
                .isEqualTo(Duration.ofMillis(200));
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999).beforeRetry(10))
                .isEqualTo(Duration.ofMillis(999));
    }
}
