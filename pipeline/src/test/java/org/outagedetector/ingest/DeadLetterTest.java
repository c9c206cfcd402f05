package org.outagedetector.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest {

    @Test
    void aRecordOfTheParsersLargestSizeIsKeptWhole() {
        String raw = "{\"text\":\"" + "a".repeat(FlatJsonObject.MAX_RECORD_BYTES - 20) + "\"}";
        DeadLetter d = new DeadLetter(raw, "longer than the limit");
        assertThat(d.raw).isEqualTo(raw);
        assertThat(d.reason).isEqualTo("longer than the limit");
    }

    /** 600 KiB of random bytes escaped as JSON was 1.4 MB, over Kafka's default 1 MiB request limit. */
    @Test
    void aBinaryRecordIsCutToFitAKafkaRecordAndTheReasonSaysSo() {
        byte[] binary = new byte[600 * 1024];
        new SplittableRandom(7).nextBytes(binary);
        String raw = new String(binary, StandardCharsets.UTF_8);
        DeadLetter d = new DeadLetter(raw, "record is too long");
        byte[] json = d.toJson().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"raw\":\"");
        assertThat(json.length).isLessThanOrEqualTo(DeadLetter.MAX_RAW_JSON_BYTES + 200).isGreaterThan(400_000);
        assertThat(raw).startsWith(d.raw);
        assertThat(d.reason).isEqualTo("record is too long (raw cut to its first " + d.raw.length() + " of "
                + raw.length() + " characters)");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String raw = "\uD83D\uDE00".repeat(DeadLetter.MAX_RAW_JSON_BYTES);
        DeadLetter d = new DeadLetter(raw, "r");
        assertThat(d.raw.length() % 2).isZero();
        assertThat(Character.isHighSurrogate(d.raw.charAt(d.raw.length() - 1))).isFalse();
        assertThat(d.toJson().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(DeadLetter.MAX_RAW_JSON_BYTES + 100);
    }
}
