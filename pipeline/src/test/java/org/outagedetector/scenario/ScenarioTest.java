package org.outagedetector.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTest {

    @Test
    void theGeneratorIsDeterministic() {
        Scenario a = new Scenario(Scenarios.twitter2012());
        Scenario b = new Scenario(Scenarios.twitter2012());
        assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(50_000);
        for (long i = 0; i < a.size(); i += 997) {
            assertThat(b.post(i)).isEqualTo(a.post(i));
        }
    }

    @Test
    void countsTheServicesThatPostsReportDown() {
        ScenarioSpec spec = new ScenarioSpec(Instant.parse("2024-05-06T12:00:00Z"), Duration.ofHours(1))
                .background("often", 5).background("never", 0)
                .outage("broken", "2024-05-06T12:10:00Z", "2024-05-06T12:20:00Z", 20)
                .decoy("decoyed", "2024-05-06T12:10:00Z", Duration.ofMinutes(10), 10)
                .botBurst("botted", "2024-05-06T12:30:00Z", Duration.ofMinutes(5), 2, 3);
        // A decoy says "down" in another sense, and a silent service has no posts: neither is reported down.
        assertThat(new Scenario(spec).servicesReported()).isEqualTo(3);
    }
}
