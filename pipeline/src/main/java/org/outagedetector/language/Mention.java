package org.outagedetector.language;

/** One post that reports a service as down. A Flink POJO. */
public class Mention {
    /** Normalized lowercase service name. */
    public String service;
    /** False for an open-world name that is not in the catalog. */
    public boolean verified;
    /** Who reported it (see {@code Post.authorKey()}). */
    public String author;
    /** Event time, epoch milliseconds. */
    public long time;
    public String language;
    /** login, app, website, payments, messaging, connectivity, or null when the post does not say. */
    public String problemKind;
    public double confidence;
    public String text;

    public Mention() {}

    public Mention(String service, boolean verified, String author, long time, String language,
                   String problemKind, double confidence, String text) {
        this.service = service;
        this.verified = verified;
        this.author = author;
        this.time = time;
        this.language = language;
        this.problemKind = problemKind;
        this.confidence = confidence;
        this.text = text;
    }
}
