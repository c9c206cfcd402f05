package org.outagedetector.alerting.webhook;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before retry n is uniform in
 * [0, min(max, base * 2^(n-1))], which spreads retries from many senders instead of synchronising them.
 */
final class Backoff {

    /** 2^30 times any sane base already exceeds any sane max; stop doubling there to avoid overflow. */
    private static final int MAX_DOUBLINGS = 30;

    private final long baseMillis;
    private final long maxMillis;
    private final DoubleSupplier uniform;

    /** @param uniform values in [0, 1) */
    Backoff(Duration base, Duration max, DoubleSupplier uniform) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.uniform = uniform;
    }

    /** The wait before the given retry (1 for the first retry). */
    Duration beforeRetry(int retry) {
        return Duration.ofMillis((long) (cap(retry) * uniform.getAsDouble()));
    }

    long cap(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), MAX_DOUBLINGS);
        return Math.min(maxMillis, baseMillis << doublings);
    }

    long maxMillis() {
        return maxMillis;
    }
}
