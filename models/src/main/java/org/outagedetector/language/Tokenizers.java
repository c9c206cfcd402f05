package org.outagedetector.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP tokenizer models, loaded once and shared; {@link TokenizerME} keeps per-call state, so each thread
 * gets its own instance over the shared model, behind a per-thread memo of its splits ({@link MemoTokenizer}).
 *
 * <p>Maven Central publishes OpenNLP tokenizer models for English and German but not for Spanish,
 * Portuguese or French (their maven-metadata.xml is a 404), so those languages use the English UD model:
 * it splits punctuation and emoji the same way for any Latin-script text.
 */
final class Tokenizers {

    private static final Map<String, String> MODEL_BY_LANGUAGE = Map.of(
            "en", "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin",
            "de", "/opennlp-de-ud-gsd-tokens-1.3-2.5.4.bin");

    private final TokenizerModel english;
    private final TokenizerModel german;
    private final ThreadLocal<Tokenizer> englishTokenizer;
    private final ThreadLocal<Tokenizer> germanTokenizer;

    Tokenizers() {
        this.english = load(MODEL_BY_LANGUAGE.get("en"));
        this.german = load(MODEL_BY_LANGUAGE.get("de"));
        this.englishTokenizer = ThreadLocal.withInitial(() -> new MemoTokenizer(new TokenizerME(english)));
        this.germanTokenizer = ThreadLocal.withInitial(() -> new MemoTokenizer(new TokenizerME(german)));
    }

    Tokenizer forLanguage(String language) {
        return "de".equals(language) ? germanTokenizer.get() : englishTokenizer.get();
    }

    private static TokenizerModel load(String resource) {
        try (InputStream in = Tokenizers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer model " + resource + " is not on the classpath");
            }
            return new TokenizerModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer model " + resource, e);
        }
    }
}
