package org.outagedetector.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese and Chinese outage idioms ("落ちてる", "繋がらない", "挂了", "崩了"). Both write without spaces, so
 * these are substring rules: an idiom plus a service named by its Latin name or a catalog alias in the script.
 */
final class CjkRules {

    private static final Pattern JAPANESE = Pattern.compile(
            "落ちてる|落ちた|落ちてます|落ちとる|鯖落ち|サーバー落ち|繋がらない|つながらない|繋がりません|つながりません|障害|不具合|"
                    + "ログインできない|ログイン出来ない|使えない|開かない|見れない|見られない|読み込めない|送れない|エラー|ダウンしてる|ダウン中|重すぎ");
    private static final Pattern CHINESE = Pattern.compile(
            "挂了|崩了|炸了|打不开|上不去|登不上|登录不了|登不进|宕机|崩溃|出问题|用不了|加载不出来|刷不出来|刷不出|连不上|进不去|服务器.{0,3}(?:爆|崩|挂)|无法访问|发不出");
    /** A Latin-script word: service names in CJK posts are usually written this way ("YouTube落ちてる"). */
    private static final Pattern LATIN_WORD = Pattern.compile("[@#]?[A-Za-z][A-Za-z0-9.+&'-]*[A-Za-z0-9+]|[@#]?[A-Za-z]");
    /** A Latin name this close before the idiom is its subject, even if the catalog does not know it. */
    private static final int SUBJECT_REACH = 3;

    private final ServiceCatalog catalog;

    CjkRules(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The idiom's position, or -1 when the text has none. */
    static int idiom(String text, String language) {
        Matcher m = ("ja".equals(language) ? JAPANESE : CHINESE).matcher(text);
        if (m.find()) {
            return m.start();
        }
        Matcher other = ("ja".equals(language) ? CHINESE : JAPANESE).matcher(text);
        return other.find() ? other.start() : -1;
    }

    Optional<ServiceMention> service(String text, int idiomAt) {
        List<ServiceMention> open = new ArrayList<>();
        Matcher latin = LATIN_WORD.matcher(text);
        while (latin.find()) {
            String word = latin.group();
            Optional<ServiceEntry> entry = catalog.resolve(word);
            if (entry.isPresent()) {
                return Optional.of(new ServiceMention(entry.get().name(), entry.get(), -1, -1));
            }
            int gap = idiomAt - latin.end();
            String key = Names.compact(word);
            if (gap >= 0 && gap <= SUBJECT_REACH && key.length() >= 2 && !CommonWords.contains(key)) {
                open.add(new ServiceMention(catalog.normalize(word), null, -1, -1));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String alias : catalog.cjkAliases()) {
            if (lower.contains(alias.toLowerCase(Locale.ROOT))) {
                return catalog.resolve(alias).map(e -> new ServiceMention(e.name(), e, -1, -1));
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }
}
