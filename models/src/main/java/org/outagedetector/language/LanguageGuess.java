package org.outagedetector.language;

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
            "es", Pattern.compile("[¿¡ñ]|\\b(?:se cayó|se cayo|está|esta caído|no funciona|no carga|no puedo|caída|caida|también|porque|qué|alguien|mis|hoy|otra vez|fallando|por favor)\\b"),
            "pt", Pattern.compile("[ãõç]|\\b(?:não|nao|caiu|fora do ar|tá|tô|você|vocês|alguém|alguem|hoje|mais|também|travando|mensagens|galera|meu|minha)\\b"),
            "fr", Pattern.compile("\\b(?:est|en panne|ne marche|marche pas|fonctionne pas|je|j'arrive|impossible de|c'est|aujourd'hui|encore|quelqu'un|chez|vous|mon|ma|pas)\\b"),
            "de", Pattern.compile("[äöüß]|\\b(?:ist|nicht|geht|funktioniert|störung|bei mir|auch|schon|wieder|gerade|heute|kein|keine|ich|und|noch)\\b"));
    /** Order breaks ties: Portuguese before Spanish, since Spanish telltales are looser. */
    private static final String[] ORDER = {"pt", "es", "fr", "de"};

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
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String best = "en";
        int bestCount = 0;
        for (String language : ORDER) {
            int count = (int) TELLTALES.get(language).matcher(lower).results().count();
            if (count > bestCount) {
                best = language;
                bestCount = count;
            }
        }
        return best;
    }
}
