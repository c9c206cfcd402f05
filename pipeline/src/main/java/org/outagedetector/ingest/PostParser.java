package org.outagedetector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A post (CONTRACT.md): {@code text} and {@code created_at} required; {@code id}, {@code author_id}, {@code lang} optional. */
public final class PostParser implements RecordParser<Post> {

    /** No post predates Twitter's first (March 2006); older times are clock or encoding errors. */
    public static final long EARLIEST = Instant.parse("2006-03-21T00:00:00Z").toEpochMilli();
    /** Clocks drift, but a post from more than a day ahead of now is absurd. */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    /** Longest text accepted: long-form posts are 25,000 characters at most. */
    public static final int MAX_TEXT_CHARS = 25_000;

    private static final Set<String> FIELDS = Set.of("id", "author_id", "text", "created_at", "lang");
    private static final Set<String> TIME = Set.of("created_at");

    @Override
    public Post parse(byte[] raw) throws InvalidRecordException {
        FlatJsonObject json = FlatJsonObject.read(raw, FIELDS);
        String text = json.requiredString("text");
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidRecordException("field 'text' has " + text.length() + " characters, more than "
                    + MAX_TEXT_CHARS);
        }
        return new Post(json.optionalId("id"), json.optionalId("author_id"), text, createdAt(json),
                json.optionalString("lang"));
    }

    /** A raw post's {@code created_at}, checked as {@link #parse} checks it, without reading the other fields. */
    public static long createdAt(byte[] raw) throws InvalidRecordException {
        return createdAt(FlatJsonObject.read(raw, TIME));
    }

    private static long createdAt(FlatJsonObject json) throws InvalidRecordException {
        return plausibleTime(json, "created_at");
    }

    /** A required time field of a post or a statement, between {@link #EARLIEST} and {@link #MAX_FUTURE} from now. */
    static long plausibleTime(FlatJsonObject json, String field) throws InvalidRecordException {
        return json.requiredTime(field, EARLIEST, System.currentTimeMillis() + MAX_FUTURE.toMillis());
    }
}
