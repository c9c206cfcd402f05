package org.outagedetector.cli;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.scenario.Scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade with a savepoint keeps what the job has learned: a job stopped with a savepoint after a day of
 * everyday traffic and started again from it judges the outage against the learned baseline, not the prior.
 */
class SavepointRestoreIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static LocalKafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaBroker.start();
        UpgradeRuns.createTopics(kafka);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void baselinesSurviveAStopWithSavepointAndARestart() throws Exception {
        ScenarioSpec afternoon = Scenarios.twitter2012();
        afternoon.start = UpgradeRuns.DAY_END;
        afternoon.length = Duration.ofHours(6);
        afternoon.statements.clear();

        long firstPart = UpgradeRuns.produce(kafka, new Scenario(UpgradeRuns.day()));
        JobClient first = start(null);
        UpgradeRuns.awaitCommittedOffsets(kafka, UpgradeRuns.GROUP, firstPart);
        String savepoint = UpgradeRuns.stopWithSavepoint(first, dir.resolve("savepoints"));

        UpgradeRuns.produce(kafka, new Scenario(afternoon));
        JobClient second = start(savepoint);
        try {
            AlertEvent open = UpgradeRuns.awaitOpen(kafka, "alerts", "twitter");
            // Without the restored state twitter would be a new service judged against the prior (0.05).
            assertThat(open.expected).isGreaterThan(0.3);
            assertThat(open.detectedAt).isBetween(Instant.parse("2012-06-21T16:01:00Z").toEpochMilli(),
                    Instant.parse("2012-06-21T16:03:00Z").toEpochMilli());
        } finally {
            second.cancel().get();
        }
    }

    private static JobClient start(String savepoint) throws Exception {
        return UpgradeRuns.start(kafka, savepoint, "--group-id", UpgradeRuns.GROUP, "--job-name", UpgradeRuns.GROUP);
    }
}
