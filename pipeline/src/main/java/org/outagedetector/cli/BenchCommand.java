package org.outagedetector.cli;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.outagedetector.OutageDetectorJob;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.bench.LocalKafkaBroker;
import org.outagedetector.ingest.EventTime;
import org.outagedetector.ingest.ParseOrDeadLetter;
import org.outagedetector.ingest.PostParser;
import org.outagedetector.ingest.Post;
import org.outagedetector.ingest.Sources;
import org.outagedetector.language.ServiceCatalog;
import org.outagedetector.language.ServiceEntry;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Starts a real Kafka broker, loads a synthetic post stream (many services, an outage in the "
                + "middle) into a topic, and measures: a bare Kafka consumer (the ceiling), the job with parsing "
                + "only, and the whole production graph. Last line: throughput_posts_per_s=<N> "
                + "p99_alert_latency_ms=<M>.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--posts", defaultValue = "1000000", description = "Posts to load (default ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--services", defaultValue = "300",
            description = "Services with everyday complaints: the catalog's first, then open-world names "
                    + "(Nexo1, Nexo2, ...) beyond its size (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--complaint-share", defaultValue = "0.08",
            description = "Share of the posts that report a service down, outages included; the rest is "
                    + "chatter, half of it saying \"down\" in other senses (default ${DEFAULT-VALUE}).")
    double complaintShare;

    @Option(names = "--checkpoint-interval", defaultValue = "PT2S", converter = DurationConverter.class,
            description = "Checkpoint interval of the whole job (default 2s): a bounded job ends at the first "
                    + "checkpoint after its input, which waits up to this long.")
    Duration checkpointInterval;

    @Option(names = "--warmup", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Run the whole job once over the topic before measuring, so that the measured runs are "
                    + "the steady state of a long-running job rather than the JIT compiler (default ${DEFAULT-VALUE}).")
    boolean warmup;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the posts topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = scenario();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            for (String topic : List.of("posts", "status", "alerts", "dead-letters")) {
                kafka.createTopic(topic, topic.equals("posts") ? partitions : 1);
            }
            long loadNanos = load(kafka, scenario);
            report("loaded", scenario.size(), loadNanos);
            if (warmup) {
                JobRun warm = fullJob(kafka, "bench-warmup", new ArrayList<>()).job();
                report("warm-up (whole job, unmeasured)", scenario.size(), warm.nanos(), warm.cpuNanos());
            }

            Cpu cpu = new Cpu();
            long consumerNanos = bareConsumer(kafka, scenario.size());
            double ceiling = rate(scenario.size(), consumerNanos);
            report("bare Kafka consumer (ceiling)", scenario.size(), consumerNanos, cpu.lap());

            JobRun parse = parseOnly(kafka);
            double parseRate = rate(scenario.size(), parse.nanos());
            report("job, parsing only", scenario.size(), parse.nanos(), parse.cpuNanos());

            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = heapSampler(memory, peakHeap);
            List<Long> latencies = new ArrayList<>();
            WholeJobRun whole;
            try {
                whole = fullJob(kafka, "bench-job", latencies);
            } finally {
                sampler.interrupt();
            }
            JobRun full = whole.job();
            double fullRate = rate(scenario.size(), full.nanos());
            report("whole job", scenario.size(), full.nanos(), full.cpuNanos());

            latencies.sort(Long::compare);
            long p50 = percentile(latencies, 0.50);
            long p99 = percentile(latencies, 0.99);
            System.out.printf(Locale.ROOT, "stage cost: parsing %.2f of the ceiling, whole job %.2f of the ceiling%n",
                    parseRate / ceiling, fullRate / ceiling);
            System.out.printf(Locale.ROOT, "alert events: %d; latency from window firing to alert: p50 %d ms, p99 %d ms%n",
                    latencies.size(), p50, p99);
            System.out.printf(Locale.ROOT, "peak heap used (broker, mini-cluster and job in one JVM): %d MiB%n",
                    peakHeap.get() >> 20);
            int reported = scenario.servicesReported();
            long stateBytes = whole.stateBytes();
            System.out.printf(Locale.ROOT, "state: %,d services reported down; last completed checkpoint %,d bytes "
                    + "(%d checkpoints seen), %.0f bytes per service%n", reported, stateBytes, whole.checkpoints(),
                    reported == 0 ? 0.0 : (double) stateBytes / reported);
            System.out.printf(Locale.ROOT, "throughput_posts_per_s=%d p99_alert_latency_ms=%d%n", Math.round(fullRate), p99);
        }
        return 0;
    }

    /**
     * Six hours of posts about many services, sized to --posts: everyday chatter (much of it saying "down" in
     * other senses), a small share of everyday complaints, and five outages of different sizes, one after the
     * other, so the alert latency has more than one sample.
     */
    private Scenario scenario() {
        List<ServiceEntry> catalog = ServiceCatalog.shared().services();
        Instant first = Instant.parse("2024-05-06T13:00:00Z");
        ScenarioSpec outagesOnly = new ScenarioSpec(Instant.parse("2024-05-06T12:00:00Z"), Duration.ofHours(6))
                .chatter(0);
        for (int i = 0; i < 5; i++) {
            Instant start = first.plus(Duration.ofMinutes(50L * i));
            outagesOnly.outage(catalog.get(i).name(), start.toString(), start.plus(Duration.ofMinutes(20)).toString(),
                    40 + 60 * i);
        }
        // Sizes are linear in the rates: solve the everyday complaints for --complaint-share, then the chatter
        // for --posts.
        long outagePosts = new Scenario(outagesOnly).size();
        long complaintsAtUnitRate = new Scenario(withComplaints(outagesOnly, catalog, 1.0)).size() - outagePosts;
        double rate = Math.max(0, (complaintShare * posts - outagePosts) / complaintsAtUnitRate);
        ScenarioSpec spec = withComplaints(outagesOnly, catalog, rate);
        long withoutChatter = new Scenario(spec.chatter(0)).size();
        long withSome = new Scenario(spec.chatter(1000)).size();
        spec.chatter(Math.max(0, 1000.0 * (posts - withoutChatter) / (withSome - withoutChatter)));
        return new Scenario(spec);
    }

    /** {@code spec} plus everyday complaints about --services services, at {@code rate} times their weights. */
    private ScenarioSpec withComplaints(ScenarioSpec outages, List<ServiceEntry> catalog, double rate) {
        ScenarioSpec spec = new ScenarioSpec(outages.start, outages.length).chatter(outages.chatterPerMinute);
        spec.outages.addAll(outages.outages);
        for (int i = 0; i < services; i++) {
            String name = i < catalog.size() ? catalog.get(i).name() : "Nexo" + (i - catalog.size() + 1);
            spec.background(name, rate * (0.05 + (i % 10) * 0.03));
        }
        return spec;
    }

    private static long load(LocalKafkaBroker kafka, Scenario scenario) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < scenario.size(); i++) {
                producer.send(new ProducerRecord<>("posts", scenario.post(i)));
            }
            producer.flush();
        }
        return System.nanoTime() - start;
    }

    private static long bareConsumer(LocalKafkaBroker kafka, long expected) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // Assigned, not subscribed: a group's join takes seconds of wall clock that are no part of reading.
            List<TopicPartition> partitions = consumer.partitionsFor("posts").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < expected) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return System.nanoTime() - start;
    }

    private JobRun parseOnly(LocalKafkaBroker kafka) throws Exception {
        StreamExecutionEnvironment env = LocalRun.environment(parallelism);
        OutageDetectorJob.enableObjectReuse(env);
        DataStream<byte[]> raw = env.fromSource(Sources.kafka(kafka.bootstrapServers(), "posts", "bench-parse",
                Sources.StartingOffsets.EARLIEST, new Properties(), true),
                EventTime.forPosts(OutageDetectorJob.Timing.replay().maxDisorder(), null), "posts")
                .uid("posts-source");
        OutageDetectorJob.parse(raw, ParseOrDeadLetter.timedAtSource(new PostParser()), Post.class, "posts")
                .sinkTo(new DiscardingSink<>())
                .name("discard").uid("discard");
        return JobRun.of(env, "bench: parse only");
    }

    /** The whole job's run, and the size of its last completed checkpoint. */
    private record WholeJobRun(JobRun job, long stateBytes, int checkpoints) {}

    /**
     * The production graph over the loaded topic. Checkpoints go to a temporary directory, as they would to
     * durable storage in production: the default JobManager storage fails a checkpoint whose state passes
     * 5 MB on one subtask, about 2,000 services.
     */
    private WholeJobRun fullJob(LocalKafkaBroker kafka, String groupId, List<Long> latencies) throws Exception {
        Path checkpoints = Files.createTempDirectory("bench-checkpoints");
        CheckpointSizes sizes = new CheckpointSizes(checkpoints);
        JobRun job;
        try {
            job = fullJob(kafka, groupId, latencies, checkpoints);
        } finally {
            sizes.stop();
            deleteRecursively(checkpoints);
        }
        return new WholeJobRun(job, sizes.last(), sizes.seen());
    }

    private JobRun fullJob(LocalKafkaBroker kafka, String groupId, List<Long> latencies, Path checkpoints)
            throws Exception {
        RunCommand run = new RunCommand();
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--group-id", groupId, "--starting-offsets", "earliest", "--checkpoint-interval", checkpointInterval.toString(),
                "--parallelism", Integer.toString(parallelism), "--job-name", groupId));
        args.addAll(List.of("--checkpoint-dir", checkpoints.toUri().toString()));
        Main.commandLine(run).parseArgs(args.toArray(String[]::new));
        run.stopAtEndOfTopics = true;
        StreamExecutionEnvironment env = LocalRun.environment(parallelism);
        DataStream<AlertEvent> alerts = run.buildOn(env);
        try (CloseableIterator<Long> it = alerts.filter(a -> a.windowFiredAt > 0)
                .map(a -> System.currentTimeMillis() - a.windowFiredAt).name("alert-latency").uid("alert-latency")
                .collectAsync()) {
            JobRun job = JobRun.of(env, "bench: whole job");
            it.forEachRemaining(latencies::add);
            return job;
        }
    }

    /**
     * One job's run: its net run time (from the job's start, without starting the in-process cluster) and the
     * CPU of this process from the job's submission to its end. The cluster's start, a few CPU seconds
     * whatever the load, is left out of both, so that per-post figures do not depend on --posts.
     */
    private record JobRun(long nanos, long cpuNanos) {
        static JobRun of(StreamExecutionEnvironment env, String name) throws Exception {
            Cpu cpu = new Cpu();
            env.registerJobListener(new JobListener() {
                @Override
                public void onJobSubmitted(JobClient client, Throwable failure) {
                    cpu.lap();
                }

                @Override
                public void onJobExecuted(JobExecutionResult result, Throwable failure) {
                }
            });
            JobExecutionResult result = env.execute(name);
            return new JobRun(result.getNetRuntime() * 1_000_000L, cpu.lap());
        }
    }

    private static Thread heapSampler(MemoryMXBean memory, AtomicLong peak) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Watches a checkpoint directory and remembers the size of the newest completed checkpoint (a chk-N
     * directory with its _metadata): with the hashmap backend every checkpoint is full, so that is the state.
     * Flink deletes older checkpoints as newer ones complete, hence a watcher rather than a look at the end.
     */
    private static final class CheckpointSizes {
        private final Path root;
        private final Thread watcher;
        private volatile long newest = -1;
        private volatile long lastBytes;
        private volatile int seen;

        CheckpointSizes(Path root) {
            this.root = root;
            watcher = new Thread(this::watch, "checkpoint-sizes");
            watcher.setDaemon(true);
            watcher.start();
        }

        private void watch() {
            while (!Thread.currentThread().isInterrupted()) {
                look();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void look() {
            try (Stream<Path> files = Files.walk(root, 2)) {
                for (Path chk : files.filter(p -> p.getFileName().toString().startsWith("chk-")).toList()) {
                    long n = Long.parseLong(chk.getFileName().toString().substring(4));
                    if (n > newest && Files.exists(chk.resolve("_metadata"))) {
                        lastBytes = sizeOf(chk);
                        newest = n;
                        seen++;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // A checkpoint deleted while being looked at: the next look sees the newer one.
            }
        }

        private static long sizeOf(Path dir) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }

        void stop() throws InterruptedException {
            watcher.interrupt();
            watcher.join();
            look();
        }

        long last() {
            return lastBytes;
        }

        int seen() {
            return seen;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double rate(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static void report(String what, long count, long nanos) {
        System.out.printf(Locale.ROOT, "%-32s %,d posts in %.1f s: %,.0f posts/s%n", what, count, nanos / 1e9,
                rate(count, nanos));
    }

    /**
     * Also the CPU this JVM spent in the phase (broker and jobs included): on a machine shared with
     * other work the wall-clock rate swings with the neighbours, CPU per post much less, so compare that
     * between builds.
     */
    private static void report(String what, long count, long nanos, long cpuNanos) {
        System.out.printf(Locale.ROOT, "%-32s %,d posts in %.1f s: %,.0f posts/s; CPU %.1f s, %.1f us/post%n", what,
                count, nanos / 1e9, rate(count, nanos), cpuNanos / 1e9, cpuNanos / 1e3 / count);
    }

    /** CPU time of the whole process since the previous lap. */
    private static final class Cpu {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long last = os.getProcessCpuTime();

        long lap() {
            long now = os.getProcessCpuTime();
            long lap = now - last;
            last = now;
            return lap;
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
