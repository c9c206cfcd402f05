package org.outagedetector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** `run --config FILE`: several values for repeatable flags, and a clear error for a file that is wrong. */
class ConfigFileDefaultsTest {

    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("job.properties"), text);
    }

    private static RunCommand parse(String... args) {
        return (RunCommand) Main.parse(args).subcommand().commandSpec().userObject();
    }

    /** What `execute` writes to stderr, and its exit code. */
    private record Run(int code, String stderr) {
    }

    private static Run execute(String... args) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void numberedKeysGiveARepeatableFlagSeveralValuesInNumericOrderAndCommasStayInTheURL() throws Exception {
        Path file = config("""
                webhook.2=generic=https://b.example/x?tags=a,b
                webhook.10=alertmanager=http://am:9093/api/v2/alerts
                webhook.1=slack=https://hooks.example/a
                kafka-property.1=security.protocol=SASL_SSL
                kafka-property.2=sasl.mechanism=PLAIN
                kafka-property.3=sasl.jaas.config=x required username="u" password="p,q";
                """);
        RunCommand run = parse("run", "--config", file.toString());
        assertThat(run.sinks.webhooks).containsExactly("slack=https://hooks.example/a",
                "generic=https://b.example/x?tags=a,b", "alertmanager=http://am:9093/api/v2/alerts");
        assertThat(run.kafkaProperties).containsExactly(entry("security.protocol", "SASL_SSL"),
                entry("sasl.mechanism", "PLAIN"),
                entry("sasl.jaas.config", "x required username=\"u\" password=\"p,q\";"));
    }

    @Test
    void aPlainKeyIsOneValueCommasAndAll() throws Exception {
        Path file = config("webhook=slack=https://hooks.example/a,generic=https://b.example/x\n");
        assertThat(parse("run", "--config", file.toString()).sinks.webhooks)
                .containsExactly("slack=https://hooks.example/a,generic=https://b.example/x");
    }

    @Test
    void aRepeatableFlagOnTheCommandLineReplacesTheFilesValuesAndLeavesTheOthers() throws Exception {
        Path file = config("""
                webhook.1=slack=https://hooks.example/a
                webhook.2=generic=https://b.example/x
                kafka-property.1=security.protocol=SASL_SSL
                checkpoint-interval=2m
                """);
        RunCommand run = parse("run", "--config", file.toString(), "--webhook", "http://override.example/");
        assertThat(run.sinks.webhooks).containsExactly("http://override.example/");
        assertThat(run.kafkaProperties).containsExactly(entry("security.protocol", "SASL_SSL"));
        assertThat(run.checkpointInterval).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItTheFileAndTheNearestKey() throws Exception {
        Path file = config("""
                checkpoint-intervall=10s
                webhok.2=http://a.example/
                posts-topic.1=firehose
                config=other.properties
                """);
        assertThatThrownBy(() -> parse("run", "--config", file.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown key 'checkpoint-intervall' (did you mean 'checkpoint-interval'?)")
                .hasMessageContaining("unknown key 'webhok.2' (did you mean 'webhook.2'?)")
                .hasMessageContaining("unknown key 'posts-topic.1' (did you mean 'posts-topic'?)")
                .hasMessageContaining("unknown key 'config'");
    }

    @Test
    void anUnknownKeyExitsWithCode2AndOneLineNotTheUsage() throws Exception {
        Path file = config("checkpoint-dri=s3://bucket/checkpoints\n");
        Run run = execute("run", "--config", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("--config " + file + ": unknown key 'checkpoint-dri' "
                + "(did you mean 'checkpoint-dir'?)" + System.lineSeparator());
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotTheLastValue() throws Exception {
        Path file = config("""
                webhook=slack=https://hooks.example/a
                webhook=generic=https://b.example/x
                """);
        assertThatThrownBy(() -> parse("run", "--config", file.toString()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("key 'webhook' is given more than once (several values go in webhook.1, "
                        + "webhook.2, ...)");
    }

    @Test
    void aMissingFileExitsWithCode2AndOneLine() throws Exception {
        Path missing = dir.resolve("nope.properties");
        Run run = execute("run", "--config", missing.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("--config " + missing + ": no such file" + System.lineSeparator());
    }
}
