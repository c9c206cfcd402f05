package org.outagedetector.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A NAB-style CSV file: a header, then {@code timestamp,value} rows. Read and checked whole before anything is
 * scored, so that a malformed row rejects its file instead of leaving a partial output that NAB's scorer,
 * which needs every row, would misread.
 */
final class NabCsv {

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NabCsv() {}

    /** One row: its two cells as written (the output repeats them unchanged), its time and its count. */
    record Row(String timestamp, String value, long millis, int count) {}

    /** A file that is not a header and {@code timestamp,value} rows; the message names file and line. */
    static final class MalformedRow extends Exception {
        MalformedRow(Path file, int line, String problem) {
            super(file + ":" + line + ": " + problem);
        }
    }

    /** The file's rows in order, blank lines left out. */
    static List<Row> read(Path csv) throws IOException, MalformedRow {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new MalformedRow(csv, 1, "empty file, expected a timestamp,value header");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(row(csv, i + 1, lines.get(i)));
            }
        }
        return rows;
    }

    private static Row row(Path csv, int line, String text) throws MalformedRow {
        String[] cells = text.split(",", -1);
        if (cells.length != 2) {
            throw new MalformedRow(csv, line, "expected timestamp,value, got '" + text + "'");
        }
        long millis;
        try {
            millis = LocalDateTime.parse(cells[0].trim(), NAB_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MalformedRow(csv, line, "timestamp '" + cells[0] + "' is not yyyy-MM-dd HH:mm:ss");
        }
        double value;
        try {
            value = Double.parseDouble(cells[1].trim());
        } catch (NumberFormatException e) {
            throw new MalformedRow(csv, line, "value '" + cells[1] + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new MalformedRow(csv, line, "value '" + cells[1] + "' is not a finite number");
        }
        return new Row(cells[0], cells[1], millis, (int) Math.round(value));
    }
}
