package org.outagedetector.cli;

import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.detection.DetectorConfig;
import org.outagedetector.detection.OutageDetector;
import org.outagedetector.detection.OutageDetector.MinuteEvidence;
import org.outagedetector.detection.ServiceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "nab", mixinStandardHelpOptions = true,
        description = "Runs the spike detector over every *.csv (timestamp,value) in --input, row by row as a "
                + "stream, and writes timestamp,value,anomaly_score to the same file name in --output. The score is "
                + "1 on the row where an alert opens and 0 elsewhere: a flickering outage that recurs under the same "
                + "incident id is not a new detection. A file with a malformed row is skipped (its line is named) "
                + "and the exit code is then 2; the other files are still scored.")
public class NabCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Directory of NAB-style CSV files.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where scored files go.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(input)) {
            System.err.println("nab: --input is not a directory: " + input);
            return 2;
        }
        Files.createDirectories(output);
        int files = 0;
        int rejected = 0;
        try (DirectoryStream<Path> csvs = Files.newDirectoryStream(input, "*.csv")) {
            for (Path csv : csvs) {
                try {
                    score(NabCsv.read(csv), output.resolve(csv.getFileName()));
                    files++;
                } catch (NabCsv.MalformedRow e) {
                    // One bad file costs only its own scores; the others are still worth having.
                    System.err.println("nab: skipped " + e.getMessage());
                    rejected++;
                }
            }
        }
        System.err.println("nab: scored " + files + " file(s) into " + output
                + (rejected == 0 ? "" : ", skipped " + rejected + " malformed file(s)"));
        return rejected == 0 ? 0 : 2;
    }

    private static void score(List<NabCsv.Row> rows, Path out) throws IOException {
        long[] times = rows.stream().mapToLong(NabCsv.Row::millis).toArray();
        DetectorConfig cfg = DetectorConfig.defaults();
        cfg.stepMillis = typicalStep(times);
        OutageDetector detector = new OutageDetector(cfg);
        ServiceState state = new ServiceState();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score\n");
            for (NabCsv.Row r : rows) {
                boolean[] opened = {false};
                detector.onStep(state, new MinuteEvidence("series", true, r.millis(), r.count(), r.count(), List.of(),
                        List.of(), 0), e -> opened[0] |= AlertEvent.OPEN.equals(e.state));
                w.write(r.timestamp() + "," + r.value() + "," + (opened[0] ? "1.0" : "0.0") + "\n");
            }
        }
    }

    /** The most common spacing between rows: the series' step. */
    private static long typicalStep(long[] times) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 1; i < times.length; i++) {
            counts.merge(times[i] - times[i - 1], 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getKey() > 0).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(60_000L);
    }
}
