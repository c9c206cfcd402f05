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
            sense(List.of("down"), "\\b(?:i am|i'm|we are|we're|you are|you're|are you|r u|you|u|ur|they are|he is|she is|who is|who 's|anyone|i would be|i will be|i 'd be|i 'll be) "
                    + "(?:so |totally |always |def |definitely |lowkey |kinda |still |not |also |100% |fr )*down\\b(?! (?:for (?:everyone|anyone|me|you|all|hours)|again|rn|\\?))"),
            sense(List.of("down "), "\\bdown (?:for|to) (?:a |an |some |the |go|hang|play|grab|get|watch|try|do|it\\b|that|this|whatever|anything|pizza|drinks|coffee|lunch|dinner|beers?|ride|earth|help|party|chat)"),
            // phrasal verbs and idioms with "down"
            sense(List.of("down"), "\\b(?:calm|calmed|slow|slowed|settle|settled|sit|sitting|sat|lay|laid|lie|lying|look|looking|looked|scroll|scrolling|scrolled|shut|shuts|shutting|step|steps|stepping|stepped|"
                    + "wind|winding|turn|turned|turning|turns|backing|backed|cut|cutting|burn|burned|burnt|burning|tear|tearing|tore|torn|take|taking|took|taken|narrow|narrowing|hunker|pipe|"
                    + "write|wrote|writing|written|knock|knocked|knocking|break|breaks|broke|breaking|bring|brought|bringing|let|letting|lets|put|putting|hold|holding|held|chill|cool|cooling|climb|climbing|"
                    + "hunt|hunted|track|tracked|boil|boiled|water|watered|crack|cracking|cracked|melt|melted|melting|throw|threw|thrown|jot|tone|toned|dial|dialed|wash|washed|slim|slimmed|"
                    + "trickle|trickled|hose|shout|shouted|stare|stared|upside|count|counting|touch|touched|bend|bent|kneel|knelt|mark|marked|marking|shot|shoot|gun|gunned|mow|mowed|tie|tied|pin|"
                    + "pinned|strip|stripped|wear|worn|hand|handed|pass|passed|passing|talk|talked|talking|talks|sell|sold|selling|beat|beaten|wolf|wolfed|scale|scaled|scaling|weigh|weighed|"
                    + "thumbs|hands|face|head|heads|headed|heading|way|sink|sank|sunk|drag|dragged|pull|pulled|pulling|push|pushed|pushing|hose|nail|nailed|lock|locked|locking|"
                    + "close|closed|closing|jump|jumped|kick|kicked|boogie|simmer|quiet|quieted|hunker|batten|sleep|"
                    + "upside|bottom|top|ups and|up and|up or|all the way|moving|move|moved|swipe|swiping|swiped|pan|panning|tap|flip|flipped|roll|rolling|rolled|shutdown)"
                    + " (?:(?:it|this|that|them|him|her|me|us|you|everything|things|the [^ ]+|my [^ ]+|your [^ ]+|his [^ ]+|their [^ ]+|a bit|a little|a notch|all the way|a lot) )?down\\b"),
            sense(List.of("down"), "\\b(?:down (?:payment|syndrome|under|bad|horrendous|astronomical|south|the (?:road|street|line|hall|stairs|block|drain|river|middle|rabbit hole|list|pub|hill|aisle|wire)|to the wire|to earth|in (?:history|flames|the dumps)|into history|with (?:the flu|covid|a cold|a fever|the cold|a bug|the sickness|that|this)|by \\d|\\d|[$€£]|\\d+ ?%|nearly|almost|about|over \\d|sharply|slightly|another)|"
                    + "(?:feel|feeling|felt|feels) (?:so |really |a bit |kinda )?down|one down|two down|three down|touch ?down|melt ?down|count ?down|show ?down|break ?down|lock ?down|sun ?down|letdown|comedown|rundown|crackdown|smackdown|throwdown|hoedown|markdown|"
                    + "upside down|ups and downs|up and down|live (?:it|this|that) down|the sun (?:went|goes|is going) down)"),
            // markets and sports: "Netflix shares down 8%", "stock is down", "down 3-0"
            sense(List.of("down", "crash", "dead"), "\\b(?:shares?|stocks?|stock price|prices?|nasdaq|nyse|dow|s&p|index|earnings|revenue|revenues|sales|profits?|market|markets|crypto|bitcoin|btc|eth|ratings|viewership|subscribers|valuation|approval|sentiment)"
                    + " (?:[^ ]+ ){0,3}?(?:is |are |was |were |went |go |goes |going |trading |closed |fell |have |has |been |had )*(?:down|crash|crashed|crashing|dead)\\b"),
            // prices and scores in the other languages: "o preço caiu 10%", "la bolsa cayó 3%"
            sense(List.of("caiu", "cay", "cae", "cai", "bajó", "baixou", "fell", "dropped", "baisse", "fällt", "gefallen", "sank"), "\\b(?:caiu|cayó|cayo|cae|cai|bajó|baixou|fell|dropped|baisse|fällt|gefallen|sank) (?:de |em |en |um |by |a |para |auf )?[$€£]?\\d"),
            // shutting down a product is news about it, not an outage
            sense(List.of("down"), "\\b(?:shut|shuts|shutting|shutdown|winding|wind|closing|close|phase|phasing|sunset|sunsetting|kill|killing|killed) (?:[^ ]+ ){0,2}?down\\b"),
            // other senses of crash, dead, broken, not working, outage
            sense(List.of("crash"), "\\b(?:car|bike|plane|train|market|stock market|sugar|caffeine) (?:crash|crashes|crashed|crashing)\\b|\\bcrash (?:course|landing|diet|test|pad|out|at|on (?:my|the|his|her|a) (?:couch|sofa|bed|floor))|\\bcrashed (?:at|on) (?:my|the|his|her|a|their)|\\bcrash(?:ed|ing)? out\\b"),
            sense(List.of("dead"), "\\b(?:i am|i 'm|we are|i was|lmao i am|dead ass|deadass) dead\\b|\\bdead (?:tired|serious|wrong|end|air|center|centre|last|inside|set|silent|weight|ass|asleep|on|honest|meat|lock|line|bodies|body|people|man|leaves|batteries|battery|phone)\\b|\\bdrop dead\\b|\\b(?:battery|phone|laptop|plant|plants|car|fish) (?:is |was |'s )?dead\\b"),
            sense(List.of("broke"), "\\bbroken (?:heart|hearted|record|english|arm|leg|bone|bones|home|family|promise|promises|glass|mirror|nose|wrist|ankle|toe|finger)\\b|\\b(?:i am|i 'm|we are|so|too|always) broke\\b"),
            sense(List.of("not working"), "\\b(?:i am|i 'm|we are|he is|she is|they are|i will be|you are|not) not working (?:today|tomorrow|tonight|this|on|from|at|anymore|out|for)|\\bnot working out\\b|\\b(?:i am|we are|they are|you are|he is|she is|i 'm) not working\\b"),
            sense(List.of("outage", "cut", "out", "failure", "blackout", "blacked"), "\\b(?:power|electricity|electric|water|gas|heating) (?:outage|outages|cut|cuts|is out|went out|failure)\\b|\\bblackout (?:tuesday|poetry|challenge|drunk)|\\bblacked out\\b"));

    private HardNegatives() {
    }

    /** Each sense's trigger words in one automaton: a sense is searched for only where one of them occurs. */
    private static final KeywordScanner TRIGGERS = new KeywordScanner(SENSES.stream().map(Sense::triggers).toList(), false);

    static String neutralize(String normalized) {
        return neutralize(normalized, TRIGGERS.groupsIn(normalized));
    }

    /** Every sense searched on every text, without the triggers: the reference the tests hold {@link #neutralize} to. */
    static String neutralizeWithoutTriggers(String normalized) {
        BitSet all = new BitSet();
        all.set(0, SENSES.size());
        return neutralize(normalized, all);
    }

    private static String neutralize(String normalized, BitSet senses) {
        if (senses.isEmpty()) {
            return normalized;
        }
        char[] chars = normalized.toCharArray();
        for (int s = senses.nextSetBit(0); s >= 0; s = senses.nextSetBit(s + 1)) {
            Matcher m = SENSES.get(s).pattern.matcher(normalized);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    if (chars[i] != ' ') {
                        chars[i] = BLANK;
                    }
                }
            }
        }
        return new String(chars);
    }

    /** {@code triggers}: lowercase literals of which every match of {@code regex} contains at least one. */
    private static Sense sense(List<String> triggers, String regex) {
        return new Sense(triggers, Pattern.compile(regex));
    }

    private record Sense(List<String> triggers, Pattern pattern) {
    }
}
