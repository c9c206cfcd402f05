package org.outagedetector.alerting.webhook;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMetricsTest {

    /** Keeps the counters it hands out, by name. */
    private static final class Counters extends UnregisteredMetricsGroup {
        final Map<String, Counter> byName = new ConcurrentHashMap<>();

        @Override
        public Counter counter(String name) {
            return counter(name, new SimpleCounter());
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            byName.put(name, counter);
            return counter;
        }
    }

    /** Deliveries finish on the HTTP client's threads, several at once: none may go uncounted. */
    @Test
    void resultsRecordedFromManyThreadsAtOnceAreAllCounted() throws Exception {
        Counters group = new Counters();
        DeliveryMetrics metrics = new DeliveryMetrics(group, () -> 0);
        WebhookTarget target = new WebhookTarget(WebhookFormat.GENERIC, URI.create("http://127.0.0.1:9/"));
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    metrics.record(new DeliveryResult(target, "e" + i, DeliveryResult.Outcome.FAILED, 2, 503, 1));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(group.byName.get("failed").getCount()).isEqualTo((long) threads * each);
        assertThat(group.byName.get("retried").getCount()).isEqualTo((long) threads * each);
        assertThat(group.byName.get("delivered").getCount()).isZero();
    }
}
