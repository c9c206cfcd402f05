package org.outagedetector.language;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What is broken, when the post says so: login, payments, messaging, connectivity, app, website. The first
 * kind that matches wins, most specific first ("can't log in to the app" is a login problem).
 */
final class ProblemKinds {

    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("login", Pattern.compile("\\b(?:log ?in|login|logging in|logged (?:me )?out|log me in|sign ?in|signing in|signed (?:me )?out|password|2fa|two.factor|verification code|otp|authenticat\\w*|locked out|"
                + "iniciar sesi[oó]n|contraseña|logar|fazer login|senha|me connecter|se connecter|connexion à mon compte|mot de passe|einloggen|anmelden|anmeldung|passwort)\\b|ログイン|登录|登不上|登陆|登入"));
        KINDS.put("payments", Pattern.compile("\\b(?:pay|payment|payments|paying|checkout|check out|declined|transactions?|transfers?|deposits?|withdraw\\w*|billing|charged|purchases?|refunds?|zelle|card (?:is )?not working|"
                + "pagos?|pagar|transferencias?|pagamentos?|pix|transferências?|boleto|paiements?|payer|virements?|zahlungen?|bezahlen|überweisung\\w*)\\b|決済|支払|支付|付款|转账"));
        KINDS.put("messaging", Pattern.compile("\\b(?:messages?|dms?|texts?|texting|chats?|imessages?|sms|delivered|notifications?|calls? (?:not|wo|won|keep|are)|voice chat|"
                + "mensajes?|mensagens?|mensagem|nachrichten|nachricht)\\b|メッセージ|トーク|消息|发不出|发不了|私信"));
        KINDS.put("connectivity", Pattern.compile("\\b(?:connect\\w*|disconnect\\w*|network|no signal|no service|no bars|internet|wifi|wi-fi|broadband|fib(?:er|re)|servers?|lag|lagging|latency|ping|packet loss|matchmaking|dns|timed? ?out|"
                + "conexi[oó]n|conectar|sin señal|sinal|conexão|rede|réseau|netz|verbindung|empfang)\\b|繋がらない|つながらない|接続|回線|鯖|サーバー|连不上|网络|断网|服务器"));
        KINDS.put("app", Pattern.compile("\\b(?:app|apps|crash\\w*|keeps closing|force clos\\w*|freez\\w*|aplicaci[oó]n|aplicativo|appli|l'app)\\b|アプリ|应用|闪退"));
        KINDS.put("website", Pattern.compile("\\b(?:site|website|webpage|page|pages|browser|homepage|dashboard|portal|500|502|503|504|bad gateway|service unavailable|página|pagina|sitio|seite|webseite|"
                + "[a-z0-9-]+\\.(?:com|net|org|io|co|de|fr|es|br))\\b|サイト|网站|网页"));
    }

    /**
     * Per kind, literals of which every match of its pattern contains at least one, in the order of
     * {@link #KINDS}: one automaton pass over the text picks the kinds worth a regex, where every kind's
     * regex used to scan every outage post (the first that matches still wins).
     */
    private static final List<List<String>> TRIGGERS = List.of(
            List.of("log", "sign", "password", "2fa", "two", "verification code", "otp", "authenticat", "locked out",
                    "iniciar sesi", "contraseña", "senha", "connect", "connexion à mon compte", "mot de passe", "anmeld", "passwort",
                    "ログイン", "登录", "登不上", "登陆", "登入"),
            List.of("pay", "check", "declined", "transaction", "transfer", "deposit", "withdraw", "billing", "charged", "purchase",
                    "refund", "zelle", "card", "pag", "pix", "boleto", "paiement", "virement", "zahlung", "bezahlen", "überweisung",
                    "決済", "支払", "支付", "付款", "转账"),
            List.of("message", "dm", "text", "chat", "sms", "delivered", "notification", "call", "mensaje", "mensage", "nachricht",
                    "メッセージ", "トーク", "消息", "发不出", "发不了", "私信"),
            List.of("connect", "network", "signal", "service", "bars", "internet", "wifi", "wi-fi", "broadband", "fiber", "fibre",
                    "server", "lag", "latency", "ping", "packet loss", "matchmaking", "dns", "time", "conexi", "conectar", "señal",
                    "sinal", "conexão", "rede", "réseau", "netz", "verbindung", "empfang",
                    "繋がらない", "つながらない", "接続", "回線", "鯖", "サーバー", "连不上", "网络", "断网", "服务器"),
            List.of("app", "crash", "keeps closing", "force clos", "freez", "aplicaci", "aplicativo", "アプリ", "应用", "闪退"),
            List.of("site", "sitio", "page", "browser", "dashboard", "portal", "500", "502", "503", "504", "bad gateway",
                    "service unavailable", "página", "pagina", "seite", ".com", ".net", ".org", ".io", ".co", ".de", ".fr", ".es", ".br",
                    "サイト", "网站", "网页"));

    private static final KeywordScanner SCANNER = new KeywordScanner(TRIGGERS, false);
    private static final List<String> NAMES = List.copyOf(KINDS.keySet());
    private static final List<Pattern> PATTERNS = List.copyOf(KINDS.values());

    private ProblemKinds() {
    }

    static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        BitSet kinds = SCANNER.groupsIn(lower);
        for (int k = kinds.nextSetBit(0); k >= 0; k = kinds.nextSetBit(k + 1)) {
            if (PATTERNS.get(k).matcher(lower).find()) {
                return NAMES.get(k);
            }
        }
        return null;
    }

    /** Every kind's regex in order, without the triggers: the reference the tests hold {@link #of} to. */
    static String ofWithoutTriggers(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Pattern> kind : KINDS.entrySet()) {
            if (kind.getValue().matcher(lower).find()) {
                return kind.getKey();
            }
        }
        return null;
    }
}
