package org.outagedetector.language;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * A {@link TokenizerME} that remembers how it split each whitespace-separated piece of text.
 *
 * <p>TokenizerME first cuts the text at whitespace and then decides every split inside a piece from that
 * piece alone (its context generator sees only the piece and the position), so the split of "down??" or
 * "@SpotifyCares" is the same in every post. Posts repeat their words (Zipf), and the maxent evaluation at
 * every character was the largest single cost of a post that reaches the tokenizer; a lookup replaces it.
 * Not thread-safe: one per thread, like the TokenizerME it wraps.
 */
final class MemoTokenizer implements Tokenizer {

    /** Pieces remembered per thread; at this size the memo starts over, which bounds memory (a few MB). */
    static final int CAPACITY = 50_000;
    private static final int[] WHOLE = {0, -1};

    private final TokenizerME tokenizer;
    /** Piece to its split as (start, end) pairs relative to the piece; {@link #WHOLE} when it stays one token. */
    private final Map<String, int[]> splits = new HashMap<>();

    MemoTokenizer(TokenizerME tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public Span[] tokenizePos(String text) {
        Span[] pieces = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
        int count = 0;
        int[][] bySpan = new int[pieces.length][];
        for (int p = 0; p < pieces.length; p++) {
            String piece = text.substring(pieces[p].getStart(), pieces[p].getEnd());
            int[] split = splits.get(piece);
            if (split == null) {
                split = split(piece);
                if (splits.size() >= CAPACITY) {
                    splits.clear();
                }
                splits.put(piece, split);
            }
            bySpan[p] = split;
            count += split == WHOLE ? 1 : split.length / 2;
        }
        Span[] tokens = new Span[count];
        int t = 0;
        for (int p = 0; p < pieces.length; p++) {
            int offset = pieces[p].getStart();
            int[] split = bySpan[p];
            if (split == WHOLE) {
                tokens[t++] = pieces[p];
                continue;
            }
            for (int i = 0; i < split.length; i += 2) {
                tokens[t++] = new Span(offset + split[i], offset + split[i + 1]);
            }
        }
        return tokens;
    }

    @Override
    public String[] tokenize(String text) {
        return Span.spansToStrings(tokenizePos(text), text);
    }

    private int[] split(String piece) {
        Span[] spans = tokenizer.tokenizePos(piece);
        if (spans.length == 1 && spans[0].getStart() == 0 && spans[0].getEnd() == piece.length()) {
            return WHOLE;
        }
        int[] split = new int[spans.length * 2];
        for (int i = 0; i < spans.length; i++) {
            split[2 * i] = spans[i].getStart();
            split[2 * i + 1] = spans[i].getEnd();
        }
        return split;
    }
}
