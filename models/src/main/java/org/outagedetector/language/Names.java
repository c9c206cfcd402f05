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
        String s = POSSESSIVE.matcher(raw.strip()).replaceFirst("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
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
