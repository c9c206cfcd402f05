package org.outagedetector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.alerting.AlertEvent;
import org.outagedetector.alerting.AlertJson;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `replay` end to end: generated multi-day files in, alert and dead-letter files out. */
class ReplayCommandIT {

    @TempDir
    Path dir;

    @Test
    void replaysAMultiDayFileWithBadRecordsMixedIn() throws Exception {
        Path posts = dir.resolve("posts.jsonl");
        Path status = dir.resolve("status.jsonl");
        assertThat(Main.execute("generate", "--out", posts.toString(), "--status-out", status.toString())).isZero();
        List<String> bad = List.of("{not json", "[1,2]", "{\"text\":\"is twitter down\"}",
                "{\"text\":\"is twitter down\",\"created_at\":\"2099-01-01T00:00:00Z\"}");
        try (OutputStream out = Files.newOutputStream(posts, java.nio.file.StandardOpenOption.APPEND)) {
            for (String line : bad) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
            // Valid, but hours behind the stream: its minute was judged long ago.
            out.write("{\"author_id\":\"late1\",\"text\":\"is twitter down?\",\"created_at\":\"2012-06-21T10:00:00Z\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(status, "{\"service\":\"twitter\",\"status\":\"melting\",\"time\":\"2012-06-21T16:00:00Z\"}\n",
                java.nio.file.StandardOpenOption.APPEND);

        Path alerts = dir.resolve("out/alerts.jsonl");
        Path dead = dir.resolve("out/dead.jsonl");
        assertThat(Main.execute("replay", "--posts", posts.toString(), "--status", status.toString(),
                "--alerts", alerts.toString(), "--dead-letter", dead.toString())).isZero();

        List<AlertEvent> events = Files.readAllLines(alerts).stream().map(AlertJson::read).toList();
        assertThat(events).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).extracting(a -> a.service)
                .containsExactlyInAnyOrder("twitter", "tumblr");
        assertThat(events).extracting(a -> a.service).doesNotContain("netflix", "gmail");

        List<String> deadLetters = Files.readAllLines(dead);
        assertThat(deadLetters).hasSize(7);
        assertThat(deadLetters).anyMatch(l -> l.contains("missing required field 'created_at'"))
                .anyMatch(l -> l.contains("out of range"))
                .anyMatch(l -> l.contains("not a JSON object"))
                .anyMatch(l -> l.contains("UTF-8"))
                .anyMatch(l -> l.contains("field 'status' must be one of"))
                .anyMatch(l -> l.contains("late: the minute of 2012-06-21T10:00:00Z was already closed for twitter"));
    }

    @Test
    void replaysPostsWithoutAStatusFile() throws Exception {
        Path posts = dir.resolve("posts.jsonl");
        assertThat(Main.execute("generate", "--out", posts.toString())).isZero();

        Path alerts = dir.resolve("alerts.jsonl");
        assertThat(Main.execute("replay", "--posts", posts.toString(), "--alerts", alerts.toString())).isZero();

        List<AlertEvent> events = Files.readAllLines(alerts).stream().map(AlertJson::read).toList();
        assertThat(events).filteredOn(a -> a.state.equals(AlertEvent.OPEN)).extracting(a -> a.service)
                .containsExactlyInAnyOrder("twitter", "tumblr");
        assertThat(events).noneMatch(AlertEvent::hasOfficialAck);
    }

    @Test
    void aMissingInputIsAClearError() throws Exception {
        assertThat(Main.execute("replay", "--posts", dir.resolve("nope.jsonl").toString(), "--alerts",
                dir.resolve("a.jsonl").toString())).isEqualTo(2);
    }
}
