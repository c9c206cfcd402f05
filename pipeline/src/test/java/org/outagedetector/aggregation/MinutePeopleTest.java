package org.outagedetector.aggregation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MinutePeopleTest {

    private static MinutePeople crowd(int from, int to) {
        MinutePeople sketch = new MinutePeople(0);
        for (int i = from; i < to; i++) {
            sketch.add(Long.toString(1_000_000_007L + i));
        }
        return sketch;
    }

    @Test
    void estimatesCrowdsOfEverySizeWithinItsError() {
        assertThat(new MinutePeople(0).estimate()).isZero();
        for (int n : new int[] {1, 10, 100, 1_000, 5_000, 12_000, 50_000, 300_000, 2_000_000}) {
            // Three standard errors, and half a person for the smallest crowds.
            assertThat(crowd(0, n).estimate()).as("%d people", n)
                    .isCloseTo(n, within(3 * MinutePeople.RELATIVE_ERROR * n + 0.5));
        }
    }

    @Test
    void countsPeopleNotPosts() {
        MinutePeople sketch = crowd(0, 1_000);
        double before = sketch.estimate();
        for (int i = 0; i < 100_000; i++) {
            sketch.add("bot-1");
        }
        assertThat(sketch.estimate() - before).isCloseTo(1, within(1.0));
        for (int i = 0; i < 1_000; i++) {
            sketch.add(Long.toString(1_000_000_007L + i));
        }
        assertThat(sketch.estimate() - before).isCloseTo(1, within(1.0));
    }

    @Test
    void mergedSketchesCountTheUnionOnce() {
        // Two subtasks saw overlapping crowds (the same people post through both partitions).
        MinutePeople a = crowd(0, 30_000);
        MinutePeople b = crowd(20_000, 50_000);
        a.merge(b);
        assertThat(a.estimate()).isCloseTo(50_000, within(3 * MinutePeople.RELATIVE_ERROR * 50_000));
        // The same as one sketch of everyone: merging loses nothing.
        assertThat(a.registers).isEqualTo(crowd(0, 50_000).registers);
    }

    @Test
    void similarIdsSpreadOverTheRegisters() {
        // Sequential ids differ in one character: the hash must still fill the registers evenly.
        MinutePeople sketch = new MinutePeople(0);
        for (int i = 0; i < 40_960; i++) {
            sketch.add("u" + i);
        }
        long empty = 0;
        for (byte r : sketch.registers) {
            empty += r == 0 ? 1 : 0;
        }
        // Ten people per register: about e^-10 of them stay empty.
        assertThat(empty).isLessThan(5);
        assertThat(sketch.estimate()).isCloseTo(40_960, within(3 * MinutePeople.RELATIVE_ERROR * 40_960));
    }
}
