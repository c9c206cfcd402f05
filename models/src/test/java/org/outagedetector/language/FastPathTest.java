package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcuts of the language step give the answers of the long way: triggered rules find what running
 * every rule finds, the memoized tokenizer splits as OpenNLP does, and the sense-aware prefilter stops only
 * posts the full path would call "not an outage".
 */
class FastPathTest {

    private static final OutageLanguage LANGUAGE = OutageLanguage.shared();
    private static List<String> posts;

    @BeforeAll
    static void readEveryPostWeHave() throws IOException {
        posts = new ArrayList<>(CorpusTexts.all());
        assertThat(posts).hasSizeGreaterThan(3_700);
    }

    @Test
    void triggeredRulesAndSensesFindExactlyWhatEveryRuleFinds() {
        Tokenizers tokenizers = new Tokenizers();
        for (String post : posts) {
            TextTokens tokens = TextTokens.of(post, tokenizers.forLanguage(LanguageGuess.of(post, null)));
            String neutralized = HardNegatives.neutralize(tokens.joined);
            assertThat(neutralized).as(post).isEqualTo(HardNegatives.neutralizeWithoutTriggers(tokens.joined));
            List<PhraseHit> everyRule = OutagePhrases.findWithoutTriggers(tokens, neutralized);
            assertThat(OutagePhrases.find(tokens, neutralized)).as(post).isEqualTo(everyRule);
            if (!OutagePhrases.anyTriggered(neutralized)) {
                assertThat(everyRule).as(post).isEmpty();
            }
        }
    }

    @Test
    void memoizedTokenizerSplitsExactlyAsOpenNlpDoes() throws IOException {
        TokenizerModel model;
        try (InputStream in = getClass().getResourceAsStream("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
            model = new TokenizerModel(in);
        }
        TokenizerME plain = new TokenizerME(model);
        MemoTokenizer memo = new MemoTokenizer(new TokenizerME(model));
        for (int round = 0; round < 2; round++) { // the second round is served from the memo
            for (String post : posts) {
                assertThat(memo.tokenizePos(post)).as(post).isEqualTo(plain.tokenizePos(post));
            }
        }
        assertThat(memo.tokenize("  twitter's down?? \t#gmaildown ")).isEqualTo(plain.tokenize("  twitter's down?? \t#gmaildown "));
    }

    /** The pipeline scenario's chatter and more like it: "down" and friends in their everyday senses. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "I'm down for pizza tonight", "my car broke down on the highway", "calm down everyone, it's only Thursday",
            "count down to the weekend", "turn it down, neighbours!", "finally got the down payment together",
            "that goal will go down in history", "he was down 3-0 and came back", "upside down cake for dessert",
            "dead tired after that shift", "taking a crash course in spanish this summer", "I'm not working tomorrow"})
    void everydaySensesStopBeforeThePhrasesAndTheModel(String post) {
        assertThat(Prefilter.mayReport(post)).as("the keyword look alone lets it through").isTrue();
        assertThat(LANGUAGE.passesPrefilter(post, "en")).isFalse();
        assertThat(LANGUAGE.classify(post, "en").outage()).isFalse();
    }

    /** An outage word left over after the everyday senses are blanked, or a hashtag: the full path decides. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"calm down, twitter is down again", "my car broke down and #gmaildown",
            "I'm down for pizza but is slack down?", "count down to the weekend, reddit down"})
    void anOutageWordBesideAnEverydaySenseStillGetsThrough(String post) {
        assertThat(LANGUAGE.passesPrefilter(post, "en")).isTrue();
    }

    @Test
    void anOutageBesideAnEverydaySenseIsStillReported() {
        Verdict verdict = LANGUAGE.classify("calm down, twitter is down again", "en");
        assertThat(verdict.outage()).isTrue();
        assertThat(verdict.service()).isEqualTo("twitter");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Netflix let me down with that finale", "@SpotifyCares calm down", "#tbt upside down cake"})
    void anEverydaySenseNamingAServiceHandleOrHashtagGoesTheFullWay(String post) {
        assertThat(LANGUAGE.passesPrefilter(post, "en")).isTrue();
        assertThat(LANGUAGE.classify(post, "en").outage()).isFalse();
    }

    @Test
    void keywordScannerFindsGroupsInOnePass() {
        KeywordScanner scanner = new KeywordScanner(List.of(List.of("down", "offline"), List.of("störung"), List.of("n't work")), false);
        assertThat(scanner.groupsIn("Twitter DOWN?").stream().toArray()).containsExactly(0);
        assertThat(scanner.groupsIn("Telekom Störung, app won't work").stream().toArray()).containsExactly(1, 2);
        assertThat(scanner.anyIn("all good here")).isFalse();
        assertThat(scanner.anyIn("downtown")).isTrue();
        KeywordScanner words = new KeywordScanner(List.of(List.of("est", "je")), true);
        assertThat(words.anyIn("the best day")).isFalse();
        assertThat(words.anyIn("c'est la vie")).isTrue();
        assertThat(words.anyIn("je suis là")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Twitter's      | twitter
            You Tube's     | youtube
            AT&T           | att
            " Bank of America "  | bankofamerica
            x's            | x
            Café's         | cafe
            """)
    void compactNamesTheSameWayOnTheAsciiShortcut(String raw, String compact) {
        assertThat(Names.compact(raw)).isEqualTo(compact);
    }
}
