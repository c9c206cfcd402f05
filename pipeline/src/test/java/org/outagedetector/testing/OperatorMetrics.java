package org.outagedetector.testing;

import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

import java.util.Map;
import java.util.function.Predicate;

/** Reads a job's counters and numeric gauges, as a metric reporter sees them, summed over parallel subtasks. */
public final class OperatorMetrics {

    private OperatorMetrics() {}

    /** The sum over the subtasks of every operator whose name passes {@code operator}; 0 when none has it. */
    public static long sum(InMemoryReporter reporter, JobID job, Predicate<String> operator, String metric) {
        long sum = 0;
        for (Map.Entry<MetricGroup, Map<String, Metric>> group : reporter.getMetricsByGroup().entrySet()) {
            Map<String, String> variables = group.getKey().getAllVariables();
            if (!job.toString().equals(variables.get("<job_id>"))
                    || !operator.test(variables.getOrDefault("<operator_name>", ""))) {
                continue;
            }
            Metric m = group.getValue().get(metric);
            if (m instanceof Counter c) {
                sum += c.getCount();
            } else if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    /** How many subtasks of the operator of exactly that name have the metric at all. */
    public static long subtasksWith(InMemoryReporter reporter, JobID job, String operatorName, String metric) {
        return reporter.getMetricsByGroup().entrySet().stream()
                .filter(g -> job.toString().equals(g.getKey().getAllVariables().get("<job_id>"))
                        && operatorName.equals(g.getKey().getAllVariables().get("<operator_name>")))
                .filter(g -> g.getValue().containsKey(metric))
                .count();
    }

    /** For the operator of exactly that name. */
    public static long sum(InMemoryReporter reporter, JobID job, String operatorName, String metric) {
        return sum(reporter, job, operatorName::equals, metric);
    }
}
