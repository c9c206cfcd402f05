package org.outagedetector.language;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per post through the language step on one thread, and the share of posts its prefilter passes.
 *
 * <p>{@code LanguageBenchmark [posts.txt]}: one post per line. Without an argument it measures two streams:
 * <ul>
 *   <li>{@code default}: the labeled corpus mixed with everyday posts at one corpus post in ten, a rough
 *       stand-in for a timeline where a few posts in a hundred mention an outage word;</li>
 *   <li>{@code down-sense-chatter}: the same corpus share, but {@value #DOWN_SENSE_PER_CORPUS_POST} of the
 *       nine everyday posts say "down" (or crash, dead, broken) in another sense
 *       ({@code corpus/down-sense-chatter.txt}): about the share in the pipeline's scenario generator, where
 *       9 of its 17 chatter templates do.</li>
 * </ul>
 *
 * <p>Wall-clock rates on the shared 2-core build machine swing with whatever else runs, so the figure of
 * merit is the thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}) per post, and posts/s per
 * core derived from it; each stream is measured in several rounds and the median round is reported.
 * {@code -Dbench.seconds=N} sets the measuring time per stream (default 12, after 6 s of warm-up).
 */
public final class LanguageBenchmark {

    private static final int CHATTER_PER_CORPUS_POST = 9;
    private static final int DOWN_SENSE_PER_CORPUS_POST = 5;
    private static final int ROUNDS = 5;

    private LanguageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "12"));
        OutageLanguage language = OutageLanguage.shared();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        if (args.length > 0) {
            measure(language, threads, args[0], Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8), seconds);
            return;
        }
        Path corpus = Path.of("corpus");
        List<String> everyday = Files.readAllLines(corpus.resolve("everyday-posts.txt"), StandardCharsets.UTF_8);
        List<String> downSense = Files.readAllLines(corpus.resolve("down-sense-chatter.txt"), StandardCharsets.UTF_8);
        List<LabeledPost> labeled = LabeledPost.read(corpus.resolve("outage-posts.tsv"));
        List<String> defaultStream = mix(labeled, everyday, List.of(), 0);
        List<String> chatterStream = mix(labeled, everyday, downSense, DOWN_SENSE_PER_CORPUS_POST);
        // Both streams warm the JIT before either is measured, so the first one measured is not the colder one.
        run(language, chatterStream, (long) (seconds / 2 * 1e9));
        measure(language, threads, "default", defaultStream, seconds);
        measure(language, threads, "down-sense-chatter", chatterStream, seconds);
    }

    private static void measure(OutageLanguage language, ThreadMXBean threads, String name, List<String> posts, double seconds) {
        int passed = 0;
        int outages = 0;
        for (String post : posts) {
            passed += language.passesPrefilter(post, null) ? 1 : 0;
            outages += language.classify(post, null).outage() ? 1 : 0;
        }
        run(language, posts, (long) (seconds / 2 * 1e9)); // warm-up: JIT, thread-local tokenizers and categorizers
        double[] cpuMicros = new double[ROUNDS];
        double[] wallRates = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long done = run(language, posts, (long) (seconds / ROUNDS * 1e9));
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            cpuMicros[r] = cpu / 1e3 / done;
            wallRates[r] = done / (wall / 1e9);
        }
        Arrays.sort(cpuMicros);
        Arrays.sort(wallRates);
        double median = cpuMicros[ROUNDS / 2];
        System.out.printf(Locale.ROOT, "stream=%s posts=%d prefilter_pass_rate=%.3f outage_rate=%.3f "
                        + "cpu_us_per_post=%.2f (rounds %.2f..%.2f) posts_per_second_per_core=%.0f posts_per_second_one_thread_wall=%.0f%n",
                name, posts.size(), (double) passed / posts.size(), (double) outages / posts.size(),
                median, cpuMicros[0], cpuMicros[ROUNDS - 1], 1e6 / median, wallRates[ROUNDS / 2]);
    }

    /** Classifies the stream over and over for about {@code nanos}; returns how many posts it classified. */
    private static long run(OutageLanguage language, List<String> posts, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long count = 0;
        int outages = 0;
        do {
            for (String post : posts) {
                outages += language.classify(post, null).outage() ? 1 : 0;
            }
            count += posts.size();
        } while (System.nanoTime() < deadline);
        if (outages < 0) {
            throw new AssertionError(); // keeps the JIT from discarding the work
        }
        return count;
    }

    /**
     * Each corpus post followed by {@value #CHATTER_PER_CORPUS_POST} chatter posts, {@code downSenseShare} of
     * them from {@code downSense} and the rest from {@code everyday}, both taken round-robin.
     */
    private static List<String> mix(List<LabeledPost> labeled, List<String> everyday, List<String> downSense, int downSenseShare) {
        List<String> stream = new ArrayList<>();
        int e = 0;
        int d = 0;
        for (LabeledPost post : labeled) {
            stream.add(post.text());
            for (int i = 0; i < CHATTER_PER_CORPUS_POST; i++) {
                stream.add(i < downSenseShare ? downSense.get(d++ % downSense.size()) : everyday.get(e++ % everyday.size()));
            }
        }
        return stream;
    }
}
