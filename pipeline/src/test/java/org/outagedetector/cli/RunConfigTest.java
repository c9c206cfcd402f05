package org.outagedetector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outagedetector.ingest.Sources;
import picocli.CommandLine.ParseResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** `run`'s configuration: flags, a --config properties file, and flags overriding the file. */
class RunConfigTest {

    @TempDir
    Path dir;

    private RunCommand parse(String... args) {
        ParseResult parsed = Main.parse(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void theConfigFileSetsDefaultsAndFlagsWin() throws Exception {
        Path config = dir.resolve("job.properties");
        Files.writeString(config, """
                bootstrap-servers=kafka-1:9092,kafka-2:9092
                posts-topic=firehose
                checkpoint-interval=2m
                starting-offsets=latest
                state-backend=rocksdb
                kafka-properties-file=/etc/outage-detector/kafka.properties
                """);
        RunCommand run = parse("run", "--config", config.toString(), "--posts-topic", "posts-eu");
        assertThat(run.bootstrapServers).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(run.postsTopic).isEqualTo("posts-eu");
        assertThat(run.checkpointInterval).isEqualTo(Duration.ofMinutes(2));
        assertThat(run.startingOffsets).isEqualTo(Sources.StartingOffsets.LATEST);
        assertThat(run.stateBackend).isEqualTo("rocksdb");
        assertThat(run.kafkaPropertiesFile).isEqualTo(Path.of("/etc/outage-detector/kafka.properties"));
        assertThat(run.alertsTopic).isEqualTo("alerts"); // neither flag nor file: the built-in default
    }

    @Test
    void withoutAConfigFileTheBuiltInDefaultsApply() {
        RunCommand run = parse("run", "--bootstrap-servers", "localhost:9092", "--kafka-property",
                "security.protocol=SASL_SSL", "--kafka-property", "sasl.mechanism=PLAIN");
        assertThat(run.postsTopic).isEqualTo("posts");
        assertThat(run.checkpointInterval).isEqualTo(Duration.ofSeconds(30));
        assertThat(run.startingOffsets).isEqualTo(Sources.StartingOffsets.COMMITTED);
        assertThat(run.kafkaProperties).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void aMissingBootstrapServerIsAClearError() throws Exception {
        assertThat(Main.execute("run", "--posts-topic", "x")).isEqualTo(2);
    }
}
