package org.outagedetector;

import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertJson;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import org.outagedetector.testing.OperatorMetrics;
import org.outagedetector.testing.ReportingCluster;
import org.outagedetector.testing.UndisturbedRun;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hot key: one service flooded at a thousand times its everyday rate for an hour, by many people (a real
 * spike for that service), while other services have outages of their own. The others' alerts are exactly
 * those of the same stream without the flood (same events, same event-time minutes, same evidence), and no
 * mention of any service comes too late to be counted.
 */
class HotKeyFloodIT {

    private static final String FLOODED = "netflix";
    private static final Instant START = Instant.parse("2012-06-21T14:00:00Z");
    private static final Duration LENGTH = Duration.ofMinutes(210);

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ReportingCluster.reportingTo(METRICS);

    @TempDir
    static Path dir;

    private static Scenario everyday;
    private static Scenario flood;
    private static UndisturbedRun.Result calm;
    private static UndisturbedRun.Result flooded;

    /** Once, before the first test: the cluster's environment (and its metrics) is there only from @BeforeEach on. */
    @BeforeEach
    void runWithAndWithoutTheFloodOnce() throws Exception {
        if (flooded != null) {
            return;
        }
        // Netflix's everyday rate is 2 people a minute at this time of day.
        everyday = new Scenario(new ScenarioSpec(START, LENGTH)
                .chatter(10)
                .background("twitter", 2)
                .background("gmail", 1)
                .background("slack", 1)
                .background(FLOODED, 2)
                .outage("twitter", "2012-06-21T16:00:00Z", "2012-06-21T16:40:00Z", 60)
                .outage("slack", "2012-06-21T16:20:00Z", "2012-06-21T16:45:00Z", 25)
                .statement("twitter", "2012-06-21T16:30:00Z", "investigating", "Looking into it."));
        // 2,000 different people a minute about the one service for an hour, over the others' outages.
        flood = new Scenario(new ScenarioSpec(START, LENGTH).seed(1000).chatter(0)
                .outage(FLOODED, "2012-06-21T15:50:00Z", "2012-06-21T16:50:00Z", 2000));

        Path calmPosts = dir.resolve("calm.jsonl");
        Path floodedPosts = dir.resolve("flooded.jsonl");
        writeInterleaved(calmPosts, everyday);
        writeInterleaved(floodedPosts, everyday, flood);
        calm = run(calmPosts);
        flooded = run(floodedPosts);
    }

    /** The scenarios' posts merged minute by minute, each minute's posts in the order of their time in it. */
    private static void writeInterleaved(Path file, Scenario... scenarios) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (long m = 0; m < LENGTH.toMinutes(); m++) {
                Instant minute = START.plus(Duration.ofMinutes(m));
                long[] next = new long[scenarios.length];
                long[] end = new long[scenarios.length];
                long[] count = new long[scenarios.length];
                for (int s = 0; s < scenarios.length; s++) {
                    next[s] = scenarios[s].firstPostAt(minute);
                    end[s] = scenarios[s].firstPostAt(minute.plus(Duration.ofMinutes(1)));
                    count[s] = end[s] - next[s];
                }
                while (true) {
                    // Posts are spread evenly over their minute: the next one is the least far into it.
                    int pick = -1;
                    double least = Double.MAX_VALUE;
                    for (int s = 0; s < scenarios.length; s++) {
                        double at = next[s] < end[s] ? (double) (count[s] - (end[s] - next[s])) / count[s] : 2;
                        if (at < least) {
                            least = at;
                            pick = s;
                        }
                    }
                    if (least > 1) {
                        break;
                    }
                    out.write(scenarios[pick].post(next[pick]++));
                    out.write('\n');
                }
            }
        }
    }

    private static UndisturbedRun.Result run(Path posts) throws Exception {
        return UndisturbedRun.of(new OutageDetectorJob.Inputs(Sources.jsonLines(posts),
                Sources.lines(everyday.statements())));
    }

    private static List<String> othersThanTheFlooded(UndisturbedRun.Result run) {
        return run.alerts().stream().filter(a -> !a.service.equals(FLOODED)).map(AlertJson::write).toList();
    }

    @Test
    void theFloodIsAThousandTimesTheServicesEverydayRate() {
        long floodPosts = flood.firstPostAt(Instant.parse("2012-06-21T16:50:00Z"))
                - flood.firstPostAt(Instant.parse("2012-06-21T15:50:00Z"));
        assertThat(floodPosts).isGreaterThan(1000L * 2 * 60);
        assertThat(flood.size()).isGreaterThan(20 * everyday.size());
    }

    @Test
    void theOtherServicesGetTheSameAlertsAtTheSameMinutes() {
        List<String> others = othersThanTheFlooded(calm);
        assertThat(others).anyMatch(a -> a.contains("\"service\":\"twitter\",\"state\":\"open\""))
                .anyMatch(a -> a.contains("\"service\":\"slack\",\"state\":\"open\""))
                .anyMatch(a -> a.contains("\"reason\":\"official_ack\""));
        assertThat(othersThanTheFlooded(flooded)).containsExactlyElementsOf(others);
    }

    @Test
    void theFloodIsCountedInPeopleForItsOwnService() {
        assertThat(calm.alerts()).noneMatch(a -> a.service.equals(FLOODED));
        assertThat(flooded.alerts()).filteredOn(a -> a.service.equals(FLOODED))
                .anySatisfy(a -> assertThat(a.peakAuthors).isGreaterThan(1500));
    }

    @Test
    void noMentionComesTooLateToBeCounted() {
        assertThat(OperatorMetrics.sum(METRICS, flooded.job(), "late-mentions", "lateMentions")).isZero();
        assertThat(OperatorMetrics.sum(METRICS, flooded.job(), "parse-posts", "recordsAccepted"))
                .isEqualTo(everyday.size() + flood.size());
    }
}
