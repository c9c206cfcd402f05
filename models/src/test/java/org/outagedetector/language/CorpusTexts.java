package org.outagedetector.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every post text the corpus holds: the labeled files and both everyday files, for behaviour-preserving tests. */
final class CorpusTexts {

    private CorpusTexts() {}

    static List<String> all() throws IOException {
        List<String> posts = new ArrayList<>();
        for (String file : List.of("outage-posts.tsv", "real-looking-test.tsv", "real-looking-test-2.tsv")) {
            LabeledPost.read(Path.of("corpus", file)).forEach(p -> posts.add(p.text()));
        }
        for (String file : List.of("everyday-posts.txt", "down-sense-chatter.txt")) {
            posts.addAll(Files.readAllLines(Path.of("corpus", file), StandardCharsets.UTF_8));
        }
        return posts;
    }
}
