package org.outagedetector.language;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many literal keywords occur in a text in one pass (an Aho-Corasick automaton), so the
 * prefilter and the keyword-triggered rules cost one walk over the characters instead of one
 * {@code contains} or one regex scan per keyword. Immutable and thread-safe once built.
 *
 * <p>Keywords belong to groups (a rule, a language, a prefilter): {@link #groupsIn} answers which groups
 * have at least one keyword in the text. Matching is on lowercase characters; text is lowercased one char at
 * a time ({@link Character#toLowerCase(char)}), which can only find more keywords than
 * {@code String.toLowerCase(Locale.ROOT)} would (dotted capital I), never fewer, so a gate built on it stays
 * a superset of what it guards.
 */
final class KeywordScanner {

    private static final int ASCII = 128;

    /**
     * Dense transitions for ASCII characters: state * 128 + char, the full automaton (failures folded in), with
     * 'A'-'Z' moving as 'a'-'z' do, so ASCII text needs no lowercasing (that was a tenth of a scan).
     */
    private final int[] ascii;
    /** Trie edges for other characters: (state << 32 | char) to state; failures are followed at scan time. */
    private final Map<Long, Integer> other;
    private final int[] fail;
    /** Per state, the keywords ending here (its own and those reached through failure links). */
    private final int[][] output;
    private final int[] keywordGroup;
    private final int[] keywordLength;
    private final boolean[] keywordWholeWord;
    private final int groups;

    /**
     * @param keywordsByGroup for each group, its keywords (lowercase, non-empty)
     * @param wholeWords      when true, a keyword counts only where it is not glued to a letter or digit on
     *                        either side (the {@code \b} of the regexes these keywords gate)
     */
    KeywordScanner(List<List<String>> keywordsByGroup, boolean wholeWords) {
        List<int[]> edges = new ArrayList<>(); // per state: a growable list of (char, target) pairs
        List<List<Integer>> outs = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        List<Integer> lengthOf = new ArrayList<>();
        Map<Long, Integer> trie = new HashMap<>();
        edges.add(new int[0]);
        outs.add(new ArrayList<>());
        for (int g = 0; g < keywordsByGroup.size(); g++) {
            for (String keyword : keywordsByGroup.get(g)) {
                if (keyword.isEmpty()) {
                    throw new IllegalArgumentException("empty keyword in group " + g);
                }
                int state = 0;
                for (int i = 0; i < keyword.length(); i++) {
                    char c = Character.toLowerCase(keyword.charAt(i));
                    Integer next = trie.get(key(state, c));
                    if (next == null) {
                        next = edges.size();
                        edges.add(new int[0]);
                        outs.add(new ArrayList<>());
                        trie.put(key(state, c), next);
                        int[] e = edges.get(state);
                        e = Arrays.copyOf(e, e.length + 2);
                        e[e.length - 2] = c;
                        e[e.length - 1] = next;
                        edges.set(state, e);
                    }
                    state = next;
                }
                outs.get(state).add(groupOf.size());
                groupOf.add(g);
                lengthOf.add(keyword.length());
            }
        }
        int states = edges.size();
        this.fail = new int[states];
        this.ascii = new int[states * ASCII];
        this.other = new HashMap<>();
        // Breadth-first, so a state's failure target is complete before the state itself is.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] rootEdges = edges.get(0);
        for (int i = 0; i < rootEdges.length; i += 2) {
            queue.add(rootEdges[i + 1]);
            if (rootEdges[i] < ASCII) {
                ascii[rootEdges[i]] = rootEdges[i + 1];
            } else {
                other.put(key(0, (char) rootEdges[i]), rootEdges[i + 1]);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            outs.get(s).addAll(outs.get(fail[s]));
            System.arraycopy(ascii, fail[s] * ASCII, ascii, s * ASCII, ASCII);
            int[] e = edges.get(s);
            for (int i = 0; i < e.length; i += 2) {
                char c = (char) e[i];
                int target = e[i + 1];
                fail[target] = s == 0 ? 0 : step(fail[s], c);
                if (c < ASCII) {
                    ascii[s * ASCII + c] = target;
                } else {
                    other.put(key(s, c), target);
                }
                queue.add(target);
            }
        }
        for (int s = 0; s < states; s++) {
            for (char c = 'A'; c <= 'Z'; c++) {
                ascii[s * ASCII + c] = ascii[s * ASCII + Character.toLowerCase(c)];
            }
        }
        this.output = new int[states][];
        for (int s = 0; s < states; s++) {
            output[s] = outs.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        this.keywordGroup = groupOf.stream().mapToInt(Integer::intValue).toArray();
        this.keywordLength = lengthOf.stream().mapToInt(Integer::intValue).toArray();
        this.keywordWholeWord = new boolean[keywordGroup.length];
        Arrays.fill(keywordWholeWord, wholeWords);
        this.groups = keywordsByGroup.size();
    }

    /** One group of keywords, for the common case of a single gate. */
    static KeywordScanner of(List<String> keywords) {
        return new KeywordScanner(List.of(keywords), false);
    }

    /** True when any keyword occurs in {@code text}. */
    boolean anyIn(CharSequence text) {
        return scan(text, null);
    }

    /** The groups with at least one keyword in {@code text}. */
    BitSet groupsIn(CharSequence text) {
        BitSet found = new BitSet(groups);
        scan(text, found);
        return found;
    }

    /** Walks the text once; with {@code found == null} stops at the first keyword. */
    private boolean scan(CharSequence text, BitSet found) {
        int state = 0;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Outside ASCII, lowercasing can land in it (the Kelvin sign is a 'k'), hence step().
            state = c < ASCII ? ascii[state * ASCII + c] : step(state, Character.toLowerCase(c));
            for (int k : output[state]) {
                if (keywordWholeWord[k] && !(isWordBoundary(text, i + 1 - keywordLength[k]) && isWordBoundary(text, i + 1))) {
                    continue;
                }
                if (found == null) {
                    return true;
                }
                found.set(keywordGroup[k]);
                any = true;
            }
        }
        return any;
    }

    /** A {@code \b} at {@code at} for keywords that start and end with a word character. */
    private static boolean isWordBoundary(CharSequence text, int at) {
        boolean before = at > 0 && isWordChar(text.charAt(at - 1));
        boolean after = at < text.length() && isWordChar(text.charAt(at));
        return !(before && after);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private int step(int state, char c) {
        return c < ASCII ? ascii[state * ASCII + c] : stepOther(state, c);
    }

    private int stepOther(int state, char c) {
        int s = state;
        while (true) {
            Integer next = other.get(key(s, c));
            if (next != null) {
                return next;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    private static long key(int state, char c) {
        return (long) state << 32 | c;
    }
}
