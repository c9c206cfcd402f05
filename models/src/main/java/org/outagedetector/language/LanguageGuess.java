package org.outagedetector.language;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language to read a post in: the post's own {@code lang} field when it names one this step reads,
 * else a guess from the script (kana: Japanese, ideographs: Chinese) and from telltale words.
 */
final class LanguageGuess {

    static final Set<String> READ = Set.of("en", "es", "pt", "fr", "de", "ja", "zh");

    private static final Map<String, Pattern> TELLTALES = Map.of(
            "es", Pattern.compile("[¿¡ñ]|\\b(?:se cayó|se cayo|está|esta caído|no funciona|no carga|no puedo|caída|caida|también|porque|qué|alguien|mis|hoy|otra vez|fallando|por favor|sin|desde|ayer|tiene|señal|nada|deja|abre)\\b"),
            "pt", Pattern.compile("[ãõç]|\\b(?:não|nao|caiu|fora do ar|tá|tô|você|vocês|alguém|alguem|hoje|mais|também|travando|mensagens|galera|meu|minha|sem|ontem|envia)\\b"),
            "fr", Pattern.compile("\\b(?:est|en panne|ne marche|marche pas|fonctionne pas|je|j'arrive|impossible de|c'est|aujourd'hui|encore|quelqu'un|chez|vous|mon|ma|pas|avec|depuis|réseau|n'ai)\\b"),
            "de", Pattern.compile("[äöüß]|\\b(?:ist|nicht|geht|funktioniert|störung|bei mir|auch|schon|wieder|gerade|heute|kein|keine|ich|und|noch)\\b"));
    /** Order breaks ties: Portuguese before Spanish, since Spanish telltales are looser. */
    private static final String[] ORDER = {"pt", "es", "fr", "de"};
    /**
     * The literal words and letters of each language's telltales, in {@link #ORDER}: a language's regex can
     * only count something where one of them occurs, so the four regex scans run only for the languages
     * whose words a post has (an English post usually has none) and the count stays exactly the regex's.
     */
    private static final KeywordScanner TELLTALE_WORDS = new KeywordScanner(List.of(
            List.of("não", "nao", "caiu", "fora do ar", "tá", "tô", "você", "vocês", "alguém", "alguem", "hoje", "mais",
                    "também", "travando", "mensagens", "galera", "meu", "minha", "sem", "ontem", "envia"),
            List.of("se cayó", "se cayo", "está", "esta caído", "no funciona", "no carga", "no puedo", "caída", "caida",
                    "también", "porque", "qué", "alguien", "mis", "hoy", "otra vez", "fallando", "por favor", "sin", "desde", "ayer",
                    "tiene", "señal", "nada", "deja", "abre"),
            List.of("est", "en panne", "ne marche", "marche pas", "fonctionne pas", "je", "j'arrive", "impossible de",
                    "c'est", "aujourd'hui", "encore", "quelqu'un", "chez", "vous", "mon", "ma", "pas", "avec", "depuis", "réseau", "n'ai"),
            List.of("ist", "nicht", "geht", "funktioniert", "störung", "bei mir", "auch", "schon", "wieder", "gerade",
                    "heute", "kein", "keine", "ich", "und", "noch")), true);
    private static final KeywordScanner TELLTALE_LETTERS = new KeywordScanner(List.of(
            List.of("ã", "õ", "ç"), List.of("¿", "¡", "ñ"), List.of(), List.of("ä", "ö", "ü", "ß")), false);
    /** No kana or ideograph lies below this code point (CJK radicals start here, kana and ideographs later). */
    private static final char FIRST_CJK = '\u2E80';

    private LanguageGuess() {
    }

    static String of(String text, String lang) {
        if (lang != null) {
            String code = lang.toLowerCase(Locale.ROOT);
            int dash = code.indexOf('-');
            code = dash > 0 ? code.substring(0, dash) : code;
            if (READ.contains(code)) {
                return code;
            }
        }
        if (mayBeCjk(text)) {
            if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)) {
                return "ja";
            }
            if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return "zh";
            }
        }
        BitSet present = TELLTALE_WORDS.groupsIn(text);
        present.or(TELLTALE_LETTERS.groupsIn(text));
        if (present.isEmpty()) {
            return "en";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String best = "en";
        int bestCount = 0;
        for (int i = 0; i < ORDER.length; i++) {
            String language = ORDER[i];
            if (!present.get(i)) {
                continue;
            }
            int count = (int) TELLTALES.get(language).matcher(lower).results().count();
            if (count > bestCount) {
                best = language;
                bestCount = count;
            }
        }
        return best;
    }

    private static boolean mayBeCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_CJK) {
                return true;
            }
        }
        return false;
    }
}
