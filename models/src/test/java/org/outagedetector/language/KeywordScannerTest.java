package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The automaton finds the groups a keyword-by-keyword search of the lowercased text finds. */
class KeywordScannerTest {

    private static final List<List<String>> GROUPS = List.of(
            List.of("down", "not work", "n't load"), List.of("panne", "störung", "kaputt"), List.of("落ち", "障害"),
            List.of("k8s", "50"), List.of("is it just me"));

    @Test
    void findsWhatContainsFindsInEveryCorpusPostAndItsUpperCase() throws IOException {
        KeywordScanner scanner = new KeywordScanner(GROUPS, false);
        List<String> texts = new ArrayList<>();
        for (String post : CorpusTexts.all()) {
            texts.add(post);
            texts.add(post.toUpperCase(java.util.Locale.ROOT));
        }
        texts.addAll(List.of("IS IT JUST ME", "Is It Just Me or is GitHub DOWN", "STÖRUNG bei der Bahn",
                "\u212A8s cluster", "K8S", "n’t load", "nothing", ""));
        int found = 0;
        for (String text : texts) {
            BitSet expected = reference(text);
            assertThat(scanner.groupsIn(text)).as(text).isEqualTo(expected);
            assertThat(scanner.anyIn(text)).as(text).isEqualTo(!expected.isEmpty());
            found += expected.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("texts with a keyword").isGreaterThan(1_000);
    }

    /** Lowercased one char at a time, as the scanner's contract says, then one contains per keyword. */
    private static BitSet reference(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.chars().forEach(c -> lower.append(Character.toLowerCase((char) c)));
        BitSet groups = new BitSet();
        for (int g = 0; g < GROUPS.size(); g++) {
            for (String keyword : GROUPS.get(g)) {
                if (lower.indexOf(keyword) >= 0) {
                    groups.set(g);
                }
            }
        }
        return groups;
    }
}
