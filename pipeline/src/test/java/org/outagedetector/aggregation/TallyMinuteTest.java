package org.outagedetector.aggregation;

import org.junit.jupiter.api.Test;
import org.outagedetector.language.Mention;

import static org.assertj.core.api.Assertions.assertThat;

class TallyMinuteTest {

    private final TallyMinute tally = new TallyMinute();

    private static Mention mention(String author, String kind) {
        return new Mention("acme", true, author, 0, "en", kind, 0.9, "is acme down? (" + author + ")");
    }

    @Test
    void countsPeopleNotPosts() {
        MinuteTally t = tally.createAccumulator();
        for (int i = 0; i < 300; i++) {
            tally.add(mention("bot-1", "app"), t);
        }
        tally.add(mention("alice", "login"), t);
        tally.add(mention("bob", null), t);
        assertThat(t.posts).isEqualTo(302);
        assertThat(t.authors.size()).isEqualTo(3);
        assertThat(t.samples).hasSize(3).allMatch(s -> s.startsWith("is acme down?"));
        assertThat(t.problemKinds).containsEntry("app", 300).containsEntry("login", 1);
    }

    @Test
    void mergesTalliesWithoutCountingAnAuthorTwice() {
        MinuteTally a = tally.createAccumulator();
        MinuteTally b = tally.createAccumulator();
        for (int i = 0; i < 1000; i++) {
            tally.add(mention("u" + i, null), a);
            tally.add(mention("u" + (i + 500), null), b);
        }
        MinuteTally merged = tally.merge(a, b);
        assertThat(merged.authors.size()).isEqualTo(1500);
        assertThat(merged.posts).isEqualTo(2000);
    }

    @Test
    void samplesDoNotDependOnArrivalOrder() {
        MinuteTally forward = tally.createAccumulator();
        MinuteTally backward = tally.createAccumulator();
        for (int i = 0; i < 50; i++) {
            tally.add(mention("u" + i, null), forward);
            tally.add(mention("u" + (49 - i), null), backward);
        }
        assertThat(forward.samples).hasSize(MinuteTally.MAX_SAMPLES).isEqualTo(backward.samples);
        MinuteTally a = tally.createAccumulator();
        MinuteTally b = tally.createAccumulator();
        for (int i = 0; i < 50; i++) {
            tally.add(mention("u" + i, null), i % 2 == 0 ? a : b);
        }
        assertThat(tally.merge(b, a).samples).isEqualTo(forward.samples);
    }

    @Test
    void anOpenWorldNameMarksTheMinuteUnverified() {
        MinuteTally t = tally.createAccumulator();
        tally.add(mention("alice", null), t);
        tally.add(new Mention("acme", false, "bob", 0, "en", null, 0.8, "is acme down"), t);
        assertThat(t.verified).isFalse();
    }
}
