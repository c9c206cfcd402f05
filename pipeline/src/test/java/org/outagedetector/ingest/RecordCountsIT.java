package org.outagedetector.ingest;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.LineFileSink;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.testing.BrokenRecords;
import org.outagedetector.testing.OperatorMetrics;
import org.outagedetector.testing.ReportingCluster;
import org.outagedetector.testing.TestScenarios;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts reconcile, from the job's own metrics: every record the parse step reads (Flink's
 * {@code numRecordsIn}) is either accepted or dead-lettered, for posts and statements alike, on a stream
 * with every kind of broken record mixed in; and the dead-letter output holds exactly the dead-lettered ones.
 */
class RecordCountsIT {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = ReportingCluster.reportingTo(METRICS);

    @TempDir
    static Path dir;

    private static long validPosts;
    private static long brokenPosts;
    private static long validStatements;
    private static long brokenStatements;
    private static JobID job;

    /** Once, before the first test: the cluster's environment (and its metrics) is there only from @BeforeEach on. */
    @BeforeEach
    void runAFuzzedStreamOnce() throws Exception {
        if (job != null) {
            return;
        }
        Scenario scenario = new Scenario(TestScenarios.twitterOutageThatResolves());
        SplittableRandom rng = new SplittableRandom(7);
        Path posts = dir.resolve("posts.jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(posts))) {
            for (long i = 0; i < scenario.size(); i++) {
                byte[] post = scenario.post(i);
                line(out, post);
                validPosts++;
                if (rng.nextInt(20) == 0) {
                    line(out, BrokenRecords.from(rng, post));
                    brokenPosts++;
                }
            }
        }
        Path statements = dir.resolve("statements.jsonl");
        List<String> statementLines = new ArrayList<>(scenario.statements());
        validStatements = statementLines.size();
        statementLines.addAll(List.of("{\"service\":\"twitter\",\"time\":\"2012-06-21T16:31:00Z\"}",
                "{\"service\":\"twitter\",\"time\":\"yesterday\",\"status\":\"resolved\",\"text\":\"ok\"}",
                "not a statement"));
        brokenStatements = statementLines.size() - validStatements;
        Files.write(statements, statementLines);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        OutageDetectorJob.build(env,
                        new OutageDetectorJob.Inputs(Sources.jsonLines(posts), Sources.jsonLines(statements)),
                        new OutageDetectorJob.Outputs(List.of(), new LineFileSink(dir.resolve("dead.jsonl"))),
                        OutageDetectorJob.Timing.replay(), DetectorConfig.defaults())
                .sinkTo(new DiscardingSink<>()).name("alerts-discarded");
        JobExecutionResult result = env.execute("fuzzed counts");
        job = result.getJobID();
    }

    private static void line(OutputStream out, byte[] record) throws IOException {
        out.write(record);
        out.write('\n');
    }

    private static long metric(String operator, String name) {
        return OperatorMetrics.sum(METRICS, job, operator, name);
    }

    @Test
    void everyPostReadIsAcceptedOrDeadLettered() {
        assertThat(brokenPosts).isGreaterThan(200);
        long read = metric("parse-posts", "numRecordsIn");
        assertThat(read).isEqualTo(validPosts + brokenPosts);
        assertThat(metric("parse-posts", "recordsRead")).isEqualTo(read);
        assertThat(metric("parse-posts", "recordsAccepted")).isEqualTo(validPosts);
        assertThat(metric("parse-posts", "recordsDeadLettered")).isEqualTo(brokenPosts);
        assertThat(metric("parse-posts", "recordsAccepted") + metric("parse-posts", "recordsDeadLettered"))
                .isEqualTo(read);
    }

    @Test
    void everyStatementReadIsAcceptedOrDeadLettered() {
        long read = metric("parse-statements", "numRecordsIn");
        assertThat(read).isEqualTo(validStatements + brokenStatements);
        assertThat(metric("parse-statements", "recordsRead")).isEqualTo(read);
        assertThat(metric("parse-statements", "recordsAccepted")).isEqualTo(validStatements);
        assertThat(metric("parse-statements", "recordsDeadLettered")).isEqualTo(brokenStatements);
    }

    @Test
    void theDeadLetterOutputHoldsExactlyTheDeadLettered() throws IOException {
        // No mention came late in this stream, so the dead letters are the parse rejections and nothing else.
        assertThat(metric("late-mentions", "lateMentions")).isZero();
        try (var lines = Files.lines(dir.resolve("dead.jsonl"), StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(brokenPosts + brokenStatements);
        }
    }
}
