package org.outagedetector.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The windowed sense search ({@link HardNegatives#neutralize}), the windowed phrase rules
 * ({@link OutagePhrases#find}) and the triggered problem kinds ({@link ProblemKinds#of}) answer what the
 * plain regex scans answer (every pattern, {@code find()} over the whole text), on every post we have: both corpus
 * files, the real-looking file, the chatter files, the templates, every string in the tests, and random
 * word salads built from the senses' own words.
 */
class OldBehaviourTest {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static List<String> posts;

    @BeforeAll
    static void readEveryPostWeHave() throws IOException {
        posts = new ArrayList<>(CorpusTexts.all());
        for (String line : Files.readAllLines(Path.of("corpus", "templates.tsv"), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (!line.startsWith("#") && fields.length >= 3) {
                posts.add(fields[fields.length - 1].replace("{S}", "Netflix").replace("{H}", "@NetflixHelps").replace("{T}", "#netflixdown"));
            }
        }
        List<Path> tests;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            tests = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path test : tests) {
            Matcher m = STRING_LITERAL.matcher(Files.readString(test, StandardCharsets.UTF_8));
            while (m.find()) {
                posts.add(m.group(1).replace("\\'", "'").replace("\\\"", "\""));
            }
        }
        assertThat(posts).hasSizeGreaterThan(4_000);
    }

    @Test
    void sensesBlankAndPhrasesFindExactlyWhatTheWholeTextScansDo() {
        Tokenizers tokenizers = new Tokenizers();
        for (String post : posts) {
            String joined = TextTokens.of(post, tokenizers.forLanguage(LanguageGuess.of(post, null))).joined;
            assertThat(HardNegatives.neutralize(joined)).as(post).isEqualTo(HardNegatives.neutralizeWithoutTriggers(joined));
            TextTokens tokens = TextTokens.of(post, tokenizers.forLanguage(LanguageGuess.of(post, null)));
            String neutralized = HardNegatives.neutralize(tokens.joined);
            assertThat(OutagePhrases.find(tokens, neutralized)).as(post).isEqualTo(OutagePhrases.findWithoutTriggers(tokens, neutralized));
            String lower = post.toLowerCase(java.util.Locale.ROOT); // unnormalized text too: punctuation glued to words
            assertThat(HardNegatives.neutralize(lower)).as(post).isEqualTo(HardNegatives.neutralizeWithoutTriggers(lower));
        }
    }

    @Test
    void problemKindsAreTheFirstKindWhoseRegexMatches() {
        for (String post : posts) {
            assertThat(ProblemKinds.of(post)).as(post).isEqualTo(ProblemKinds.ofWithoutTriggers(post));
        }
    }

    @Test
    void randomWordSaladsFromTheSensesOwnWords() {
        String[] words = ("down down down down, (down downtown countdown letdown i am i'm i 'm we are you u r who 's so totally def "
                + "lowkey 100% fr not still calm slow turn it the my your a bit little notch all way ups and up or top bottom "
                + "shares stock price market is are was went going closed fell trading crash crashed dead tired serious battery "
                + "broken heart broke working not out power outage cut blackout blacked feel feeling really kinda sun goes live "
                + "that this shut shutting phase sunset kill for to pizza everyone anyone me again rn ? payment under by 3 $ 8% "
                + "caiu cayó 10% de em login log in sign password app crash site page .com netflix.com message dm texts wifi "
                + "server timed time pay checkout card transfer 503 aplicación sitio página conexión señal ログイン アプリ "
                + "offline outage outages downtime service disruption se está caído cayó fuera de servicio tá fora do ar saiu caiu "
                + "spinnt hat eine störung großstörung ausfall kaputt ist went seems has gone "
                + "twitter netflix whatsapp count knock let put break lay way moving upside one two touch melt show").split(" ");
        Random random = new Random(20261124L);
        opennlp.tools.tokenize.Tokenizer tokenizer = new Tokenizers().forLanguage("en");
        for (int i = 0; i < 60_000; i++) {
            StringBuilder post = new StringBuilder();
            int n = 2 + random.nextInt(16);
            for (int w = 0; w < n; w++) {
                post.append(w == 0 ? "" : random.nextInt(12) == 0 ? "  " : " ").append(words[random.nextInt(words.length)]);
            }
            String text = post.toString();
            assertThat(HardNegatives.neutralize(text)).as(text).isEqualTo(HardNegatives.neutralizeWithoutTriggers(text));
            assertThat(ProblemKinds.of(text)).as(text).isEqualTo(ProblemKinds.ofWithoutTriggers(text));
            TextTokens tokens = TextTokens.of(text, tokenizer);
            String neutralized = HardNegatives.neutralize(tokens.joined);
            assertThat(OutagePhrases.find(tokens, neutralized)).as(text).isEqualTo(OutagePhrases.findWithoutTriggers(tokens, neutralized));
        }
    }
}
