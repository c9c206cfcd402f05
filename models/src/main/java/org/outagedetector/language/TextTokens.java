package org.outagedetector.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.util.Span;

/**
 * A post as tokens in two views: the tokens as written ({@link #original}) and a normalized word sequence
 * ({@link #joined}: lowercase, contractions spelled out, one space between words) that the phrase patterns
 * read. Every normalized word knows which original token it came from.
 */
final class TextTokens {

    /** Contractions and chat spellings, spelled out so one pattern covers all of them. */
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("can't", "can not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
            Map.entry("won't", "will not"), Map.entry("wont", "will not"), Map.entry("ain't", "is not"),
            Map.entry("i'm", "i am"), Map.entry("im", "i am"), Map.entry("isnt", "is not"),
            Map.entry("doesnt", "does not"), Map.entry("dont", "do not"), Map.entry("didnt", "did not"),
            Map.entry("couldnt", "could not"), Map.entry("wasnt", "was not"), Map.entry("arent", "are not"),
            Map.entry("it's", "it 's"), Map.entry("its", "it 's"), Map.entry("that's", "that 's"),
            Map.entry("what's", "what 's"), Map.entry("everything's", "everything 's"),
            Map.entry("n't", "not"));

    final List<String> original;
    final String joined;
    /** Start offset in {@link #joined} of each normalized word. */
    private final int[] wordStarts;
    /** Index into {@link #original} of each normalized word. */
    private final int[] wordToToken;

    private TextTokens(List<String> original, List<String> words, List<Integer> origins) {
        this.original = original;
        StringBuilder sb = new StringBuilder();
        this.wordStarts = new int[words.size()];
        this.wordToToken = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            wordStarts[i] = sb.length();
            wordToToken[i] = origins.get(i);
            sb.append(words.get(i));
        }
        this.joined = sb.toString();
    }

    static TextTokens of(String text, Tokenizer tokenizer) {
        List<String> tokens = glue(text, tokenizer.tokenizePos(text));
        List<String> words = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            String lower = tokens.get(t).toLowerCase(Locale.ROOT).replace('’', '\'');
            String expanded = EXPANSIONS.get(lower);
            if (expanded == null && lower.endsWith("n't") && lower.length() > 3) {
                expanded = lower.substring(0, lower.length() - 3) + " not";
            }
            for (String w : (expanded != null ? expanded : lower).split(" ")) {
                words.add(w);
                origins.add(t);
            }
        }
        return new TextTokens(tokens, words, origins);
    }

    /**
     * Puts back together what the UD tokenizer splits but posts mean as one unit ("#" + "twitterdown",
     * "@" + "handle"), and splits what it leaves glued ("¿Se", "Twitter's", "down??").
     */
    private static List<String> glue(String text, Span[] spans) {
        List<String> out = new ArrayList<>();
        int previousEnd = -1;
        for (Span span : spans) {
            String token = span.getCoveredText(text).toString();
            boolean adjacent = span.getStart() == previousEnd;
            previousEnd = span.getEnd();
            if (adjacent && !out.isEmpty() && isMarker(out.get(out.size() - 1)) && Character.isLetterOrDigit(token.codePointAt(0))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + token);
                continue;
            }
            split(token, out);
        }
        return out;
    }

    private static boolean isMarker(String token) {
        return token.equals("#") || token.equals("@");
    }

    private static void split(String token, List<String> out) {
        int start = 0;
        while (start < token.length() - 1 && "¿¡\"(".indexOf(token.charAt(start)) >= 0) {
            out.add(token.substring(start, start + 1));
            start++;
        }
        String rest = token.substring(start);
        String possessive = null;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.length() > 2 && (lower.endsWith("'s") || lower.endsWith("’s")) && !EXPANSIONS.containsKey(lower.replace('’', '\''))) {
            possessive = "'s";
            rest = rest.substring(0, rest.length() - 2);
        }
        int end = rest.length();
        while (end > 1 && "?!.,;:)\"".indexOf(rest.charAt(end - 1)) >= 0 && !isUrlLike(rest)) {
            end--;
        }
        out.add(rest.substring(0, end));
        if (possessive != null) {
            out.add(possessive);
        }
        if (end < rest.length()) {
            out.add(rest.substring(end));
        }
    }

    private static boolean isUrlLike(String token) {
        return token.contains("://");
    }

    int wordCount() {
        return wordStarts.length;
    }

    /** The normalized word that starts at or contains {@code offset} in {@link #joined}. */
    int wordAt(int offset) {
        int lo = 0;
        int hi = wordStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (wordStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    int tokenOf(int word) {
        return wordToToken[word];
    }
}
