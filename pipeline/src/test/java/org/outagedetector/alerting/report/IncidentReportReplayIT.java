package org.outagedetector.alerting.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `replay --report` over the built-in scenario: the job's own minute points become charts of its incidents. */
class IncidentReportReplayIT {

    @TempDir
    Path dir;

    @Test
    void replayWritesAChartPerIncidentAndAnIndex() throws Exception {
        Path posts = dir.resolve("posts.jsonl");
        Path status = dir.resolve("status.jsonl");
        assertThat(Main.execute("generate", "--out", posts.toString(), "--status-out", status.toString())).isZero();
        Path report = dir.resolve("report");

        assertThat(Main.execute("replay", "--posts", posts.toString(), "--status", status.toString(),
                "--alerts", dir.resolve("alerts.jsonl").toString(), "--report", report.toString())).isZero();

        String index = Files.readString(report.resolve("index.html"));
        Matcher links = Pattern.compile("href=\"((twitter|tumblr)-[^\"]+\\.html)\"").matcher(index);
        int linked = 0;
        while (links.find()) {
            linked++;
            String page = Files.readString(report.resolve(links.group(1)));
            assertThat(page).contains("<svg", "data-kind=\"opened\"", "data-kind=\"official-ack\"",
                    "data-kind=\"resolved\"", "class=\"bar\"");
        }
        assertThat(linked).isEqualTo(2);
        assertThat(index).contains("before the official statement");
        assertThat(report.resolve(IncidentReport.POINTS_FILE)).isNotEmptyFile();
    }
}
