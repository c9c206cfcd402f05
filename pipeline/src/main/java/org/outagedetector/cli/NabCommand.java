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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "nab", mixinStandardHelpOptions = true,
        description = "Runs the spike detector over every *.csv (timestamp,value) in --input, row by row as a "
                + "stream, and writes timestamp,value,anomaly_score to the same file name in --output. The score is "
                + "1 on the row where an alert opens and 0 elsewhere: a flickering outage that recurs under the same "
                + "incident id is not a new detection.")
public class NabCommand implements Callable<Integer> {

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        try (DirectoryStream<Path> csvs = Files.newDirectoryStream(input, "*.csv")) {
            for (Path csv : csvs) {
                score(csv, output.resolve(csv.getFileName()));
                files++;
            }
        }
        System.err.println("nab: scored " + files + " file(s) into " + output);
        return 0;
    }

    static void score(Path in, Path out) throws IOException {
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        long[] times = rows.stream().mapToLong(r -> parseTime(r[0])).toArray();
        DetectorConfig cfg = DetectorConfig.defaults();
        cfg.stepMillis = typicalStep(times);
        OutageDetector detector = new OutageDetector(cfg);
        ServiceState state = new ServiceState();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score\n");
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                int count = (int) Math.round(Double.parseDouble(r[1].trim()));
                boolean[] opened = {false};
                detector.onStep(state, new MinuteEvidence("series", true, times[i], count, count, List.of(), List.of(), 0),
                        e -> opened[0] |= AlertEvent.OPEN.equals(e.state));
                w.write(r[0] + "," + r[1] + "," + (opened[0] ? "1.0" : "0.0") + "\n");
            }
        }
    }

    private static long parseTime(String s) {
        return LocalDateTime.parse(s.trim(), NAB_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
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
