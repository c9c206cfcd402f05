package org.outagedetector.alerting.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** {@code X-Signature-256: sha256=<hex HMAC-SHA256 of the exact body bytes>}, as GitHub signs its webhooks. */
public final class WebhookSignature {

    public static final String HEADER = "X-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** The header value for this body under this key. */
    public static String sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body}; compared in constant time. */
    public static boolean verify(byte[] key, byte[] body, String header) {
        return header != null && MessageDigest.isEqual(
                sign(key, body).getBytes(StandardCharsets.US_ASCII),
                header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
