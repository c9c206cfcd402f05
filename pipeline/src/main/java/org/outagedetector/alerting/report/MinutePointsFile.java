package org.outagedetector.alerting.report;

import org.outagedetector.detection.MinutePoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the detector's minute points (JSON lines) once, line by line, into the series that want them. */
final class MinutePointsFile {

    private MinutePointsFile() {}

    /**
     * Streams the file: a point is kept only by the series of its service whose window covers it, so memory
     * is bounded by the incidents, not by the days of stream the file holds. Fills the gaps afterwards.
     */
    static void readInto(Path file, Collection<MinuteSeries> series) throws IOException {
        Map<String, List<MinuteSeries>> byService = new HashMap<>();
        series.forEach(s -> byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                MinutePoint p = MinutePoint.fromJson(line);
                // Windows of one service's incidents may overlap, so every one of them gets a look.
                byService.getOrDefault(p.service, List.of()).forEach(s -> s.accept(p));
            }
        }
        series.forEach(MinuteSeries::fillGaps);
    }
}
