package org.outagedetector.alerting.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void matchesRfc4231TestCase2() {
        assertThat(WebhookSignature.sign(utf8("Jefe"), utf8("what do ya want for nothing?")))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesOnlyTheSameBodyUnderTheSameKey() {
        byte[] body = utf8("{\"alert_id\":\"x\"}");
        String header = WebhookSignature.sign(utf8("key"), body);

        assertThat(WebhookSignature.verify(utf8("key"), body, header)).isTrue();
        assertThat(WebhookSignature.verify(utf8("key"), body, header.toUpperCase().replace("SHA256", "sha256")))
                .isTrue();
        assertThat(WebhookSignature.verify(utf8("key\n"), body, header)).isFalse();
        assertThat(WebhookSignature.verify(utf8("key"), utf8("{\"alert_id\":\"y\"}"), header)).isFalse();
        assertThat(WebhookSignature.verify(utf8("key"), body, null)).isFalse();
    }
}
