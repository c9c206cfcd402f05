package org.outagedetector.alerting.webhook;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.outagedetector.testing.OperatorMetrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The delivery metrics of one webhook (counters and the pending gauge), summed over its subtasks. */
final class WebhookMetrics {

    private static final List<String> NAMES = List.of("delivered", "retried", "dropped", "failed", "shed", "pending");

    private WebhookMetrics() {}

    /** For the delivery operator of the given job that sends to the given port. */
    static Map<String, Long> of(InMemoryReporter reporter, JobID job, int port) {
        Predicate<String> delivery = name -> name.startsWith("webhook ") && name.contains(":" + port)
                && !name.endsWith(" done") && !name.endsWith(" no watermarks");
        Map<String, Long> sums = new TreeMap<>();
        NAMES.forEach(metric -> sums.put(metric, OperatorMetrics.sum(reporter, job, delivery, metric)));
        return sums;
    }
}
