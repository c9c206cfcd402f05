package org.outagedetector.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The trained OpenNLP document categorizer (outage / other) over {@link OutageLanguage#features} of a post.
 * The model is shared; {@link DocumentCategorizerME} is not documented as thread-safe, so one per thread.
 */
final class OutageClassifier {

    static final String RESOURCE = "/models/outage-doccat.bin";
    static final String OUTAGE = "outage";
    static final String OTHER = "other";

    private final ThreadLocal<DocumentCategorizerME> categorizer;

    OutageClassifier(DoccatModel model) {
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    static OutageClassifier fromClasspath() {
        try (InputStream in = OutageClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("outage model " + RESOURCE + " is not on the classpath: the models"
                        + " module's build trains it (mvn -pl models process-classes)");
            }
            return new OutageClassifier(new DoccatModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outage model " + RESOURCE, e);
        }
    }

    /** Probability that a post with these features is an outage report. */
    double probability(String[] features) {
        DocumentCategorizerME me = categorizer.get();
        double[] outcomes = me.categorize(features);
        return outcomes[me.getIndex(OUTAGE)];
    }
}
