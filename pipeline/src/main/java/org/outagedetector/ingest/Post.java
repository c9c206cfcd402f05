package org.outagedetector.ingest;

/** A user post that passed validation. A Flink POJO; field names follow the Twitter API v2. */
public class Post {
    /** May be null when the input had none. */
    public String id;
    /** May be null: then the post counts as its own author (see {@link #authorKey()}). */
    public String authorId;
    public String text;
    /** Event time, epoch milliseconds UTC. */
    public long createdAt;
    /** May be null. */
    public String lang;

    public Post() {}

    public Post(String id, String authorId, String text, long createdAt, String lang) {
        this.id = id;
        this.authorId = authorId;
        this.text = text;
        this.createdAt = createdAt;
        this.lang = lang;
    }

    /** Who to count: the author, or, for anonymous posts, the post itself so it is never merged with others. */
    public String authorKey() {
        if (authorId != null) {
            return authorId;
        }
        return id != null ? "post:" + id : "text:" + text.hashCode() + ":" + createdAt;
    }
}
