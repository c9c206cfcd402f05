package org.outagedetector.language;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the outage categorizer from the labeled corpus, evaluates it, and records the numbers.
 * Run by the build (process-classes), so the jar always carries a model trained from the corpus it ships with:
 * {@code OutageModelTrainer <corpus.tsv> <model.bin out> <MODEL_CARD.md> <real-looking-test.tsv>...}: every
 * test file is scored, none is trained on.
 *
 * <p>Reproducible: the corpus is sorted, the split is a hash of the text, maxent training (GIS) is
 * deterministic on one thread.
 */
public final class OutageModelTrainer {

    /** One post in this many goes to the held-out split. */
    private static final int HOLD_OUT_EVERY = 5;
    private static final String METRICS_BEGIN = "<!-- metrics:begin (written by OutageModelTrainer) -->";
    private static final String METRICS_END = "<!-- metrics:end -->";

    private OutageModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: OutageModelTrainer <corpus.tsv> <model.bin> <MODEL_CARD.md> <real-looking-test.tsv>...");
        }
        List<LabeledPost> corpus = LabeledPost.read(Path.of(args[0]));
        List<LabeledPost> train = new ArrayList<>();
        List<LabeledPost> heldOut = new ArrayList<>();
        for (LabeledPost post : corpus) {
            (isHeldOut(post) ? heldOut : train).add(post);
        }

        ServiceCatalog catalog = ServiceCatalog.shared();
        Tokenizers tokenizers = new Tokenizers();
        OutageLanguage rulesOnly = new OutageLanguage(catalog, tokenizers, null);
        DoccatModel model = train(train, rulesOnly);
        Path modelFile = Path.of(args[1]);
        Files.createDirectories(modelFile.getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.serialize(out);
        }
        OutageLanguage combined = new OutageLanguage(catalog, tokenizers, new OutageClassifier(model));
        KeywordBaseline baseline = new KeywordBaseline(catalog);

        List<NamedSet> files = new ArrayList<>();
        files.add(new NamedSet("held-out split (" + heldOut.size() + " of " + corpus.size() + ")", heldOut));
        for (int i = 3; i < args.length; i++) {
            files.add(new NamedSet(Path.of(args[i]).getFileName().toString(), LabeledPost.read(Path.of(args[i]))));
        }
        List<String> rows = new ArrayList<>();
        for (NamedSet file : files) {
            rows.add(score(file.posts, p -> new Guess(baseline.outage(p.text()), baseline.service(p.text()))).row(file.name, "keyword-regex baseline"));
            rows.add(score(file.posts, p -> guess(rulesOnly.classify(p.text(), p.lang()))).row(file.name, "phrases + catalog (no model)"));
            rows.add(score(file.posts, p -> guess(combined.classify(p.text(), p.lang()))).row(file.name, "phrases + catalog + doccat model"));
        }
        String table = "| file | system | posts | precision | recall | F1 | service right on true positives |\n"
                + "|---|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        System.out.println("Outage model trained on " + train.size() + " posts, written to " + modelFile);
        System.out.println(table);
        writeMetrics(Path.of(args[2]), "Trained on " + train.size() + " posts; evaluated at build time.\n\n" + table);
    }

    private static boolean isHeldOut(LabeledPost post) {
        CRC32 crc = new CRC32();
        crc.update(post.text().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % HOLD_OUT_EVERY == 0;
    }

    private static DoccatModel train(List<LabeledPost> posts, OutageLanguage rulesOnly) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (LabeledPost post : posts) {
            String[] features = rulesOnly.features(post.text(), post.lang());
            if (features.length > 0) {
                samples.add(new DocumentSample(post.outage() ? OutageClassifier.OUTAGE : OutageClassifier.OTHER, features));
            }
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 2);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params, factory);
    }

    private static Scores score(List<LabeledPost> posts, Function<LabeledPost, Guess> system) {
        Scores scores = new Scores();
        for (LabeledPost post : posts) {
            Guess g = system.apply(post);
            scores.add(post, g.outage, g.service);
        }
        return scores;
    }

    private static Guess guess(Verdict v) {
        return new Guess(v.outage(), v.service());
    }

    /** Replaces the metrics section of the model card, keeping the hand-written rest. */
    private static void writeMetrics(Path card, String metrics) throws IOException {
        String text = Files.readString(card, StandardCharsets.UTF_8);
        int begin = text.indexOf(METRICS_BEGIN);
        int end = text.indexOf(METRICS_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(card + " has no metrics markers");
        }
        String updated = text.substring(0, begin + METRICS_BEGIN.length()) + "\n" + metrics + text.substring(end);
        if (!updated.equals(text)) {
            Files.writeString(card, updated, StandardCharsets.UTF_8);
        }
    }

    private record Guess(boolean outage, String service) {
    }

    private record NamedSet(String name, List<LabeledPost> posts) {
    }
}
