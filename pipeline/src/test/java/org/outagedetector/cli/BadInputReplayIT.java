package org.outagedetector.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.Scenarios;
import org.outagedetector.testing.BrokenRecords;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input changes nothing: every kind of broken record, mixed at random into the demo's stream, ends up in
 * the dead letters with its reason, and the alerts are exactly those of the clean stream. So do valid posts
 * with wrong dates, days to years ahead of the stream: they must not take the stream's event time with them.
 */
class BadInputReplayIT {

    @TempDir
    static Path dir;

    private static final List<byte[]> BROKEN = new ArrayList<>();
    private static List<String> cleanAlerts;
    private static List<String> dirtyAlerts;
    private static List<String> deadLetters;
    private static int strays;
    private static List<String> strayAlerts;
    private static List<String> strayDeadLetters;

    @BeforeAll
    static void replayCleanAndDirty() throws Exception {
        Scenario scenario = new Scenario(Scenarios.twitter2012());
        SplittableRandom rng = new SplittableRandom(2012);
        Path clean = dir.resolve("clean.jsonl");
        Path dirty = dir.resolve("dirty.jsonl");
        Path misdated = dir.resolve("misdated.jsonl");
        try (OutputStream c = new BufferedOutputStream(Files.newOutputStream(clean));
             OutputStream d = new BufferedOutputStream(Files.newOutputStream(dirty));
             OutputStream m = new BufferedOutputStream(Files.newOutputStream(misdated))) {
            for (long i = 0; i < scenario.size(); i++) {
                byte[] post = scenario.post(i);
                line(c, post);
                line(d, post);
                line(m, post);
                if (rng.nextInt(200) == 0) {
                    byte[] bad = BrokenRecords.from(rng, post);
                    BROKEN.add(bad);
                    line(d, bad);
                }
                if (rng.nextInt(2000) == 0) {
                    line(m, datedAhead(post, MISDATES[strays++ % MISDATES.length]));
                }
            }
        }
        Path status = dir.resolve("status.jsonl");
        Files.write(status, scenario.statements());

        cleanAlerts = replay(clean, status, "clean", false);
        dirtyAlerts = replay(dirty, status, "dirty", true);
        deadLetters = Files.readAllLines(dir.resolve("dirty-dead.jsonl"), StandardCharsets.UTF_8);
        strayAlerts = replay(misdated, status, "misdated", true);
        strayDeadLetters = Files.readAllLines(dir.resolve("misdated-dead.jsonl"), StandardCharsets.UTF_8);
    }

    /** Dates after the scenario's two days: a week on, a bad clock's year, a test record's far future. */
    private static final String[] MISDATES = {"2012-06-28T09:00:00Z", "2026-01-01T00:00:00Z", "2099-12-31T00:00:00Z"};

    /** The post with a wrong, well-formed date. */
    private static byte[] datedAhead(byte[] post, String createdAt) {
        String json = new String(post, StandardCharsets.UTF_8);
        String misdated = json.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"" + createdAt + "\"");
        assertThat(misdated).isNotEqualTo(json);
        return misdated.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> replay(Path posts, Path status, String name, boolean withDeadLetters) throws Exception {
        Path alerts = dir.resolve(name + "-alerts.jsonl");
        List<String> args = new ArrayList<>(List.of("replay", "--posts", posts.toString(), "--status", status.toString(),
                "--alerts", alerts.toString()));
        if (withDeadLetters) {
            args.addAll(List.of("--dead-letter", dir.resolve(name + "-dead.jsonl").toString()));
        }
        assertThat(Main.execute(args.toArray(String[]::new))).isZero();
        return Files.readAllLines(alerts).stream().sorted().toList();
    }

    private static String rawOf(String deadLetter) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(deadLetter).get("raw").asText();
        } catch (IOException e) {
            throw new AssertionError("dead letter is not JSON: " + deadLetter, e);
        }
    }

    private static void line(OutputStream out, byte[] record) throws IOException {
        out.write(record);
        out.write('\n');
    }

    @Test
    void theAlertsAreExactlyThoseOfTheCleanStream() {
        assertThat(cleanAlerts).isNotEmpty();
        assertThat(dirtyAlerts).isEqualTo(cleanAlerts);
    }

    @Test
    void postsDatedAheadOfTheStreamLeaveItsAlertsAsTheyWere() {
        assertThat(strays).isGreaterThan(20);
        assertThat(strayAlerts).isEqualTo(cleanAlerts);
    }

    @Test
    void postsDatedAheadOfTheStreamMakeNoOtherPostLate() {
        // Only the far-future dates are dead letters, of their own (past the parser's bound); the others are
        // kept in their minute. Nothing of the stream's own time may be among the dead letters.
        long farFuture = (strays + MISDATES.length - 1 - 2) / MISDATES.length;
        assertThat(strayDeadLetters).hasSize((int) farFuture)
                .allSatisfy(d -> assertThat(d).contains("2099-12-31").doesNotContain("late:"));
    }

    @Test
    void everyBrokenRecordIsADeadLetterWithItsReason() {
        assertThat(BROKEN).hasSizeGreaterThan(300);
        assertThat(deadLetters).hasSize(BROKEN.size());
        assertThat(deadLetters).allSatisfy(d -> assertThat(d).contains("\"reason\":\""));
        // Kept whole, except a record too big for a Kafka record: its first half mebibyte, and the reason says so.
        List<String> broken = BROKEN.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        List<String> expectedWhole = broken.stream().filter(b -> b.length() < 512 * 1024).sorted().toList();
        List<String> actualWhole = deadLetters.stream().filter(d -> !d.contains("raw cut to its first"))
                .map(d -> rawOf(d)).sorted().toList();
        assertThat(actualWhole).isEqualTo(expectedWhole);
        List<String> cut = deadLetters.stream().filter(d -> d.contains("raw cut to its first")).map(d -> rawOf(d))
                .toList();
        assertThat(cut).hasSize(broken.size() - expectedWhole.size()).isNotEmpty()
                .allSatisfy(raw -> assertThat(broken).anyMatch(b -> b.length() > raw.length() && b.startsWith(raw)));
    }
}
