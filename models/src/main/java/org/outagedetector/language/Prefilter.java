package org.outagedetector.language;

import java.util.List;

/**
 * The cheap first look: a post that contains none of these fragments cannot be an outage report in any
 * language the step reads, so it never reaches the tokenizer or the model. Fragments are deliberately
 * loose ("crash" also catches "crashing"); the patterns behind it decide. The second, sense-aware look
 * (a fragment left after the other senses are blanked, or a named service) is
 * {@link OutageLanguage#passesPrefilter}.
 */
final class Prefilter {

    private static final List<String> FRAGMENTS = List.of(
            // English
            "down", "outage", "not work", "n't work", "stopped work", "not load", "n't load", "crash", "offline",
            "error", "issue", "problem", "trouble", "broke", "dead", "log in", "login", "sign in", "connect",
            "respond", "n't open", "not open", "freez", "glitch", "lagg", "server", "50", "unavailable",
            "went wrong", "bug", "fail", "disrupt", "acting up", "is it just me", "anyone else", "not sen", "n't sen",
            "not go", "n't go", "not sync", "n't sync", "launch", "not updat", "refresh", "not play", "n't play",
            "stream", "function", "stopped", "won't", "wont ", "can't", "cant ", "cannot", "unable", "not able",
            "no service", "no signal", "no internet", "no wifi", "no data", "no bars", "no reception", "no cell", "no mobile",
            "zero bars", "without internet", "working?", "working ?", "loading?", "loading ?", "buffer", "unusable", "borked",
            "busted", "kicking", "logging me out", "dropping", "stuck", "moment", "bad day", "rough day", "hiccup",
            // Spanish, Portuguese
            "caí", "cai", "caid", "cay", "callo", "cae ", "tomb", "funciona", "carga", "anda", "fora do ar", "não", "nao ", "fall", "instab",
            "entrar", "queda", "travando", "pau", "sin internet", "sin señal", "sin senal", "sin servicio", "sin red", "sin conex", "tiene señal", "tiene senal", "tienen señal",
            "sem internet", "sem sinal", "sem servi", "sem rede", "sem conex", "abre", "deja ", "jala",
            // French
            "panne", "marche", "plant", "rade", " hs", "accès", "acces", "impossible", "de réseau", "de reseau", "d'internet", "d’internet", "plus internet", "pas internet", "beug", "déconne", "deconne", "mort",
            // German
            "störung", "stoerung", "ausfall", "ausgefallen", "geht nicht", "geht net", "funktioniert", "lädt", "laedt",
            "kaputt", "spinnt", "nicht", "kein", "stürzt", "stuerzt",
            // Japanese, Chinese
            "落ち", "繋が", "つなが", "障害", "不具合", "できない", "エラー", "ダウン", "重い", "開かない", "使えない",
            "出来ない", "見れない", "見られない", "読み込めない", "送れない", "重すぎ",
            "挂", "崩", "炸了", "打不开", "上不去", "登不", "宕机", "用不了", "问题", "不了", "加载", "刷不", "连不上", "进不去", "无法访问", "发不出", "服务器");

    /** All fragments in one automaton: one pass over the post instead of one {@code contains} per fragment. */
    private static final KeywordScanner SCANNER = KeywordScanner.of(FRAGMENTS);

    private Prefilter() {
    }

    /** True when the post might report an outage; false means it certainly does not, by these rules. */
    static boolean mayReport(String text) {
        return SCANNER.anyIn(text);
    }
}
