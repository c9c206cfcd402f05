package org.outagedetector.scenario;

import org.junit.jupiter.api.Test;

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
}
