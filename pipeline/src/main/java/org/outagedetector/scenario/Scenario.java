package org.outagedetector.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A scenario as a deterministic, indexable stream of posts: post {@code i} is always the same bytes, and
 * posts come in event-time order (a couple of seconds of disorder). Nothing is held in memory but the
 * number of posts per minute, so a generator source can produce millions of posts from any offset.
 */
public class Scenario implements Serializable {

    private static final long MINUTE = 60_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kinds of post, packed into an int with the index of the service they are about. */
    private static final int CHATTER = 0;
    private static final int COMPLAINT = 1;
    private static final int DECOY = 2;
    private static final int BOT = 3;

    private final ScenarioSpec spec;
    /** cumulative[m] = posts before minute m; cumulative[minutes] = total. */
    private final long[] cumulative;
    private final List<String> services = new ArrayList<>();
    /** Position in {@link #services}, plus one: every minute looks every service up (`bench --services 100000`). */
    private final Map<String, Integer> serviceIndexes = new HashMap<>();
    /** Services with at least one post reporting them down: the keys the job keeps state for. */
    private final int servicesReported;

    private transient int cachedMinute = -1;
    private transient int[] cachedKinds;

    public Scenario(ScenarioSpec spec) {
        this.spec = spec;
        spec.background.forEach(b -> serviceIndex(b.service()));
        spec.outages.forEach(o -> serviceIndex(o.service()));
        spec.decoys.forEach(d -> serviceIndex(d.service()));
        spec.botBursts.forEach(b -> serviceIndex(b.service()));
        int minutes = (int) spec.minutes();
        cumulative = new long[minutes + 1];
        BitSet reported = new BitSet();
        for (int m = 0; m < minutes; m++) {
            int[] kinds = composition(m);
            cumulative[m + 1] = cumulative[m] + kinds.length;
            for (int code : kinds) {
                if ((code & 3) == COMPLAINT || (code & 3) == BOT) {
                    reported.set(code >> 2);
                }
            }
        }
        servicesReported = reported.cardinality();
    }

    /** How many services at least one post reports as down (an outage, a bot burst or an everyday complaint). */
    public int servicesReported() {
        return servicesReported;
    }

    public long size() {
        return cumulative[cumulative.length - 1];
    }

    /**
     * Index of the first post created at or after {@code minute} (a whole minute of the scenario): every
     * post before it is older, every post from it on is not, so a stream can be cut there exactly.
     */
    public long firstPostAt(Instant minute) {
        long m = (minute.toEpochMilli() - spec.start.toEpochMilli()) / MINUTE;
        return cumulative[(int) Math.max(0, Math.min(m, cumulative.length - 1))];
    }

    /** Post {@code index} as one JSON line (without the newline), UTF-8. */
    public byte[] post(long index) {
        int minute = minuteOf(index);
        int slot = (int) (index - cumulative[minute]);
        int[] kinds = kindsOf(minute);
        int code = kinds[slot];
        SplittableRandom rng = new SplittableRandom(mix(spec.seed, minute * 1_000_003L + slot));
        String service = code >> 2 > 0 ? services.get((code >> 2) - 1) : null;
        String author;
        String text;
        switch (code & 3) {
            case COMPLAINT -> {
                author = "u" + rng.nextInt(5_000_000);
                text = PostTemplates.outage(service, rng);
            }
            case DECOY -> {
                author = "u" + rng.nextInt(5_000_000);
                text = PostTemplates.decoy(service, rng);
            }
            case BOT -> {
                author = "bot-" + service.replace(' ', '-') + "-" + rng.nextInt(botsOf(service));
                text = PostTemplates.outage(service, rng);
            }
            default -> {
                author = "u" + rng.nextInt(5_000_000);
                text = PostTemplates.chatter(rng);
            }
        }
        // Evenly spread over the minute with a little jitter: bounded disorder, as real streams have.
        long offset = (slot * MINUTE) / kinds.length + rng.nextLong(-2000, 2001);
        long createdAt = spec.start.toEpochMilli() + minute * MINUTE + Math.max(0, Math.min(MINUTE - 1, offset));
        ObjectNode n = JSON.createObjectNode();
        n.put("id", Long.toString(index));
        n.put("author_id", author);
        n.put("text", text);
        n.put("created_at", Instant.ofEpochMilli(createdAt).toString());
        n.put("lang", "en");
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The official statements, as JSON lines, in time order. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        spec.statements.stream().sorted((a, b) -> a.time().compareTo(b.time())).forEach(s -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("service", s.service());
            n.put("time", s.time().toString());
            n.put("status", s.status());
            n.put("text", s.text());
            out.add(n.toString());
        });
        return out;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    private int minuteOf(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("post " + index + " of " + size());
        }
        int lo = 0;
        int hi = cumulative.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int[] kindsOf(int minute) {
        if (cachedKinds == null || minute != cachedMinute) {
            cachedKinds = composition(minute);
            cachedMinute = minute;
        }
        return cachedKinds;
    }

    /** What the posts of one minute are about, shuffled; the same minute always gives the same answer. */
    private int[] composition(int minute) {
        SplittableRandom rng = new SplittableRandom(mix(spec.seed, -1 - minute));
        long t = spec.start.toEpochMilli() + minute * MINUTE;
        double day = dailyRhythm(t);
        List<Integer> kinds = new ArrayList<>();
        add(kinds, CHATTER, 0, Counts.poisson(spec.chatterPerMinute * day, rng));
        for (ScenarioSpec.Background b : spec.background) {
            add(kinds, COMPLAINT, serviceIndex(b.service()), Counts.poisson(b.peakPerMinute() * day, rng));
        }
        for (ScenarioSpec.Outage o : spec.outages) {
            double intensity = outageIntensity(o, t);
            // Some people post more than once during an outage: more posts than people.
            add(kinds, COMPLAINT, serviceIndex(o.service()), Counts.poisson(intensity * 1.3, rng));
        }
        for (ScenarioSpec.Decoy d : spec.decoys) {
            if (t >= d.start().toEpochMilli() && t < d.start().plus(d.length()).toEpochMilli()) {
                add(kinds, DECOY, serviceIndex(d.service()), Counts.poisson(d.perMinute(), rng));
            }
        }
        for (ScenarioSpec.BotBurst b : spec.botBursts) {
            if (t >= b.start().toEpochMilli() && t < b.start().plus(b.length()).toEpochMilli()) {
                add(kinds, BOT, serviceIndex(b.service()), b.bots() * b.postsPerBotPerMinute());
            }
        }
        int[] out = kinds.stream().mapToInt(Integer::intValue).toArray();
        for (int i = out.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }

    /** Low at 04:00 UTC, high at 16:00 UTC. */
    static double dailyRhythm(long t) {
        double hour = (t / 3_600_000.0) % 24;
        return 0.3 + 0.7 * (0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24));
    }

    /** Reports build up to the peak (over about three minutes unless slow), hold, and tail off over five minutes
     * after the fix. */
    private static double outageIntensity(ScenarioSpec.Outage o, long t) {
        long start = o.start().toEpochMilli();
        long end = o.end().toEpochMilli();
        if (t < start || t >= end + 5 * MINUTE) {
            return 0;
        }
        if (t >= end) {
            return o.peakPerMinute() * 0.15 * (1 - (t - end) / (5.0 * MINUTE));
        }
        double minutesIn = (t - start) / (double) MINUTE;
        return o.peakPerMinute() * Math.min(1.0, (minutesIn + 1) / o.buildUpMinutes());
    }

    private int botsOf(String service) {
        return spec.botBursts.stream().filter(b -> b.service().equals(service)).mapToInt(ScenarioSpec.BotBurst::bots)
                .max().orElse(1);
    }

    private int serviceIndex(String service) {
        return serviceIndexes.computeIfAbsent(service, s -> {
            services.add(s);
            return services.size();
        });
    }

    private static void add(List<Integer> kinds, int kind, int service, int count) {
        for (int i = 0; i < count; i++) {
            kinds.add(service << 2 | kind);
        }
    }

    private static long mix(long seed, long x) {
        long z = seed * 0x9E3779B97F4A7C15L + x;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
