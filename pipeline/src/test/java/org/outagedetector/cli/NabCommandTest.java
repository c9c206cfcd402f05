package org.outagedetector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code nab} command over a generated NAB-style series: same rows out, 1.0 only where an alert opens. */
class NabCommandTest {

    private static final DateTimeFormatter NAB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    /** Three days of 5-minute counts around 20, a one-step viral burst, and a sustained outage of 12 steps. */
    private static List<String> series() {
        SplittableRandom rng = new SplittableRandom(3);
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        LocalDateTime t = LocalDateTime.of(2015, 3, 2, 0, 0, 53);
        for (int i = 0; i < 3 * 288; i++, t = t.plusMinutes(5)) {
            int value = 15 + rng.nextInt(11);
            if (i == 500) {
                value = 200;            // one five-minute step is longer than confirmFor: it decides alone
            } else if (i == 600) {
                value = 150;            // a burst below the record the first one set: this series bursts so
            } else if (i >= 700 && i < 712) {
                value = 400;            // sustained, and far above the record: an outage
            }
            lines.add(NAB_TIME.format(t) + "," + value);
        }
        return lines;
    }

    @Test
    void marksOnlyTheRowWhereTheAlertOpens() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        List<String> input = series();
        Files.write(in.resolve("Twitter_volume_TEST.csv"), input, StandardCharsets.UTF_8);

        int exit = new CommandLine(new NabCommand()).execute("--input", in.toString(), "--output", out.toString());

        assertThat(exit).isZero();
        List<String> output = Files.readAllLines(out.resolve("Twitter_volume_TEST.csv"), StandardCharsets.UTF_8);
        assertThat(output).hasSize(input.size());
        assertThat(output.get(0)).isEqualTo("timestamp,value,anomaly_score");
        List<Integer> marked = new ArrayList<>();
        for (int i = 1; i < output.size(); i++) {
            String[] cells = output.get(i).split(",");
            assertThat(cells[0] + "," + cells[1]).isEqualTo(input.get(i)); // same rows, same order
            double score = Double.parseDouble(cells[2]);
            assertThat(score).isBetween(0.0, 1.0);
            if (score >= 0.5) {
                marked.add(i - 1);
            }
        }
        // Each opening is marked once, on its first step; the smaller burst after the first one and the rest of
        // the outage are not.
        assertThat(marked).containsExactly(500, 700);
    }

    /**
     * A malformed row rejects its own file, named with the line, and leaves no partial output; the other files are
     * still scored in full, and the exit code says that something was skipped.
     */
    @Test
    void aMalformedRowSkipsOnlyItsFile() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        List<String> good = series();
        Files.write(in.resolve("good.csv"), good, StandardCharsets.UTF_8);
        List<String> badRow = new ArrayList<>(good);
        badRow.add(3, "bad,row");
        Files.write(in.resolve("bad_row.csv"), badRow, StandardCharsets.UTF_8);
        List<String> badValue = new ArrayList<>(good);
        badValue.set(5, "2015-03-02 00:20:53,twelve");
        Files.write(in.resolve("bad_value.csv"), badValue, StandardCharsets.UTF_8);

        Printed nab = Printed.execute("nab", "--input", in.toString(), "--output", out.toString());

        assertThat(nab.exitCode()).isEqualTo(2);
        assertThat(nab.err().lines()).contains(
                "nab: skipped " + in.resolve("bad_row.csv") + ":4: timestamp 'bad' is not yyyy-MM-dd HH:mm:ss",
                "nab: skipped " + in.resolve("bad_value.csv") + ":6: value 'twelve' is not a number");
        assertThat(out.resolve("bad_row.csv")).doesNotExist();
        assertThat(out.resolve("bad_value.csv")).doesNotExist();
        List<String> scored = Files.readAllLines(out.resolve("good.csv"), StandardCharsets.UTF_8);
        assertThat(scored).hasSize(good.size());
        for (int i = 1; i < scored.size(); i++) {
            assertThat(scored.get(i)).startsWith(good.get(i) + ",");
        }
    }

    @Test
    void rejectsAMissingInputDirectory() {
        int exit = new CommandLine(new NabCommand())
                .execute("--input", dir.resolve("nope").toString(), "--output", dir.resolve("out").toString());
        assertThat(exit).isEqualTo(2);
    }
}
