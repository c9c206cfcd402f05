package org.outagedetector.cli;

import org.apache.flink.client.program.StreamPlanEnvironment;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Main#main}: exit code 2 for a usage error on the command line; inside Flink, the error as the exception. */
class MainTest {

    @Test
    void noArgumentsAtAllIsAUsageErrorWithExitCode2() throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).isEqualTo(2);
        assertThat(err).isEqualTo("Missing --bootstrap-servers (or bootstrap-servers in --config)\n");
    }

    /** As when the Flink client or the REST API runs the jar: the submission fails with the usage error itself. */
    @Test
    void insideFlinkAUsageErrorFailsTheSubmissionWithItsMessage() {
        StreamPlanEnvironment flink = new StreamPlanEnvironment(new Configuration(), getClass().getClassLoader(), 1);
        flink.setAsContext();
        try {
            assertThatThrownBy(() -> Main.main(new String[0]))
                    .isInstanceOf(ParameterException.class)
                    .hasMessage("Missing --bootstrap-servers (or bootstrap-servers in --config)");
            assertThatThrownBy(() -> Main.main(new String[] {"--bootstrap-servers", "127.0.0.1:1",
                    "--webhook", "bogus=http://x/"}))
                    .isInstanceOf(ParameterException.class)
                    .hasMessage("--webhook: unknown webhook format 'bogus': use generic, alertmanager, slack, pagerduty");
        } finally {
            flink.unsetAsContext();
        }
    }
}
