package org.outagedetector.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One row of a labeled corpus file: label (outage|other), lang, service ("-" for none), text; tab-separated. */
record LabeledPost(boolean outage, String lang, String service, String text) {

    static List<LabeledPost> read(Path file) throws IOException {
        List<LabeledPost> posts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 4);
            if (cols.length != 4 || !(cols[0].equals(OutageClassifier.OUTAGE) || cols[0].equals(OutageClassifier.OTHER))) {
                throw new IllegalArgumentException(file + ": bad line: " + line);
            }
            posts.add(new LabeledPost(cols[0].equals(OutageClassifier.OUTAGE), cols[1], cols[2].equals("-") ? null : cols[2], cols[3]));
        }
        // Sorted, so training sees the same order whatever order the file was written in.
        posts.sort(Comparator.comparing(LabeledPost::text).thenComparing(LabeledPost::lang).thenComparing(LabeledPost::outage));
        return posts;
    }
}
