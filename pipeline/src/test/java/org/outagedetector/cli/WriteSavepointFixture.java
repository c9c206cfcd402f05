package org.outagedetector.cli;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.scenario.Scenario;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes a savepoint fixture for {@link SavepointCompatibilityIT}: the production job runs a day of everyday
 * traffic ({@link UpgradeRuns#day()}) and stops with a canonical savepoint, which goes to
 * {@code <savepoint.fixture.dir>/savepoint}, with the topics' end offsets the job had read to in
 * {@code offsets.properties}. Not a test: it runs only when asked, with the build of the release whose
 * savepoints are to be kept readable; {@code eval/make-savepoint-fixture.sh} does that.
 */
@EnabledIfSystemProperty(named = "savepoint.fixture.dir", matches = ".+")
class WriteSavepointFixture {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void write() throws Exception {
        Path fixture = Path.of(System.getProperty("savepoint.fixture.dir")).toAbsolutePath();
        assertThat(fixture.resolve("savepoint")).as("a fixture is never overwritten").doesNotExist();
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            UpgradeRuns.createTopics(kafka);
            long posts = UpgradeRuns.produce(kafka, new Scenario(UpgradeRuns.day()));
            JobClient job = UpgradeRuns.start(kafka, null, "--group-id", UpgradeRuns.GROUP, "--job-name",
                    UpgradeRuns.GROUP);
            UpgradeRuns.awaitCommittedOffsets(kafka, UpgradeRuns.GROUP, posts);
            Files.createDirectories(fixture);
            // Flink names the directory after the job; a fixed name lets the test find it.
            Files.move(Path.of(URI.create(UpgradeRuns.stopWithSavepoint(job, fixture))), fixture.resolve("savepoint"));
            writeOffsets(UpgradeRuns.endOffsets(kafka), fixture.resolve("offsets.properties"));
        }
    }

    /** One "topic-partition=offset" line each, sorted, without the date {@code Properties.store} would add. */
    private static void writeOffsets(Map<String, Long> offsets, Path file) throws IOException {
        StringBuilder lines = new StringBuilder("# End offsets of the topics when the savepoint was taken\n");
        offsets.forEach((partition, offset) -> lines.append(partition).append('=').append(offset).append('\n'));
        Files.writeString(file, lines);
    }
}
