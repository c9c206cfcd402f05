package org.outagedetector.language;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one place that decides when two spellings of a name are the same key. */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private Names() {
    }

    /** Lowercase, accents dropped, possessive dropped, only letters and digits: "You Tube's" → "youtube". */
    static String compact(String raw) {
        return compact(raw, true);
    }

    /**
     * {@link #compact} of one word inside a longer name: the possessive counts only at the end of the whole
     * name, so "a 's b" is "asb"; {@code compact(String.join(" ", words))} is the inner words' keys followed by
     * the last word's {@link #compact}, which lets a scan key every word once instead of every span.
     */
    static String compactInner(String raw) {
        return compact(raw, false);
    }

    private static String compact(String raw, boolean dropPossessive) {
        String ascii = compactAscii(raw, dropPossessive);
        if (ascii != null) {
            return ascii;
        }
        String s = dropPossessive ? POSSESSIVE.matcher(raw.strip()).replaceFirst("") : raw;
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * {@link #compact} without the three regexes and the Unicode normalization, for the common case of a
     * plain ASCII name (it runs for every word of every post that reaches the catalog lookup); null when
     * the text has other characters and needs the general path. ASCII has no marks to drop, so the result
     * is the same.
     */
    private static String compactAscii(String raw, boolean dropPossessive) {
        int end = raw.length();
        for (int i = 0; i < end; i++) {
            if (raw.charAt(i) >= 0x80) {
                return null;
            }
        }
        while (end > 0 && Character.isWhitespace(raw.charAt(end - 1))) {
            end--; // strip(): only the trailing side matters, for the possessive
        }
        if (dropPossessive && end >= 2 && raw.charAt(end - 2) == '\'' && raw.charAt(end - 1) == 's') {
            end -= 2; // the possessive: "Twitter's"
        }
        StringBuilder sb = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True for text in a script without spaces between words (kana, CJK ideographs, hangul). */
    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    static boolean containsCjk(String s) {
        return s.codePoints().anyMatch(Names::isCjk);
    }
}
