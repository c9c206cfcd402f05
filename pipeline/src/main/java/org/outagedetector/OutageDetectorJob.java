package org.outagedetector;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;
import org.outagedetector.aggregation.CountPeoplePerMinute;
import org.outagedetector.aggregation.EmitServiceMinute;
import org.outagedetector.aggregation.LateMentions;
import org.outagedetector.aggregation.MinutePeople;
import org.outagedetector.aggregation.ServiceMinute;
import org.outagedetector.aggregation.TallyMinute;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertOutput;
import org.outagedetector.detection.AttachStreamLoad;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.detection.GaugeStreamLoad;
import org.outagedetector.detection.MinutePoint;
import org.outagedetector.detection.NeverIdle;
import org.outagedetector.detection.SpikeDetector;
import org.outagedetector.detection.StreamLoad;
import org.outagedetector.ingest.DeadLetter;
import org.outagedetector.ingest.EventTime;
import org.outagedetector.ingest.ParseOrDeadLetter;
import org.outagedetector.ingest.Post;
import org.outagedetector.ingest.PostParser;
import org.outagedetector.ingest.StatusParser;
import org.outagedetector.ingest.StatusUpdate;
import org.outagedetector.language.ExtractMentions;
import org.outagedetector.language.Mention;

import java.time.Duration;
import java.util.List;

/**
 * The one job graph that `run`, `replay`, `demo` and the tests share; only the sources and sinks differ.
 * <pre>
 * posts ─► event time ─► parse ─► mentions ─► keyBy(service) ─► 1-minute tally ─► + stream load ─┐
 *         (per partition)    │        └─► other posts: people per minute (sketch, local)         │
 *                            │              ─► whole stream vs its baseline ─► broadcast ─┘      ├─► detector ─► alerts
 *                            └─► dead letters                                                    │
 * statements ─► parse ─► event time ──────────────────────────────────────► keyBy(service) ──────┘
 * </pre>
 */
public final class OutageDetectorJob {

    /** Raw records in: posts, and optionally official statements (null when there are none). */
    public record Inputs(Source<byte[], ?, ?> posts, Source<byte[], ?, ?> statements) {}

    /**
     * Where results go: alert outputs, and optionally sinks for dead letters and for every judged minute
     * ({@link MinutePoint}, for incident charts), both as JSON lines.
     */
    public record Outputs(List<AlertOutput> alerts, Sink<String> deadLetters, Sink<String> minutePoints) {
        public Outputs(List<AlertOutput> alerts, Sink<String> deadLetters) {
            this(alerts, deadLetters, null);
        }
    }

    /** Event-time settings; {@code idleness} null for bounded replays. */
    public record Timing(Duration maxDisorder, Duration idleness) {
        public static Timing replay() {
            return new Timing(Duration.ofSeconds(30), null);
        }
    }

    private OutageDetectorJob() {}

    public static DataStream<AlertEvent> build(StreamExecutionEnvironment env, Inputs in, Outputs out,
                                               Timing timing, DetectorConfig detector) {
        enableObjectReuse(env);
        SingleOutputStreamOperator<Post> posts = parse(
                env.fromSource(in.posts(), EventTime.forPosts(timing.maxDisorder(), timing.idleness()), "posts")
                        .uid("posts-source"),
                ParseOrDeadLetter.timedAtSource(new PostParser()), Post.class, "posts");
        SingleOutputStreamOperator<Mention> mentions = extractMentions(posts);
        SingleOutputStreamOperator<ServiceMinute> minutes = tallyPerMinute(mentions);
        DataStream<StreamLoad> load = measureStreamLoad(mentions.getSideOutput(ExtractMentions.OTHER_POSTS), detector);

        DataStream<StatusUpdate> statements;
        DataStream<DeadLetter> deadLetters = posts.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS)
                .union(minutes.getSideOutput(LateMentions.TAG).map(new LateMentions()).name("late-mentions")
                        .uid("late-mentions"));
        if (in.statements() != null) {
            SingleOutputStreamOperator<StatusUpdate> parsed = parse(
                    env.fromSource(in.statements(), WatermarkStrategy.noWatermarks(), "statements")
                            .uid("statements-source"),
                    new ParseOrDeadLetter<>(new StatusParser()), StatusUpdate.class, "statements");
            deadLetters = deadLetters.union(parsed.getSideOutput(ParseOrDeadLetter.DEAD_LETTERS));
            statements = parsed.assignTimestampsAndWatermarks(
                            EventTime.forStatusUpdates(timing.maxDisorder(), timing.idleness()))
                    .name("statement-event-time").uid("statement-event-time");
        } else {
            // No statements: an input that ends at once, so it never holds the watermark back. Flink has no
            // empty source (fromData refuses an empty array), so one number is read and dropped.
            statements = env.fromSequence(0, 0).name("no-statements").uid("no-statements")
                    .flatMap((Long n, Collector<StatusUpdate> none) -> {}).returns(StatusUpdate.class)
                    .name("no-statements-as-updates").uid("no-statements-as-updates");
        }

        SingleOutputStreamOperator<AlertEvent> alerts = detect(withStreamLoad(minutes, load, detector), statements,
                detector);
        out.alerts().forEach(o -> o.attach(alerts));
        if (out.minutePoints() != null) {
            alerts.getSideOutput(SpikeDetector.MINUTE_POINTS).map(MinutePoint::toJson).name("minute-points-to-json")
                    .uid("minute-points-to-json").setParallelism(1)
                    .sinkTo(out.minutePoints()).name("minute-points").uid("minute-points-sink").setParallelism(1);
        }
        if (out.deadLetters() != null) {
            // Dead letters are rare: one writer keeps a dead-letter file whole and costs nothing.
            deadLetters.map(DeadLetter::toJson).name("dead-letters-to-json").uid("dead-letters-to-json")
                    .setParallelism(1)
                    .sinkTo(out.deadLetters()).name("dead-letters").uid("dead-letters-sink").setParallelism(1);
        }
        return alerts;
    }

    /**
     * Chained operators hand records on without a serializer copy (a copy of the raw bytes and two of every post
     * were a tenth of the source task's CPU). Safe because no function fed by a chained one, the alert outputs
     * included, changes a record it was given or keeps one past its call: they keep only the immutable strings of
     * a record, and the detector's events are new objects. The functions that keep or change their input (the
     * detector's statements, the stream load's gauge and attach steps) read it from a network exchange, which
     * always hands over a fresh copy.
     */
    public static void enableObjectReuse(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
    }

    public static <T> SingleOutputStreamOperator<T> parse(DataStream<byte[]> raw, ParseOrDeadLetter<T> parser,
                                                          Class<T> type, String what) {
        return raw.process(parser).returns(type).name("parse-" + what).uid("parse-" + what);
    }

    static SingleOutputStreamOperator<Mention> extractMentions(DataStream<Post> posts) {
        return posts.process(new ExtractMentions()).name("extract-mentions").uid("extract-mentions");
    }

    static SingleOutputStreamOperator<ServiceMinute> tallyPerMinute(DataStream<Mention> mentions) {
        return mentions.keyBy(m -> m.service)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .sideOutputLateData(LateMentions.TAG)
                .aggregate(new TallyMinute(), new EmitServiceMinute())
                .name("tally-per-minute").uid("tally-per-minute");
    }

    /**
     * The stream's load: the distinct people per minute among the posts that report no outage, so that a shared
     * surge (a final: everyone posts more) raises it while one service's flood of outage reports, or one account
     * posting a thousand times, does not. Each subtask sketches its own posts (chained, a hash per post); only
     * one sketch per subtask and minute is gathered under one key and judged against the stream's baseline.
     * The detector waits for each minute's load, so these few records (and their watermarks) are sent at once
     * ({@code setBufferTimeout(0)}) instead of at the next 100 ms flush: the wait then adds no latency.
     */
    static DataStream<StreamLoad> measureStreamLoad(DataStream<Post> otherPosts, DetectorConfig cfg) {
        return otherPosts.transform("people-per-minute", TypeInformation.of(MinutePeople.class),
                        new CountPeoplePerMinute(cfg.stepMillis)).uid("people-per-minute").setBufferTimeout(0)
                .keyBy(p -> GaugeStreamLoad.WHOLE_STREAM)
                .process(new GaugeStreamLoad(cfg)).name("gauge-stream-load").uid("gauge-stream-load")
                .setBufferTimeout(0);
    }

    /**
     * Each service's minute with the whole stream's load of the same minute (a shared surge is no outage). The
     * minutes are never idle here ({@link NeverIdle}): the load, from the same posts, must not move event time
     * past minutes still on their way. Each service's minutes wait for the watermark at the attach step, and the
     * watermark follows the minutes in the same network buffer: sent at once (a few records per service and
     * minute), not at the next 100 ms flush.
     */
    static DataStream<ServiceMinute> withStreamLoad(DataStream<ServiceMinute> minutes, DataStream<StreamLoad> load,
                                                    DetectorConfig cfg) {
        return minutes.transform("minutes-never-idle", minutes.getType(), new NeverIdle<>())
                .uid("minutes-never-idle").setBufferTimeout(0)
                .keyBy(m -> m.service)
                .connect(load.broadcast(AttachStreamLoad.LOADS))
                .process(new AttachStreamLoad(cfg.stepMillis)).name("attach-stream-load").uid("attach-stream-load")
                .setBufferTimeout(0);
    }

    static SingleOutputStreamOperator<AlertEvent> detect(DataStream<ServiceMinute> minutes, DataStream<StatusUpdate> statements,
                                         DetectorConfig cfg) {
        return minutes.keyBy(m -> m.service)
                .connect(statements.keyBy(u -> u.service))
                .process(new SpikeDetector(cfg))
                .name("detect-spikes").uid("detect-spikes");
    }
}
