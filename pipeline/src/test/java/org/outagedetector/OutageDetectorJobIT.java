package org.outagedetector;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.ingest.Sources;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.Scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole graph on a MiniCluster at parallelism 2, over the demo's scenario with known outages and decoys. */
class OutageDetectorJobIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static List<AlertEvent> alerts;

    @BeforeAll
    static void runScenario() throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false); // a Kryo fallback anywhere fails the test
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        Scenario scenario = new Scenario(Scenarios.twitter2012());
        DataStream<AlertEvent> out = OutageDetectorJob.build(env,
                new OutageDetectorJob.Inputs(Sources.scenario(scenario), Sources.lines(scenario.statements())),
                new OutageDetectorJob.Outputs(List.of(), null), OutageDetectorJob.Timing.replay(),
                DetectorConfig.defaults());
        alerts = new ArrayList<>();
        try (CloseableIterator<AlertEvent> it = out.collectAsync()) {
            env.execute("scenario");
            it.forEachRemaining(alerts::add);
        }
        alerts.sort(Comparator.comparingLong((AlertEvent a) -> a.detectedAt));
    }

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    @Test
    void twitterOpensWithinMinutesOfTheOutageAndAheadOfTheStatement() {
        List<AlertEvent> twitter = alerts.stream().filter(a -> a.service.equals("twitter")).toList();
        AlertEvent open = twitter.get(0);
        assertThat(open.state).isEqualTo(AlertEvent.OPEN);
        assertThat(open.startedAt).isBetween(at("2012-06-21T16:00:00Z"), at("2012-06-21T16:02:00Z"));
        assertThat(open.detectedAt).isBetween(at("2012-06-21T16:01:00Z"), at("2012-06-21T16:03:00Z"));
        assertThat(open.samplePosts).isNotEmpty();
        assertThat(twitter).extracting(a -> a.alertId).containsOnly(open.alertId);

        AlertEvent ack = twitter.stream().filter(a -> "official_ack".equals(a.reason)).findFirst().orElseThrow();
        assertThat(ack.officialAckAt).isEqualTo(at("2012-06-21T16:35:00Z"));
        assertThat(ack.leadTimeSeconds).isEqualTo((at("2012-06-21T16:35:00Z") - open.detectedAt) / 1000);
        assertThat(ack.leadTimeSeconds).isGreaterThan(30 * 60);
    }

    @Test
    void twitterFlickersUnderOneIdAndResolvesAfterTheSecondOutage() {
        List<AlertEvent> twitter = alerts.stream().filter(a -> a.service.equals("twitter")).toList();
        assertThat(twitter).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).hasSize(1);
        AlertEvent recurred = twitter.stream().filter(a -> "recurred".equals(a.reason)).findFirst().orElseThrow();
        assertThat(recurred.detectedAt).isBetween(at("2012-06-21T17:40:00Z"), at("2012-06-21T17:44:00Z"));
        List<AlertEvent> resolutions = twitter.stream().filter(a -> a.state.equals(AlertEvent.RESOLVED)).toList();
        assertThat(resolutions).hasSize(2);
        assertThat(resolutions.get(0).resolvedAt).isBetween(at("2012-06-21T17:10:00Z"), at("2012-06-21T17:20:00Z"));
        assertThat(resolutions.get(1).resolvedAt).isBetween(at("2012-06-21T18:08:00Z"), at("2012-06-21T18:16:00Z"));
        assertThat(resolutions.get(1).severity).isEqualTo("critical");
    }

    @Test
    void theSmallTumblrOutageIsFoundToo() {
        assertThat(alerts).filteredOn(a -> a.service.equals("tumblr") && a.state.equals(AlertEvent.OPEN))
                .singleElement()
                .satisfies(a -> assertThat(a.detectedAt).isBetween(at("2012-06-21T09:12:00Z"), at("2012-06-21T09:17:00Z")));
    }

    @Test
    void decoysBotsAndEverydayComplaintsRaiseNothing() {
        assertThat(alerts).extracting(a -> a.service).containsOnly("twitter", "tumblr");
    }
}
