package org.outagedetector.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Posts per second through the language step on one thread, and the share of posts the prefilter passes.
 *
 * <p>{@code LanguageBenchmark [posts.txt]}: one post per line. Without an argument the stream is the
 * labeled corpus mixed with everyday posts at one corpus post in ten, a rough stand-in for a timeline
 * where a few posts in a hundred mention an outage word.
 */
public final class LanguageBenchmark {

    private static final int EVERYDAY_PER_CORPUS_POST = 9;
    private static final long WARMUP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 10_000_000_000L;

    private LanguageBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> posts = args.length > 0 ? Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8) : defaultStream();
        OutageLanguage language = OutageLanguage.shared();
        int passed = 0;
        int outages = 0;
        for (String post : posts) {
            passed += Prefilter.mayReport(post) ? 1 : 0;
            outages += language.classify(post, null).outage() ? 1 : 0;
        }
        run(language, posts, WARMUP_NANOS);
        long start = System.nanoTime();
        long done = run(language, posts, MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "posts=%d prefilter_pass_rate=%.3f outage_rate=%.3f posts_per_second_one_thread=%.0f%n",
                posts.size(), (double) passed / posts.size(), (double) outages / posts.size(), done / seconds);
    }

    private static long run(OutageLanguage language, List<String> posts, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long count = 0;
        int outages = 0;
        while (System.nanoTime() < deadline) {
            for (String post : posts) {
                outages += language.classify(post, null).outage() ? 1 : 0;
            }
            count += posts.size();
        }
        if (outages < 0) {
            throw new AssertionError(); // keeps the JIT from discarding the work
        }
        return count;
    }

    private static List<String> defaultStream() throws IOException {
        Path corpus = Path.of("corpus");
        List<String> everyday = Files.readAllLines(corpus.resolve("everyday-posts.txt"), StandardCharsets.UTF_8);
        List<String> stream = new ArrayList<>();
        int e = 0;
        for (LabeledPost post : LabeledPost.read(corpus.resolve("outage-posts.tsv"))) {
            stream.add(post.text());
            for (int i = 0; i < EVERYDAY_PER_CORPUS_POST; i++) {
                stream.add(everyday.get(e++ % everyday.size()));
            }
        }
        return stream;
    }
}
