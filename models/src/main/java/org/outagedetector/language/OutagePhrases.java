package org.outagedetector.language;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outagedetector.language.PhraseHit.Strength;

/**
 * The phrases people use to say a service is down, per language, as patterns over the normalized word
 * sequence of {@link TextTokens#joined}. A named group {@code s} marks where the service name sits.
 * English patterns apply to every Latin-script post too ("whatsapp down?" is written everywhere).
 */
final class OutagePhrases {

    /** Up to three words, ending right before the phrase; starts only at a word start, which keeps matching cheap. */
    private static final String BEFORE = "(?<![^ ])(?<s>(?:[^ ]+ ){0,2}[^ ]+)";
    /** Up to three words, starting right after the phrase. */
    private static final String AFTER = "(?<s>[^ ]+(?: [^ ]+){0,2})";
    private static final String ADVERBS = "(?:(?:completely|totally|still|literally|currently|again|so|all|fully|just|"
            + "officially|definitely|like|now|also|really|actually|kinda|apparently|once again|back|acting|"
            + "being|basically|seriously|having|having issues and) )*";

    private static final List<Rule> ENGLISH = List.of(
            rule(Strength.STRONG, "is-x-down", List.of("down", "offline", "dead"), "\\b(?:is|are|r|was) (?<s>(?:[^ ]+ ){0,3}?[^ ]+) (?:" + ADVERBS + ")(?:down|offline|dead)\\b", false),
            rule(Strength.STRONG, "x-is-down", List.of("down", "offline", "dead"), BEFORE + " (?:is|are|'s|was|went|goes|seems|seem|looks|look|has gone|have gone|has been|have been|keeps going|keep going|going|be) "
                    + ADVERBS + "(?:down|offline|dead)\\b", true),
            rule(Strength.STRONG, "x-down", List.of("down", "offline"), BEFORE + " (?:down|offline)(?: (?:again|rn|right now|now|today|atm|yet again|for (?:anyone|everyone|everybody|me|you|anybody|others|all|hours|over|the last|an hour|\\d+)|or is it just me|worldwide|everywhere|lol|lmao|smh|ugh|wtf|af|bro|guys|\\?|!|\\.|…)[^ ]*)*(?: |$)(?:[?!.…]|$|[^a-z0-9 ])", true).within(3),
            rule(Strength.STRONG, "x-outage", List.of("outage", "down", "disruption", "blackout"), BEFORE + " (?:outage|outages|down ?time|downtime|service disruption|blackout)\\b", true).within(4),
            rule(Strength.STRONG, "outage-at-x", List.of("outage", "downtime", "disruption"), "\\b(?:outage|outages|downtime|disruption) (?:at|on|with|of|in|for|hitting|affecting) " + AFTER, false),
            rule(Strength.MEDIUM, "x-not-working", List.of("work", "load", "respond", "open", "connect", "send", "sync", "launch", "updat", "refresh", "play", "stream", "going through", "function"), BEFORE + " (?:is |are |has |have |just |keeps |keep |seems |still |completely |totally |literally |also )*"
                    + "(?:not|stopped|quit) (?:working|loading|responding|opening|connecting|sending|syncing|launching|updating|refreshing|playing|streaming|going through|functioning|load|work)\\b", true),
            rule(Strength.MEDIUM, "x-will-not-load", List.of("load", "open", "work", "connect", "launch", "start", "play", "stream", "send", "sync", "refresh", "respond", "let me"), BEFORE + " (?:will not|can not|does not|do not|did not|would not|is not|are not) (?:even )?(?:load|open|work|connect|launch|start|play|stream|send|sync|refresh|respond|let me (?:log|sign) ?in|let me in)\\b", true),
            rule(Strength.MEDIUM, "x-crashing", List.of("crash", "fail", "freez", "glitch", "lagg", "bugging", "bugged", "broken", "borked", "busted", "unusable", "erroring", "acting up", "timing out", "errors", "messing up", "tweaking", "tripping",
                    "dropp", "disconnect", "buffer", "kicking", "logging", "spinning", "stuck"),
                    BEFORE + " (?:(?:keeps|keep|is|are|'s|has been|have been|just|always|constantly|still|so|totally|completely|literally|super|fully|being|absolutely|now) )*(?:crashing|crashed|crashes|failing|freezing|glitching|glitched(?: out)?|lagging|bugging out|bugged(?: out)?|broken|borked|busted|unusable|erroring|acting up|timing out|throwing errors|giving me errors|giving errors|messing up|tweaking|tripping"
                    + "|dropping (?:(?:my|our|the|all) )?(?:calls|call|connection|connections|out|me|everyone|us)|disconnecting|buffering|kicking (?:me|us|everyone|people) out|logging (?:me|us|everyone|people) out|spinning"
                    + "|stuck (?:on |at |in )?(?:[\"'“”] )?(?:the |a )?(?:loading|connecting|sending|pending|buffering|spinning|splash|logo|trying to connect|reconnecting|queue|queued))\\b", true),
            rule(Strength.MEDIUM, "x-having-issues", List.of("issues", "problems", "outage", "trouble", "difficulties", "moment", "bad day", "rough day", "hiccup"), BEFORE + " (?:is |are )?(?:having|has|experiencing) (?:issues|problems|an outage|trouble|difficulties|connection issues|server issues|technical difficulties|a moment|a bad day|a rough day|a hiccup|hiccups)\\b", true),
            // "is crunchyroll working??": asking whether it works is asking whether it is down
            rule(Strength.MEDIUM, "is-x-working", List.of("working", "loading"), "\\b(?:is|are) (?<s>(?:[^ ]+ ){0,2}?[^ ]+) (?:working|loading) (?:for (?:anyone|anybody|you|everyone|y'all|yall) )?\\?", false),
            // no connectivity: "verizon has no service" (and per language: "sin señal", "sem internet", "plus de réseau", "kein netz")
            rule(Strength.MEDIUM, "no-connectivity", List.of(" service", " signal", "internet", " wifi", " wi-fi", " data", " bars", " reception", " connection", " network", " broadband"),
                    "\\b(?:no|zero|without|lost|losing) (?:cell |mobile |phone |home )?(?<s>service|signal|internet|wifi|wi-fi|data|bars|reception|connection|connectivity|network|broadband)\\b", false),
            rule(Strength.MEDIUM, "no-connectivity-from-x", List.of(" service", " signal", "internet", " wifi", " wi-fi", " data", " bars", " reception", " connection", " network", " broadband"),
                    "\\b(?:no|zero|without|lost|losing) (?:cell |mobile |phone |home )?(?:service|signal|internet|wifi|wi-fi|data|bars|reception|connection|connectivity|network|broadband) (?:on|from|with|at|via|through) " + AFTER, false),
            rule(Strength.MEDIUM, "x-no-connectivity", List.of(" service", " signal", "internet", " wifi", " wi-fi", " data", " bars", " reception", " connection", " network", " broadband"),
                    BEFORE + " (?:(?:has|have|got|is|are|with) )?(?:no|zero) (?:cell |mobile |phone |home )?(?:service|signal|internet|wifi|wi-fi|data|bars|reception|connection|connectivity|network|broadband)\\b", true).within(6),
            rule(Strength.MEDIUM, "cannot-use-x", List.of("not ", "unable", "won't", "fail", "trouble", "problems", "issues"), "\\b(?:can not|could not|unable to|not able to|will not let me|won't let me|does not let me|failing to|fails to|failed to|fail to|trouble|problems|issues) "
                    + "(?:log ?in(?:to)?|login|logging in(?:to)?|sign ?in(?:to)?|signing in(?:to)?|connect|connecting|access|accessing|load|loading|open|opening|reach|get into|get on|use|send|sending|refresh|stream|play|check)"
                    + "(?: (?:in|on|into|to|onto|my|the|with))*(?: " + AFTER + ")?", false),
            rule(Strength.MEDIUM, "problems-with-x", List.of("problem", "issue", "trouble", "error", "difficult", "glitch", "bug"), "\\b(?:problems?|issues?|trouble|errors?|difficulties|difficulty|glitch|glitches|bugs?) (?:with|on|at|in|connecting to|accessing|loading|logging into) " + AFTER, false),
            rule(Strength.WEAK, "error-code", List.of("err", "500", "502", "503", "504", "went wrong", "unavailable", "bad gateway"), "\\b(?:error|err)(?: code)? [a-z0-9-]*[0-9][a-z0-9-]*|\\b(?:500|502|503|504)\\b|internal server error|something went wrong|service unavailable|bad gateway", false),
            rule(Strength.MEDIUM, "downdetector", List.of("detector"), "\\bdown ?detector\\b", false),
            rule(Strength.WEAK, "servers", List.of("server"), "\\bservers? (?:is |are )?(?:down|not responding|dead|overloaded|unavailable|out)\\b", false),
            rule(Strength.WEAK, "just-me", List.of("just me", "anyone else", "anybody else", "everyone else", "is it down", "down for"), "\\b(?:is it just me|just me or|anyone else|anybody else|everyone else|is it down|down for everyone|down for anyone|down for me)\\b", false));

    private static final Map<String, List<Rule>> BY_LANGUAGE = Map.of(
            "es", List.of(
                    rule(Strength.STRONG, "se-cayo-x", List.of("cay", "callo", "calló", "cae"), "\\b(?:se )?(?:cayó|cayo|callo|calló|cae|cayeron|caen) (?:el |la |los |las |de nuevo |otra vez |también )*" + AFTER, false),
                    rule(Strength.STRONG, "x-se-cayo", List.of("cay", "callo", "calló", "caído", "caido", "caída", "caida", "fuera de servicio", "down"), BEFORE + " (?:se )?(?:cayó|cayo|callo|calló|cayeron|está caído|esta caido|está caída|esta caida|está caido|esta caído|caído|caido|caída|caida|fuera de servicio|down)\\b", true).within(5),
                    rule(Strength.MEDIUM, "x-no-funciona", List.of("funciona", "carga", "anda", "sirve", "jala", "abre", "conecta", "responde", "deja ", "envía", "envia", "manda"), BEFORE + " (?:no|ya no|sigue sin|tampoco) (?:me |le |nos |te )?(?:funciona|carga|anda|sirve|jala|abre|conecta|responde|deja (?:entrar|reproducir|ver|enviar|mandar|usar|conectar|iniciar|pagar|comprar|pedir|hacer)|envía|envia|manda)\\b", true),
                    rule(Strength.MEDIUM, "no-funciona-x", List.of("funciona", "carga", "anda", "abre", "conecta", "responde", "jala"), "\\bno (?:me |le |nos |te )?(?:funciona|carga|anda|abre|conecta|responde|jala) (?:el |la |los |las |mi |mis )?" + AFTER, false),
                    rule(Strength.MEDIUM, "x-falla", List.of("fallando", "fallas", "problemas", "error"), BEFORE + " (?:está |esta )?(?:fallando|con fallas|con problemas|dando error|da error|tiene problemas)\\b", true),
                    rule(Strength.STRONG, "caida-de-x", List.of("caída", "caida", "falla", "problema", "intermitencia", "fallo"), "\\b(?:caída|caida|falla|fallas|problemas|problema|intermitencia|fallo) (?:de|en|con|del) (?:la |el )?" + AFTER, false),
                    rule(Strength.MEDIUM, "sin-senal", List.of("internet", " señal", " senal", " servicio", "sin red", "hay red", "tengo red", "tenemos red", " conex", " datos"),
                            "\\b(?:sin|no hay|no tengo|no tenemos|no tiene|no tienen) (?<s>internet|señal|senal|servicio|red|conexión|conexion|datos)\\b", false),
                    rule(Strength.MEDIUM, "sin-senal-de-x", List.of("internet", " señal", " senal", " servicio", "sin red", "hay red", "tengo red", "tenemos red", "tiene red", "tienen red", " conex", " datos"),
                            "\\b(?:sin|no hay|no tengo|no tenemos|no tiene|no tienen) (?:internet|señal|senal|servicio|red|conexión|conexion|datos) (?:de|del|con|en) (?:la |el )?" + AFTER, false),
                    rule(Strength.MEDIUM, "x-sin-senal", List.of("internet", " señal", " senal", " servicio", "sin red", "tiene red", "tienen red", " conex", " datos"),
                            BEFORE + " (?:está |esta |sigue |otra vez |de nuevo ){0,2}(?:sin|no tiene|no tienen) (?:internet|señal|senal|servicio|red|conexión|conexion|datos)\\b", true).within(9),
                    rule(Strength.MEDIUM, "no-puedo-entrar-x", List.of("puedo", "me deja", "podemos", "puede"), "\\bno (?:puedo|me deja|podemos|puede) (?:entrar|iniciar sesión|iniciar sesion|conectar(?:me)?|acceder|mandar|enviar|ver|usar)(?: (?:a|en|al|con|mensajes|por))* " + AFTER, false)),
            "pt", List.of(
                    rule(Strength.STRONG, "x-caiu", List.of("caiu", "caíram", "cairam", "do ar", "down"), BEFORE + " (?:caiu|caíram|cairam|tá fora do ar|ta fora do ar|está fora do ar|esta fora do ar|fora do ar|saiu do ar|down)\\b", true).within(5),
                    rule(Strength.STRONG, "caiu-o-x", List.of("caiu", "caíram", "cairam"), "\\b(?:caiu|caíram|cairam) (?:o |a |os |as |de novo |dnv |também )*" + AFTER, false),
                    rule(Strength.MEDIUM, "x-nao-funciona", List.of("funciona", "carrega", "abr", "conecta", "envia", "entra"), BEFORE + " (?:não|nao|n|num) (?:tá |ta |está |esta )?(?:funciona|funcionando|carrega|carregando|abre|abrindo|conecta|conectando|envia|enviando|entra)\\b", true),
                    rule(Strength.MEDIUM, "x-travando", List.of("travad", "travando", "bug", "deu pau", "instável", "instavel", "problema", "instabilidade", "erro", "lento demais"), BEFORE + " (?:tá |ta |está |esta )?(?:travando|travado|bugou|bugado|bugando|deu pau|instável|instavel|com problema|com problemas|com instabilidade|dando erro|lento demais)\\b", true),
                    rule(Strength.STRONG, "instabilidade-no-x", List.of("instabilidade", "problema", "queda", "falha", "erro"), "\\b(?:instabilidade|problema|problemas|queda|falha|erro) (?:no|na|nos|nas|com o|com a|do|da|em) " + AFTER, false),
                    rule(Strength.MEDIUM, "sem-sinal", List.of("internet", " sinal", " serviço", " servico", " rede", " conex", " dados"),
                            "\\b(?:sem|não tenho|nao tenho|tô sem|to sem) (?<s>internet|sinal|serviço|servico|rede|conexão|conexao|dados)\\b", false),
                    rule(Strength.MEDIUM, "sem-sinal-da-x", List.of("internet", " sinal", " serviço", " servico", " rede", " conex", " dados"),
                            "\\b(?:sem|não tenho|nao tenho) (?:internet|sinal|serviço|servico|rede|conexão|conexao|dados) (?:da|do|na|no|com a|com o|pela|pelo) " + AFTER, false),
                    rule(Strength.MEDIUM, "x-sem-sinal", List.of("internet", " sinal", " serviço", " servico", " rede", " conex", " dados"),
                            BEFORE + " (?:tá |ta |está |esta |segue |de novo |continua ){0,2}sem (?:internet|sinal|serviço|servico|rede|conexão|conexao|dados)\\b", true).within(8),
                    rule(Strength.MEDIUM, "nao-consigo-x", List.of("consigo", "conseguindo", "dá pra", "da pra"), "\\b(?:não|nao) (?:consigo|to conseguindo|tô conseguindo|estou conseguindo|dá pra|da pra) (?:entrar|acessar|logar|conectar|mandar|enviar|fazer login|usar|abrir)(?: (?:no|na|em|o|a|mensagem|mensagens))* " + AFTER, false)),
            "fr", List.of(
                    rule(Strength.STRONG, "x-en-panne", List.of("panne", "down", "hs", "rade", "tomb", "planté", "mort"), BEFORE + " (?:est |sont |encore )*(?:en panne|down|hs|en rade|tombé|tombe|planté|mort|morte)\\b", true),
                    rule(Strength.MEDIUM, "x-marche-pas", List.of("marche", "fonctionne", "répond", "repond", "charge", "ouvre", "se lance", "bug", "beug", "plante", "rame", "déconne", "deconne"), BEFORE + " (?:ne |n' )?(?:marche|fonctionne|répond|repond|charge|s'ouvre|se lance|bug|bugue|beug|beugue|plante|rame|déconne|deconne)(?: (?:pas|plus|encore|toujours))*\\b", true),
                    rule(Strength.STRONG, "panne-de-x", List.of("panne", "bug", "problème", "probleme", "souci", "dysfonctionnement", "incident"), "\\b(?:panne|pannes|bug|bugs|problème|problèmes|probleme|soucis|souci|dysfonctionnement|incident) (?:de |d' ?|du |des |chez |sur |avec |générale (?:de |chez |sur ))?(?:l' ?)?" + AFTER, false),
                    rule(Strength.MEDIUM, "plus-de-reseau", List.of("internet", "réseau", "reseau", "connexion", " signal"),
                            "\\b(?:plus|pas|aucun|aucune) (?:de |d ?' ?)?(?<s>réseau|reseau|internet|connexion|signal)\\b", false),
                    rule(Strength.MEDIUM, "plus-de-reseau-chez-x", List.of("internet", "réseau", "reseau", "connexion", " signal"),
                            "\\b(?:plus|pas|aucun|aucune) (?:de |d ?' ?)?(?:réseau|reseau|internet|connexion|signal) (?:chez|avec|sur|de) (?:l ?' ?)?" + AFTER, false),
                    rule(Strength.MEDIUM, "impossible-x", List.of("impossible de", "arrive pas", "peux pas", "plus moyen de"), "\\b(?:impossible de|je n'arrive pas à|j'arrive pas à|je ne peux pas|je peux pas|plus moyen de) (?:me connecter|se connecter|accéder|acceder|ouvrir|envoyer|charger|utiliser|regarder)(?: (?:à|a|au|sur|mon|ma|des|de))* " + AFTER, false)),
            "de", List.of(
                    rule(Strength.STRONG, "x-ist-down", List.of("down", "ausgefallen", "offline", "tot", "weg"), BEFORE + " (?:(?:ist |sind |scheint |mal wieder |schon wieder |wieder |gerade |komplett |total )*(?:down|ausgefallen|offline)|(?:ist|sind) (?:mal wieder |schon wieder |wieder |gerade |komplett |total )*(?:tot|weg))\\b", true),
                    rule(Strength.STRONG, "ist-x-down", List.of("down", "ausgefallen", "offline"), "\\b(?:ist|sind) (?<s>(?:[^ ]+ ){0,2}?[^ ]+) (?:" + ADVERBS + ")(?:down|ausgefallen|offline)\\b", false),
                    rule(Strength.MEDIUM, "x-geht-nicht", List.of("nich", "net", "kaum"), BEFORE + " (?:geht|funktioniert|funzt|lädt|läuft|laedt|laeuft|startet|reagiert|verbindet) (?:mal wieder |schon wieder |wieder |gerade |immer noch |heute |seit [^ ]+ |bei mir |auch )*(?:nicht|nich|net|kaum)\\b", true),
                    rule(Strength.MEDIUM, "x-spinnt", List.of("spinnt", "hängt", "haengt", "kaputt", "zickt", "streikt", "probleme", "störung", "stürzt", "stuerzt"), BEFORE + " (?:spinnt|hängt|haengt|ist kaputt|kaputt|zickt|streikt|hat probleme|hat eine störung|hat störung|stürzt (?:ständig |dauernd |immer wieder |wieder |andauernd )?ab|stuerzt (?:staendig |dauernd |immer wieder |wieder )?ab)\\b", true).within(5),
                    rule(Strength.STRONG, "stoerung-bei-x", List.of("störung", "stoerung", "ausfall", "problem"), "\\b(?:störung|stoerung|störungen|ausfall|probleme|problem|großstörung) (?:bei|mit|von|im|in der|beim|der|des) " + AFTER, false),
                    rule(Strength.STRONG, "x-stoerung", List.of("störung", "stoerung", "ausfall"), BEFORE + " (?:störung|stoerung|ausfall|großstörung)\\b", true).within(3),
                    rule(Strength.MEDIUM, "kein-netz", List.of("internet", " netz", " empfang", " dsl", " verbindung", " signal"),
                            "\\b(?:kein|keine|keinen|ohne) (?<s>internet|netz|empfang|dsl|verbindung|signal)\\b", false),
                    rule(Strength.MEDIUM, "kein-netz-bei-x", List.of("internet", " netz", " empfang", " dsl", " verbindung", " signal"),
                            "\\b(?:kein|keine|keinen|ohne) (?:internet|netz|empfang|dsl|verbindung|signal) (?:bei|von|im|mit) " + AFTER, false),
                    rule(Strength.MEDIUM, "x-kein-netz", List.of("internet", " netz", " empfang", " dsl", " verbindung", " signal"),
                            BEFORE + " (?:hat |haben |hab |schon wieder |wieder |mal wieder |gerade ){0,2}(?:kein|keine|keinen) (?:internet|netz|empfang|dsl|verbindung|signal)\\b", true).within(8),
                    rule(Strength.MEDIUM, "kann-nicht-x", List.of("kann "), "\\bkann (?:mich )?(?:nicht|nich|net) (?:bei|in|auf|mit) " + AFTER, false)));

    /** Fixed order, so the hits and therefore the verdicts do not depend on map iteration order. */
    private static final List<String> LANGUAGES = List.of("es", "pt", "fr", "de");

    /**
     * Every language's phrases, not just the guessed one: their words do not occur in other languages,
     * and a short post ("panne SFR") gives a language guess too little to go on. English first.
     */
    private static final List<Rule> ALL = all();

    /**
     * Each rule's trigger words in one automaton: a rule whose regex cannot match without one of its
     * triggers runs only on posts that contain one, so a post pays for the two or three rules its words
     * can fire instead of scanning all of them (the scans were most of the cost per post).
     */
    private static final KeywordScanner TRIGGERS = new KeywordScanner(ALL.stream().map(Rule::triggers).toList(), false);

    private OutagePhrases() {
    }

    static List<PhraseHit> find(TextTokens tokens) {
        return find(tokens, HardNegatives.neutralize(tokens.joined));
    }

    /** @param neutralized {@code tokens.joined} with the other senses blanked ({@link HardNegatives#neutralize}) */
    static List<PhraseHit> find(TextTokens tokens, String neutralized) {
        BitSet triggered = TRIGGERS.groupsIn(neutralized);
        List<PhraseHit> hits = new ArrayList<>();
        for (int r = triggered.nextSetBit(0); r >= 0; r = triggered.nextSetBit(r + 1)) {
            collect(ALL.get(r), neutralized, tokens, hits);
        }
        return hits;
    }

    /** Whether any phrase rule could fire: false means {@link #find} returns no hits. */
    static boolean anyTriggered(String neutralized) {
        return TRIGGERS.anyIn(neutralized);
    }

    /** Every rule run on every post with a plain {@code find} loop, without the triggers or the windows: the reference the tests hold {@link #find} to. */
    static List<PhraseHit> findWithoutTriggers(TextTokens tokens, String neutralized) {
        List<PhraseHit> hits = new ArrayList<>();
        for (Rule rule : ALL) {
            collectByFind(rule, neutralized, tokens, hits);
        }
        return hits;
    }

    private static List<Rule> all() {
        List<Rule> all = new ArrayList<>(ENGLISH);
        for (String lang : LANGUAGES) {
            all.addAll(BY_LANGUAGE.get(lang));
        }
        return List.copyOf(all);
    }

    private static void collect(Rule rule, String text, TextTokens tokens, List<PhraseHit> hits) {
        if (rule.maxSpacesBefore >= 0) {
            collectAroundTriggers(rule, text, tokens, hits);
        } else {
            collectByFind(rule, text, tokens, hits);
        }
    }

    /** Every match of the rule, by {@code find} over the whole text. */
    private static void collectByFind(Rule rule, String text, TextTokens tokens, List<PhraseHit> hits) {
        Matcher m = rule.pattern.matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            add(rule, m, tokens, hits);
            from = Math.max(m.end(), m.start() + 1);
        }
    }

    /**
     * What {@link #collect}'s {@code find} loop finds, for a rule that starts with {@link #BEFORE} (so a match
     * starts at the text's start or right after a space) and whose every match holds one of its triggers at
     * most {@code maxSpacesBefore} spaces after the match's start: the pattern is tried only at the word
     * starts in those few words before each trigger occurrence, in order, with {@code lookingAt} on a region
     * with transparent bounds (the attempt {@code find} makes there), going on from a match's end as the loop does.
     */
    private static void collectAroundTriggers(Rule rule, String text, TextTokens tokens, List<PhraseHit> hits) {
        int n = text.length();
        BitSet candidates = new BitSet(n);
        for (String trigger : rule.triggers) {
            for (int t = text.indexOf(trigger); t >= 0; t = text.indexOf(trigger, t + 1)) {
                int spaces = 0;
                for (int i = t - 1; i >= 0; i--) {
                    if (text.charAt(i) == ' ') {
                        candidates.set(i + 1);
                        if (++spaces > rule.maxSpacesBefore) {
                            break;
                        }
                    }
                }
                if (spaces <= rule.maxSpacesBefore) {
                    candidates.set(0);
                }
            }
        }
        Matcher m = null;
        for (int c = candidates.nextSetBit(0); c >= 0 && c <= n; c = candidates.nextSetBit(c + 1)) {
            if (m == null) {
                m = rule.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(c, n);
            if (m.lookingAt()) {
                add(rule, m, tokens, hits);
                c = Math.max(m.end(), m.start() + 1) - 1;
            }
        }
    }

    private static void add(Rule rule, Matcher m, TextTokens tokens, List<PhraseHit> hits) {
        if (rule.hasSubject && m.start("s") >= 0) {
            int first = tokens.wordAt(m.start("s"));
            int last = tokens.wordAt(Math.max(m.start("s"), m.end("s") - 1));
            hits.add(new PhraseHit(rule.strength, rule.name, first, last, rule.subjectBefore));
        } else {
            hits.add(new PhraseHit(rule.strength, rule.name, -1, -1, false));
        }
    }

    /** {@code triggers}: lowercase literals of which every match of {@code regex} contains at least one. */
    private static Rule rule(Strength strength, String name, List<String> triggers, String regex, boolean subjectBefore) {
        return new Rule(strength, name, triggers, Pattern.compile(regex), subjectBefore, regex.contains("(?<s>"), -1);
    }

    /**
     * @param maxSpacesBefore the most spaces a match can hold before (the start of) the trigger in it, -1
     *                        when not bounded; set only on rules starting with {@link #BEFORE}
     */
    private record Rule(Strength strength, String name, List<String> triggers, Pattern pattern, boolean subjectBefore, boolean hasSubject,
                        int maxSpacesBefore) {

        /** This rule, searched only within {@code spaces} spaces before its triggers ({@link #collectAroundTriggers}). */
        Rule within(int spaces) {
            if (!pattern.pattern().startsWith(BEFORE)) {
                throw new IllegalArgumentException(name + " does not start with BEFORE");
            }
            return new Rule(strength, name, triggers, pattern, subjectBefore, hasSubject, spaces);
        }
    }
}
