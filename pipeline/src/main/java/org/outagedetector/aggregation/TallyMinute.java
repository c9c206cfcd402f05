package org.outagedetector.aggregation;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.outagedetector.language.Mention;

/** Adds mentions into a minute's tally incrementally, so a window keeps one tally, not its posts. */
public class TallyMinute implements AggregateFunction<Mention, MinuteTally, MinuteTally> {

    @Override
    public MinuteTally createAccumulator() {
        return new MinuteTally();
    }

    @Override
    public MinuteTally add(Mention m, MinuteTally t) {
        t.posts++;
        boolean newAuthor = t.authors.add(m.author);
        t.verified &= m.verified;
        // Samples from different people: one account repeating itself is poor evidence.
        if (newAuthor) {
            offerSample(t, AuthorSet.hash(m.author), m.text);
        }
        if (m.problemKind != null) {
            t.problemKinds.merge(m.problemKind, 1, Integer::sum);
        }
        return t;
    }

    /** Keeps the samples of the smallest author hashes, in hash order: deterministic whatever the arrival order. */
    private static void offerSample(MinuteTally t, long key, String text) {
        int at = 0;
        while (at < t.sampleKeys.size() && Long.compareUnsigned(t.sampleKeys.get(at), key) < 0) {
            at++;
        }
        if (at >= MinuteTally.MAX_SAMPLES) {
            return;
        }
        t.sampleKeys.add(at, key);
        t.samples.add(at, text);
        if (t.samples.size() > MinuteTally.MAX_SAMPLES) {
            t.sampleKeys.remove(MinuteTally.MAX_SAMPLES);
            t.samples.remove(MinuteTally.MAX_SAMPLES);
        }
    }

    @Override
    public MinuteTally getResult(MinuteTally t) {
        return t;
    }

    @Override
    public MinuteTally merge(MinuteTally a, MinuteTally b) {
        a.posts += b.posts;
        a.authors.addAll(b.authors);
        a.verified &= b.verified;
        for (int i = 0; i < b.samples.size(); i++) {
            if (!a.sampleKeys.contains(b.sampleKeys.get(i))) {
                offerSample(a, b.sampleKeys.get(i), b.samples.get(i));
            }
        }
        b.problemKinds.forEach((k, v) -> a.problemKinds.merge(k, v, Integer::sum));
        return a;
    }
}
