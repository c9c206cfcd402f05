package org.outagedetector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outagedetector.ingest.FlatJsonObject;
import org.outagedetector.ingest.InvalidRecordException;
import org.outagedetector.language.OutageLanguage;
import org.outagedetector.language.Verdict;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Reads JSON-lines posts on stdin and writes one JSON line per input line, in order: "
                + "{\"id\": ..., \"outage\": true/false, \"service\": name or null, \"confidence\": 0..1}. "
                + "A line that is not a post gets outage false and an \"error\" field.")
public class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "text", "lang");

    @Override
    public Integer call() throws Exception {
        OutageLanguage language = OutageLanguage.shared();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            out.write(classify(language, line));
            out.newLine();
        }
        out.flush();
        return 0;
    }

    static String classify(OutageLanguage language, String line) {
        ObjectNode result = JSON.createObjectNode();
        try {
            FlatJsonObject post = FlatJsonObject.read(line.getBytes(StandardCharsets.UTF_8), FIELDS);
            result.put("id", post.optionalId("id"));
            Verdict v = language.classify(post.requiredString("text"), post.optionalString("lang"));
            result.put("outage", v.outage());
            result.put("service", v.outage() ? v.service() : null);
            result.put("confidence", Math.round(v.confidence() * 10_000) / 10_000.0);
        } catch (InvalidRecordException e) {
            if (!result.has("id")) {
                result.putNull("id");
            }
            result.put("outage", false);
            result.putNull("service");
            result.put("confidence", 0.0);
            result.put("error", e.getMessage());
        }
        return result.toString();
    }
}
