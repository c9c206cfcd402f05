package org.outagedetector.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outagedetector.scenario.Scenario;
import org.outagedetector.scenario.ScenarioSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void interleavedReadersEachTakeEveryNthPostAndTogetherAllOfThemOnce(int readers) {
        Scenario scenario = new Scenario(
                new ScenarioSpec(Instant.parse("2012-06-21T14:00:00Z"), Duration.ofMinutes(30)).chatter(7.3));
        long size = scenario.size();
        Sources.Interleaved interleaved = new Sources.Interleaved(scenario, readers);

        // The generator's blocks: contiguous, the first size % readers of them one longer.
        Set<Long> posts = new HashSet<>();
        long index = 0;
        for (int block = 0; block < readers; block++) {
            long length = size / readers + (block < size % readers ? 1 : 0);
            for (long offset = 0; offset < length; offset++, index++) {
                long post = interleaved.postOf(index);
                assertThat(post).isEqualTo(offset * readers + block);
                posts.add(post);
            }
        }
        assertThat(index).isEqualTo(size);
        assertThat(posts).hasSize((int) size).allSatisfy(p -> assertThat(p).isBetween(0L, size - 1));
    }
}
