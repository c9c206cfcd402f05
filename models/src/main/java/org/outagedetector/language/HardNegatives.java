package org.outagedetector.language;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other senses of the outage words ("I'm down for pizza", "shares down 8%", "shutting down Podcasts",
 * "calm down", "car crash", "dead serious"), blanked out of the normalized text before the outage phrases
 * look at it, so a phrase cannot fire on them.
 */
final class HardNegatives {

    /** Blanked characters keep their positions, so word offsets into the text stay valid. */
    private static final char BLANK = '~';

    private static final List<Sense> SENSES = List.of(
            // "down" as willing: I'm down, u down?, down for pizza, down to hang
            sense(-1, List.of("down"), "\\b(?:i am|i'm|we are|we're|you are|you're|are you|r u|you|u|ur|they are|he is|she is|who is|who 's|anyone|i would be|i will be|i 'd be|i 'll be) "
                    + "(?:so |totally |always |def |definitely |lowkey |kinda |still |not |also |100% |fr )*down\\b(?! (?:for (?:everyone|anyone|me|you|all|hours)|again|rn|\\?))"),
            sense(0, List.of("down "), "\\bdown (?:for|to) (?:a |an |some |the |go|hang|play|grab|get|watch|try|do|it\\b|that|this|whatever|anything|pizza|drinks|coffee|lunch|dinner|beers?|ride|earth|help|party|chat)"),
            // phrasal verbs and idioms with "down"
            sense(6, List.of("down"), "\\b(?:calm|calmed|slow|slowed|settle|settled|sit|sitting|sat|lay|laid|lie|lying|look|looking|looked|scroll|scrolling|scrolled|shut|shuts|shutting|step|steps|stepping|stepped|"
                    + "wind|winding|turn|turned|turning|turns|backing|backed|cut|cutting|burn|burned|burnt|burning|tear|tearing|tore|torn|take|taking|took|taken|narrow|narrowing|hunker|pipe|"
                    + "write|wrote|writing|written|knock|knocked|knocking|break|breaks|broke|breaking|bring|brought|bringing|let|letting|lets|put|putting|hold|holding|held|chill|cool|cooling|climb|climbing|"
                    + "hunt|hunted|track|tracked|boil|boiled|water|watered|crack|cracking|cracked|melt|melted|melting|throw|threw|thrown|jot|tone|toned|dial|dialed|wash|washed|slim|slimmed|"
                    + "trickle|trickled|hose|shout|shouted|stare|stared|upside|count|counting|touch|touched|bend|bent|kneel|knelt|mark|marked|marking|shot|shoot|gun|gunned|mow|mowed|tie|tied|pin|"
                    + "pinned|strip|stripped|wear|worn|hand|handed|pass|passed|passing|talk|talked|talking|talks|sell|sold|selling|beat|beaten|wolf|wolfed|scale|scaled|scaling|weigh|weighed|"
                    + "thumbs|hands|face|head|heads|headed|heading|way|sink|sank|sunk|drag|dragged|pull|pulled|pulling|push|pushed|pushing|hose|nail|nailed|lock|locked|locking|"
                    + "close|closed|closing|jump|jumped|kick|kicked|boogie|simmer|quiet|quieted|hunker|batten|sleep|die|dies|died|dying|"
                    + "upside|bottom|top|ups and|up and|up or|all the way|moving|move|moved|swipe|swiping|swiped|pan|panning|tap|flip|flipped|roll|rolling|rolled|shutdown)"
                    + " (?:(?:it|this|that|them|him|her|me|us|you|everything|things|the [^ ]+|my [^ ]+|your [^ ]+|his [^ ]+|their [^ ]+|a bit|a little|a notch|all the way|a lot) )?down\\b"),
            sense(4, List.of("down"), "\\b(?:down (?:payment|syndrome|under|bad|horrendous|astronomical|south|the (?:road|street|line|hall|stairs|block|drain|river|middle|rabbit hole|list|pub|hill|aisle|wire)|to the wire|to earth|in (?:history|flames|the dumps)|into history|with (?:the flu|covid|a cold|a fever|the cold|a bug|the sickness|that|this)|by \\d|\\d|[$€£]|to (?:[$€£] ?)?\\d|\\d+ ?%|nearly|almost|about|over \\d|sharply|slightly|another)|"
                    + "(?:feel|feeling|felt|feels) (?:so |really |a bit |kinda )?down|one down|two down|three down|touch ?down|melt ?down|count ?down|show ?down|break ?down|lock ?down|sun ?down|letdown|comedown|rundown|crackdown|smackdown|throwdown|hoedown|markdown|"
                    + "upside down|ups and downs|up and down|live (?:it|this|that) down|the sun (?:went|goes|is going) down)"),
            // markets and sports: "Netflix shares down 8%", "stock is down", "down 3-0"
            sense(-1, List.of("down", "crash", "dead"), "\\b(?:shares?|stocks?|stock price|prices?|nasdaq|nyse|dow|s&p|index|earnings|revenue|revenues|sales|profits?|market|markets|crypto|bitcoin|btc|eth|ratings|viewership|subscribers|valuation|approval|sentiment)"
                    + " (?:[^ ]+ ){0,3}?(?:is |are |was |were |went |go |goes |going |trading |closed |fell |have |has |been |had )*(?:down|crash|crashed|crashing|dead)\\b"),
            // prices and scores in the other languages: "o preço caiu 10%", "la bolsa cayó 3%"
            sense(0, List.of("caiu", "cay", "cae", "cai", "bajó", "baixou", "fell", "dropped", "baisse", "fällt", "gefallen", "sank"), "\\b(?:caiu|cayó|cayo|cae|cai|bajó|baixou|fell|dropped|baisse|fällt|gefallen|sank) (?:de |em |en |um |by |a |para |auf )?[$€£]?\\d"),
            // shutting down a product is news about it, not an outage
            sense(3, List.of("down"), "\\b(?:shut|shuts|shutting|shutdown|winding|wind|closing|close|phase|phasing|sunset|sunsetting|kill|killing|killed) (?:[^ ]+ ){0,2}?down\\b"),
            // other senses of crash, dead, broken, not working, outage
            sense(2, List.of("crash"), "\\b(?:car|bike|plane|train|market|stock market|sugar|caffeine) (?:crash|crashes|crashed|crashing)\\b|\\bcrash (?:course|landing|diet|test|pad|out|at|on (?:my|the|his|her|a) (?:couch|sofa|bed|floor))|\\bcrashed (?:at|on) (?:my|the|his|her|a|their)|\\bcrash(?:ed|ing)? out\\b"),
            sense(3, List.of("dead"), "\\b(?:i am|i 'm|we are|i was|lmao i am|dead ass|deadass) dead\\b|\\bdead (?:tired|serious|wrong|end|air|center|centre|last|inside|set|silent|weight|ass|asleep|on|honest|meat|lock|line|bodies|body|people|man|leaves|batteries|battery|phone)\\b|\\bdrop dead\\b|\\b(?:battery|phone|laptop|plant|plants|car|fish) (?:is |was |'s )?dead\\b"),
            sense(2, List.of("broke"), "\\bbroken (?:heart|hearted|record|english|arm|leg|bone|bones|home|family|promise|promises|glass|mirror|nose|wrist|ankle|toe|finger)\\b|\\b(?:i am|i 'm|we are|so|too|always) broke\\b"),
            sense(3, List.of("not working"), "\\b(?:i am|i 'm|we are|he is|she is|they are|i will be|you are|not) not working (?:today|tomorrow|tonight|this|on|from|at|anymore|out|for)|\\bnot working out\\b|\\b(?:i am|we are|they are|you are|he is|she is|i 'm) not working\\b"),
            // past outages are history, not a report: "facebook was down for hours yesterday", "remember when slack went down"
            sense(-1, List.of("yesterday", "last ", " ago", "in 19", "in 20", "earlier"), "\\b(?:was|were|went|had been|had|got) (?:[^ ]+ ){0,3}?(?:down|offline|dead|broken|an outage|outage|outages|issues|problems)"
                    + "(?: [^ ]+){0,5}? (?:yesterday|last (?:night|week|weekend|month|year|time|summer|winter|spring|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                    + "(?:a|an|one|two|three|four|five|six|a few|few|some|\\d+) (?:minutes|hours|days|weeks|months|years|day|week|month|year) ago|in (?:19|20)\\d\\d|earlier (?:today|this (?:week|month|year)))\\b"),
            sense(0, List.of("yesterday"), "\\byesterday (?:[^ ]+ ){0,4}?(?:was|were|went|had) (?:[^ ]+ ){0,2}?(?:down|offline|dead|broken|an outage|outage)\\b"),
            sense(0, List.of("remember"), "\\bremember (?:when|the time|how) (?:[^ ]+ ){0,4}?(?:was|were|went|got|had) (?:[^ ]+ ){0,2}?(?:down|offline|dead|an outage|outage)\\b"),
            // the same in the other languages: "ayer se cayó instagram", "ontem o whatsapp caiu", "gestern war whatsapp down"
            sense(0, List.of("ayer", "ontem", "gestern"), "(?<!desde )(?<!since )\\b(?:ayer|ontem|gestern) (?:[^ ]+ ){0,3}?(?:se cayó|se cayo|cayó|cayo|estuvo caído|estuvo caido|caiu|ficou fora do ar|war (?:[^ ]+ )?(?:down|weg|offline)|fiel (?:[^ ]+ )?aus)\\b"),
            // what-ifs: "imagine discord going down", "if slack goes down tomorrow"
            sense(1, List.of("imagine", "if ", "whenever", "in case"), "\\b(?:imagine|what if|if|whenever|in case) (?:[^ ]+ ){0,3}?(?:goes|go|going|ever goes|ever went|were to go|would go|gets taken) (?:down|offline)\\b"),
            // Portuguese "caiu a ficha": the penny dropped
            sense(3, List.of("ficha"), "\\b(?:caiu|cai|caía|caia|cair) (?:a |minha |a minha |sua |a sua )?ficha\\b|\\bficha (?:caiu|cai|caiu agora)\\b"),
            sense(2, List.of("outage", "cut", "out", "failure", "blackout", "blacked"), "\\b(?:power|electricity|electric|water|gas|heating) (?:outage|outages|cut|cuts|is out|went out|failure)\\b|\\bblackout (?:tuesday|poetry|challenge|drunk)|\\bblacked out\\b"));

    private HardNegatives() {
    }

    /** Each sense's trigger words in one automaton: a sense is searched for only where one of them occurs. */
    private static final KeywordScanner TRIGGERS = new KeywordScanner(SENSES.stream().map(Sense::triggers).toList(), false);

    static String neutralize(String normalized) {
        BitSet senses = TRIGGERS.groupsIn(normalized);
        if (senses.isEmpty()) {
            return normalized;
        }
        char[] chars = null;
        for (int s = senses.nextSetBit(0); s >= 0; s = senses.nextSetBit(s + 1)) {
            chars = blankAroundTriggers(SENSES.get(s), normalized, chars);
        }
        return chars == null ? normalized : new String(chars);
    }

    /** Every sense searched on every text with {@code find()}, without the triggers: the reference the tests hold {@link #neutralize} to. */
    static String neutralizeWithoutTriggers(String normalized) {
        char[] chars = normalized.toCharArray();
        for (Sense sense : SENSES) {
            Matcher m = sense.pattern.matcher(normalized);
            while (m.find()) {
                blank(chars, m.start(), m.end());
            }
        }
        return new String(chars);
    }

    /**
     * What {@code while (m.find())} over the whole text blanks, trying the pattern only where a match can
     * start: every match contains one of the sense's triggers, at most {@code maxSpacesBefore} spaces after
     * the match's start (the patterns' only way to span words is a literal space), and starts at a word
     * start ({@code \b} then a letter). So the candidates are the word starts in a few words before each
     * trigger occurrence (up to it, for senses without a bound), tried in order with {@code lookingAt} on a
     * region with transparent bounds, which is the attempt {@code find()} makes at that position; after a
     * match, the search goes on from its end, as {@code find()} does. The phrasal-verb sense, 200 verbs
     * long, was tried at every character of every post with "down" in it.
     *
     * @return {@code chars} with this sense's matches blanked (allocated on the first match)
     */
    private static char[] blankAroundTriggers(Sense sense, String text, char[] chars) {
        int n = text.length();
        BitSet candidates = new BitSet(n);
        for (String trigger : sense.triggers) {
            for (int t = text.indexOf(trigger); t >= 0; t = text.indexOf(trigger, t + 1)) {
                int from = 0;
                if (sense.maxSpacesBefore >= 0) {
                    int spaces = 0;
                    for (int i = t - 1; i >= 0; i--) {
                        if (text.charAt(i) == ' ' && ++spaces > sense.maxSpacesBefore) {
                            from = i + 1;
                            break;
                        }
                    }
                }
                for (int c = from; c <= t; c++) {
                    if (mayStartWord(text, c)) {
                        candidates.set(c);
                    }
                }
            }
        }
        Matcher m = null;
        for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
            if (m == null) {
                m = sense.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(c, n);
            if (m.lookingAt()) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                blank(chars, m.start(), m.end());
                c = Math.max(m.end(), m.start() + 1) - 1;
            }
        }
        return chars;
    }

    /**
     * False only where no {@code \b} can precede a letter: the character before is an ASCII letter, digit
     * or underscore (a word character under every definition of {@code \b}). Every sense starts with
     * {@code \b} and a letter, so this keeps every position a match can start at.
     */
    private static boolean mayStartWord(String text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return !(before < 128 && (Character.isLetterOrDigit(before) || before == '_'));
    }

    private static void blank(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (chars[i] != ' ') {
                chars[i] = BLANK;
            }
        }
    }

    /**
     * @param maxSpacesBefore the most spaces a match can have before (the start of) the trigger it
     *                        contains, -1 when not bounded
     * @param triggers        lowercase literals of which every match of {@code regex} contains at least one
     */
    private static Sense sense(int maxSpacesBefore, List<String> triggers, String regex) {
        return new Sense(maxSpacesBefore, triggers, Pattern.compile(regex));
    }

    private record Sense(int maxSpacesBefore, List<String> triggers, Pattern pattern) {
    }
}
