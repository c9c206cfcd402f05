package org.outagedetector.scenario;

import java.time.Duration;
import java.time.Instant;

/** The built-in scenarios. */
public final class Scenarios {

    private Scenarios() {}

    /**
     * 21 June 2012: Twitter was down from about 16:00 UTC, back at 17:10, down again at 17:40 and back at
     * 18:08 (Twitter's own account). Around it: a day and a half of everyday traffic about many services, a
     * small Tumblr outage in the morning, Netflix in the news with its shares "down", a bot burst about Gmail
     * that is only four accounts, and people saying "down" in every other sense. The times of Twitter's
     * status statements are the scenario's own, not a record of the real ones.
     */
    public static ScenarioSpec twitter2012() {
        ScenarioSpec s = new ScenarioSpec(Instant.parse("2012-06-20T00:00:00Z"), Duration.ofHours(44))
                .chatter(25)
                .background("twitter", 0.6)
                .background("gmail", 0.5)
                .background("facebook", 0.5)
                .background("youtube", 0.4)
                .background("netflix", 0.3)
                .background("tumblr", 0.2)
                .background("instagram", 0.3)
                .background("skype", 0.2)
                .background("paypal", 0.15)
                .background("reddit", 0.2)
                .background("spotify", 0.2)
                .background("xbox live", 0.2)
                .background("playstation network", 0.2)
                .background("outlook", 0.2)
                .background("amazon", 0.15)
                .background("dropbox", 0.1)
                .background("github", 0.1)
                .outage("tumblr", "2012-06-21T09:12:00Z", "2012-06-21T09:40:00Z", 30)
                .outage("twitter", "2012-06-21T16:00:00Z", "2012-06-21T17:10:00Z", 220)
                .outage("twitter", "2012-06-21T17:40:00Z", "2012-06-21T18:08:00Z", 160)
                .decoy("netflix", "2012-06-21T13:30:00Z", Duration.ofMinutes(40), 60)
                .botBurst("gmail", "2012-06-21T11:00:00Z", Duration.ofMinutes(20), 4, 15)
                .statement("tumblr", "2012-06-21T09:35:00Z", "investigating",
                        "We're looking into reports that Tumblr is unavailable for some users.")
                .statement("twitter", "2012-06-21T16:35:00Z", "investigating",
                        "Users may be experiencing issues accessing Twitter. Our engineers are working on it.")
                .statement("twitter", "2012-06-21T17:15:00Z", "monitoring",
                        "Twitter is recovering; we are monitoring.")
                .statement("twitter", "2012-06-21T18:30:00Z", "resolved",
                        "The issue has been resolved. A cascading bug in one of our infrastructure components.");
        return s;
    }
}
