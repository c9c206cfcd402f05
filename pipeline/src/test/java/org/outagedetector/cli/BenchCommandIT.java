package org.outagedetector.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `bench` end to end on a small load: a real broker, the three phases, and the contract's last line. */
class BenchCommandIT {

    @Test
    void measuresAndEndsWithTheContractLine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("bench", "--posts", "30000", "--services", "40");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(code).isZero();
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        Matcher last = Pattern.compile("throughput_posts_per_s=(\\d+) p99_alert_latency_ms=(\\d+)")
                .matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as("last line: %s", lines.get(lines.size() - 1)).isTrue();
        assertThat(Long.parseLong(last.group(1))).isPositive();
        assertThat(out).contains("bare Kafka consumer (ceiling)", "job, parsing only", "whole job",
                "alert events: ");
        // The outage in the middle of the load is found: at least its open reaches the latency measurement.
        Matcher events = Pattern.compile("alert events: (\\d+);").matcher(out);
        assertThat(events.find()).isTrue();
        assertThat(Integer.parseInt(events.group(1))).isPositive();
        // The state measured from a real checkpoint of the whole job, per service the posts report down.
        Matcher state = Pattern.compile("state: ([\\d,]+) services reported down; last completed checkpoint "
                + "([\\d,]+) bytes").matcher(out);
        assertThat(state.find()).as("state line").isTrue();
        assertThat(Long.parseLong(state.group(1).replace(",", ""))).isPositive();
        assertThat(Long.parseLong(state.group(2).replace(",", ""))).isPositive();
        assertThat(out).contains("warm-up (whole job, unmeasured)");
        // Sized to --posts within a few percent.
        Matcher loaded = Pattern.compile("loaded\\s+([\\d,]+) posts").matcher(out);
        assertThat(loaded.find()).isTrue();
        assertThat(Long.parseLong(loaded.group(1).replace(",", ""))).isBetween(27_000L, 33_000L);
    }
}
