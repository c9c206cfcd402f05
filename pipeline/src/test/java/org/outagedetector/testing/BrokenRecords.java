package org.outagedetector.testing;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Every kind of broken record the parser must turn into a dead letter: truncated JSON, wrong types, missing
 * fields, timestamps from 1970 or 2099, JSON that is not an object, deep nesting, raw control characters, a
 * megabyte-long line, plain text and invalid UTF-8.
 */
public final class BrokenRecords {

    private BrokenRecords() {}

    /** One broken record of a random kind, made from a valid post where the kind needs one. */
    public static byte[] from(SplittableRandom rng, byte[] post) {
        String valid = new String(post, StandardCharsets.UTF_8);
        String s = switch (rng.nextInt(11)) {
            case 0 -> valid.substring(0, valid.length() / 2);                                  // truncated
            case 1 -> valid.replaceFirst("\"text\":\"[^\"]*\"", "\"text\":12345");             // wrong type
            case 2 -> valid.replaceFirst(",\"created_at\":\"[^\"]*\"", "");                    // missing field
            case 3 -> valid.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"1970-01-01T00:00:00Z\"");
            case 4 -> valid.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"2099-06-21T16:00:00Z\"");
            case 5 -> "[" + valid + "]";                                                       // not an object
            case 6 -> "{\"deep\":" + "[".repeat(100) + "]".repeat(100) + "," + valid.substring(1);
            case 7 -> valid.replace("\"text\":\"", "\"text\":\"\u0007bell ");                  // raw control char
            case 8 -> "{\"text\":\"" + "x".repeat(1 << 20) + "\",\"created_at\":\"2012-06-21T16:00:00Z\"}";
            case 9 -> "is twitter down?";                                                     // not JSON
            default -> null;                                                                  // invalid UTF-8
        };
        if (s != null) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = post.clone();
        int at = valid.indexOf("\"text\":\"") + 8;
        bytes[at] = (byte) 0xc3;
        bytes[at + 1] = (byte) 0x28;
        return bytes;
    }
}
