package org.outagedetector.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster of the tests that read a job's metrics: one TaskManager, two slots, one metric reporter. */
public final class ReportingCluster {

    private ReportingCluster() {}

    /**
     * Its environment, and so its metrics, exist from each test's {@code @BeforeEach} on, not in
     * {@code @BeforeAll}.
     */
    public static MiniClusterExtension reportingTo(InMemoryReporter reporter) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(reporter.addToConfiguration(new Configuration()))
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
