package org.outagedetector.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PeakRecordTest {

    private static final long HOUR = 3_600_000L;
    private final DetectorConfig cfg = DetectorConfig.defaults();

    @Test
    void aNewServiceHasNoRecord() {
        assertThat(new PeakRecord().at(1_000 * HOUR, cfg)).isZero();
    }

    @Test
    void theRecordHoldsForADayThenHalvesEveryHalfLife() {
        PeakRecord r = new PeakRecord();
        r.learn(0, 80, cfg);
        long hold = (long) (cfg.peakRecordHoldHours * HOUR);
        long halfLife = (long) (cfg.peakRecordHalfLifeHours * HOUR);
        assertThat(r.at(0, cfg)).isEqualTo(80.0);
        assertThat(r.at(hold, cfg)).isEqualTo(80.0);
        assertThat(r.at(hold + halfLife, cfg)).isCloseTo(40.0, within(1e-9));
        assertThat(r.at(hold + 2 * halfLife, cfg)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void onlyAHigherMarkThanTheDecayedRecordReplacesIt() {
        PeakRecord r = new PeakRecord();
        r.learn(0, 80, cfg);
        r.learn(HOUR, 10, cfg);                     // lower: the record stands
        assertThat(r.at(HOUR, cfg)).isGreaterThan(79.0);
        long later = (long) ((cfg.peakRecordHoldHours + cfg.peakRecordHalfLifeHours) * HOUR);
        r.learn(later, 50, cfg);                    // above the decayed 40: a new record, from now
        assertThat(r.at(later, cfg)).isEqualTo(50.0);
        assertThat(r.peakAt).isEqualTo(later);
    }
}
