package org.outagedetector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sink flag the webhook classes reject is a one-line usage error naming the flag, exit code 2, raised before
 * the command prints or starts anything (no demo banner, no mini-cluster, no alerts file).
 */
class SinkFlagsTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownWebhookFormat() throws Exception {
        Printed demo = Printed.execute("demo", "--webhook", "bogus=http://x/");

        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.out()).isEmpty();
        assertThat(demo.err()).isEqualTo(
                "--webhook: unknown webhook format 'bogus': use generic, alertmanager, slack, pagerduty\n");
    }

    @Test
    void aWebhookUrlThatIsNoUrl() throws Exception {
        Printed demo = Printed.execute("demo", "--webhook", "slack=not a url");

        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.out()).isEmpty();
        assertThat(demo.err()).startsWith("--webhook: not a valid webhook URL 'not a url'").hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "replay", "run"})
    void aPagerDutyWebhookWithoutARoutingKey(String command) throws Exception {
        Path posts = Files.writeString(dir.resolve("posts.jsonl"), "");
        Path alerts = dir.resolve("alerts.jsonl");
        List<String> args = new ArrayList<>(List.of(command, "--webhook", "pagerduty=http://127.0.0.1:9/"));
        args.addAll(switch (command) {
            case "replay" -> List.of("--posts", posts.toString(), "--alerts", alerts.toString());
            case "run" -> List.of("--bootstrap-servers", "127.0.0.1:1");
            default -> List.of("--alerts", alerts.toString());
        });

        Printed printed = Printed.execute(args.toArray(String[]::new));

        assertThat(printed.exitCode()).isEqualTo(2);
        assertThat(printed.out()).isEmpty();
        assertThat(printed.err()).isEqualTo("--webhook: a pagerduty webhook needs --pagerduty-routing-key\n");
        assertThat(alerts).doesNotExist();
    }

    @Test
    void anUnreadableSecretFileIsNamedAsSuch() throws Exception {
        Printed demo = Printed.execute("demo", "--webhook", "http://127.0.0.1:9/",
                "--webhook-secret-file", dir.resolve("missing").toString());

        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err()).startsWith("--webhook-secret-file: cannot read the webhook secret file").hasLineCount(1);
    }
}
