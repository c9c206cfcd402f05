package org.outagedetector.scenario;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic day (or days) of posts: everyday chatter, everyday complaints about many services with a
 * daily rhythm, and the events a detector must get right: outages, news decoys that say "down" in another
 * sense, bot bursts, and official statements. Plain data; {@link Scenario} turns it into posts.
 */
public class ScenarioSpec implements Serializable {

    /** Everyday complaints about a service: distinct people per minute at the daily peak. */
    public record Background(String service, double peakPerMinute) implements Serializable {}

    /** People reporting a real outage: ramps up to {@code peakPerMinute} and back down. */
    /** An outage whose reports build up to their peak over {@code buildUpMinutes}, hold, then tail off. */
    public record Outage(String service, Instant start, Instant end, double peakPerMinute, double buildUpMinutes)
            implements Serializable {}

    /** Posts that name the service and say "down" in another sense (share prices, shutdowns, ...). */
    public record Decoy(String service, Instant start, Duration length, double perMinute) implements Serializable {}

    /** A handful of accounts posting "X is down" over and over. */
    public record BotBurst(String service, Instant start, Duration length, int bots, int postsPerBotPerMinute)
            implements Serializable {}

    /** An official statement, emitted on the status stream. */
    public record Statement(String service, Instant time, String status, String text) implements Serializable {}

    public long seed = 42;
    public Instant start;
    public Duration length;
    /** Posts per minute that mention no outage at all, at the daily peak. */
    public double chatterPerMinute = 20;
    public List<Background> background = new ArrayList<>();
    public List<Outage> outages = new ArrayList<>();
    public List<Decoy> decoys = new ArrayList<>();
    public List<BotBurst> botBursts = new ArrayList<>();
    public List<Statement> statements = new ArrayList<>();

    public ScenarioSpec(Instant start, Duration length) {
        this.start = start;
        this.length = length;
    }

    public ScenarioSpec background(String service, double peakPerMinute) {
        background.add(new Background(service, peakPerMinute));
        return this;
    }

    /** An outage people notice at once: its reports reach their peak within three minutes. */
    public ScenarioSpec outage(String service, String start, String end, double peakPerMinute) {
        outages.add(new Outage(service, Instant.parse(start), Instant.parse(end), peakPerMinute, 1 / 0.35));
        return this;
    }

    /** An outage that builds up slowly (a degradation, a failure rolling across regions). */
    public ScenarioSpec slowOutage(String service, String start, String end, double peakPerMinute, Duration buildUp) {
        outages.add(new Outage(service, Instant.parse(start), Instant.parse(end), peakPerMinute,
                buildUp.toMillis() / 60_000.0));
        return this;
    }

    public ScenarioSpec decoy(String service, String start, Duration length, double perMinute) {
        decoys.add(new Decoy(service, Instant.parse(start), length, perMinute));
        return this;
    }

    public ScenarioSpec botBurst(String service, String start, Duration length, int bots, int postsPerBotPerMinute) {
        botBursts.add(new BotBurst(service, Instant.parse(start), length, bots, postsPerBotPerMinute));
        return this;
    }

    public ScenarioSpec statement(String service, String time, String status, String text) {
        statements.add(new Statement(service, Instant.parse(time), status, text));
        return this;
    }

    public ScenarioSpec chatter(double perMinute) {
        this.chatterPerMinute = perMinute;
        return this;
    }

    public ScenarioSpec seed(long seed) {
        this.seed = seed;
        return this;
    }

    public long minutes() {
        return length.toMinutes();
    }
}
