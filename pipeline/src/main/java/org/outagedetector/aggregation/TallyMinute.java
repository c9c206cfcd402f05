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
        if (newAuthor && t.samples.size() < MinuteTally.MAX_SAMPLES) {
            t.samples.add(m.text);
        }
        if (m.problemKind != null) {
            t.problemKinds.merge(m.problemKind, 1, Integer::sum);
        }
        return t;
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
        for (String s : b.samples) {
            if (a.samples.size() < MinuteTally.MAX_SAMPLES) {
                a.samples.add(s);
            }
        }
        b.problemKinds.forEach((k, v) -> a.problemKinds.merge(k, v, Integer::sum));
        return a;
    }
}
