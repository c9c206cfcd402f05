package org.outagedetector.testing;

import org.outagedetector.scenario.ScenarioSpec;

import java.time.Duration;
import java.time.Instant;

/** Small scenarios shared by the reliability tests. */
public final class TestScenarios {

    private TestScenarios() {}

    /**
     * Two hours of everyday traffic, a Twitter outage from 16:00 to 16:40 with an official statement at 16:30,
     * and another 50 minutes in which it resolves: three and a half hours, about 10,000 posts.
     */
    public static ScenarioSpec twitterOutageThatResolves() {
        return new ScenarioSpec(Instant.parse("2012-06-21T14:00:00Z"), Duration.ofMinutes(210))
                .chatter(10)
                .background("twitter", 2)
                .background("gmail", 1)
                .outage("twitter", "2012-06-21T16:00:00Z", "2012-06-21T16:40:00Z", 60)
                .statement("twitter", "2012-06-21T16:30:00Z", "investigating", "Looking into it.");
    }
}
