package org.outagedetector.alerting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelRowsTest {

    @Test
    void labelsFarApartShareTheRowNearestThePlot() {
        LabelRows rows = new LabelRows(4, 1000);
        assertThat(rows.place(800, 100).row()).isZero();
        assertThat(rows.place(100, 100).row()).isZero();
    }

    @Test
    void anEarlierLabelReachingOverALaterLineGoesAboveIt() {
        LabelRows rows = new LabelRows(4, 1000);
        // Placed latest first: the later marker keeps row 0, the earlier label (which would run through the
        // later line) climbs to row 1, where the later line does not reach.
        LabelRows.Placement later = rows.place(300, 120);
        LabelRows.Placement earlier = rows.place(250, 120);
        assertThat(later.row()).isZero();
        assertThat(earlier.row()).isEqualTo(1);
    }

    @Test
    void aLabelThatWouldRunOffTheChartReadsLeftOfItsLine() {
        LabelRows rows = new LabelRows(4, 1000);
        LabelRows.Placement p = rows.place(950, 120);
        assertThat(p.leftOfLine()).isTrue();
        assertThat(p.to()).isEqualTo(950);
        assertThat(p.from()).isEqualTo(950 - 4 - 120);
    }

    @Test
    void whenNoRowIsClearOnTheRightALabelReadsLeftOfItsLine() {
        LabelRows rows = new LabelRows(2, 1000);
        rows.place(400, 100);
        rows.place(350, 100);
        // Right of 300 runs through the line at 350 in row 0 and the label in row 1; left of it is free.
        LabelRows.Placement p = rows.place(300, 100);
        assertThat(p.leftOfLine()).isTrue();
        assertThat(p.row()).isZero();
    }

    @Test
    void whenNothingIsClearTheTopRowTakesIt() {
        LabelRows rows = new LabelRows(2, 1000);
        rows.place(100, 300);
        rows.place(90, 300);
        rows.place(80, 300);
        LabelRows.Placement p = rows.place(85, 300);
        assertThat(p.row()).isEqualTo(1);
        assertThat(p.leftOfLine()).isFalse();
    }
}
