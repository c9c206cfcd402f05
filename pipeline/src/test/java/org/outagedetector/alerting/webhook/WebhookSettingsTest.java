package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    @Test
    void theSecretFileIsUsedByteForByte(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("secret"), "s3cret\n".getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookSettings.defaults().withSecretFile(file).secret())
                .hasValueSatisfying(k -> assertThat(k).isEqualTo("s3cret\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUnreadableOrEmptySecretFileIsRejected(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> WebhookSettings.defaults().withSecretFile(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThatThrownBy(() -> WebhookSettings.defaults().withSecretFile(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void theSecretCanComeFromTheEnvironment() {
        WebhookSettings signed = WebhookSettings.defaults()
                .withSecretFromEnvironment(Map.of(WebhookSettings.SECRET_ENV, "from-env"));

        assertThat(signed.secret()).hasValueSatisfying(
                k -> assertThat(k).isEqualTo("from-env".getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSettings.defaults().withSecretFromEnvironment(Map.of()).secret()).isEmpty();
    }

    @Test
    void toStringNeverShowsSecrets() {
        WebhookSettings s = WebhookSettings.defaults().withSecret("hunter2".getBytes(StandardCharsets.UTF_8))
                .withPagerDutyRoutingKey("R0UTINGKEY");

        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("R0UTINGKEY")
                .contains("secret=<redacted>", "pagerDutyRoutingKey=<redacted>");
        assertThat(WebhookSettings.defaults().toString()).contains("secret=none");
    }

    @Test
    void theSecretIsCopiedNotShared() {
        byte[] key = "abc".getBytes(StandardCharsets.UTF_8);
        WebhookSettings s = WebhookSettings.defaults().withSecret(key);
        key[0] = 'X';

        assertThat(s.secret()).hasValueSatisfying(k -> assertThat(k[0]).isEqualTo((byte) 'a'));
    }

    @Test
    void theAsyncTimeoutOutlastsTheWholeRetryBudget() {
        WebhookSettings d = WebhookSettings.defaults();

        // Retried for 15 minutes; the last attempt may then take its 5 s connect + 10 s response.
        assertThat(d.retryBudget()).isEqualTo(Duration.ofMinutes(15).plusSeconds(15));
        assertThat(d.asyncTimeout()).isGreaterThan(d.retryBudget());
        // 5 attempts of (5 s connect + 10 s response) and 4 waits of at most 30 s, if that comes first.
        assertThat(d.withMaxAttempts(5).retryBudget()).isEqualTo(Duration.ofSeconds(5 * 15 + 4 * 30));
        assertThat(d.withMaxAttempts(1).retryBudget()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.withRetryFor(Duration.ofMinutes(2)).retryBudget()).isEqualTo(Duration.ofSeconds(135));
    }

    @Test
    void nonsenseIsRejected() {
        WebhookSettings d = WebhookSettings.defaults();
        assertThatThrownBy(() -> d.withMaxAttempts(0)).hasMessageContaining("max attempts");
        assertThatThrownBy(() -> d.withMaxInFlight(0)).hasMessageContaining("max in flight");
        assertThatThrownBy(() -> d.withMaxInFlight(Integer.MAX_VALUE)).hasMessageContaining("max in flight");
        assertThatThrownBy(() -> d.withRetryFor(Duration.ZERO)).hasMessageContaining("retry duration");
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> d.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below backoff base");
        assertThatThrownBy(() -> d.withPagerDutyRoutingKey(" ")).hasMessageContaining("routing key");
    }
}
