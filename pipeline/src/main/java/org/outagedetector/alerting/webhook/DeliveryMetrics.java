package org.outagedetector.alerting.webhook;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.function.IntSupplier;

/**
 * Counts deliveries by outcome, retries, and how long deliveries take, and shows how many are pending,
 * under the operator's metric group.
 */
final class DeliveryMetrics {

    private static final int LATENCY_WINDOW = 500;

    private final Counter delivered;
    private final Counter retried;
    private final Counter dropped;
    private final Counter failed;
    private final Counter shed;
    private final Counter superseded;
    private final Histogram latencyMillis;

    DeliveryMetrics(MetricGroup group, IntSupplier pending) {
        delivered = group.counter("delivered");
        retried = group.counter("retried");
        dropped = group.counter("dropped");
        failed = group.counter("failed");
        shed = group.counter("shed");
        superseded = group.counter("superseded");
        Gauge<Integer> pendingGauge = pending::getAsInt;
        group.gauge("pending", pendingGauge);
        latencyMillis = group.histogram("latencyMillis", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
    }

    /**
     * Called from the HTTP client's threads, several at once: Flink's counters and this histogram are not
     * thread-safe (unsynchronized, two failed deliveries finishing together counted one retry).
     */
    synchronized void record(DeliveryResult r) {
        switch (r.outcome) {
            case DELIVERED -> delivered.inc();
            case DROPPED -> dropped.inc();
            case FAILED -> failed.inc();
            case SHED -> shed.inc();
            case SUPERSEDED -> superseded.inc();
        }
        retried.inc(Math.max(r.attempts - 1, 0));
        if (r.attempts > 0) {
            latencyMillis.update(r.latencyMillis);
        }
    }
}
