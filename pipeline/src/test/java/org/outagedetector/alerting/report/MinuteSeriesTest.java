package org.outagedetector.alerting.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outagedetector.alerting.report.ReportFixtures.at;
import static org.outagedetector.alerting.report.ReportFixtures.point;

class MinuteSeriesTest {

    @TempDir
    Path dir;

    @Test
    void missingMinutesAreZeroAuthorsWithTheNeighboursBaseline() {
        MinuteSeries s = new MinuteSeries("twitter", at("16:00"), at("16:06"));
        s.accept(point("twitter", "16:01", 3, 2.5, 6));
        s.accept(point("twitter", "16:03", 9, 4.0, 8));
        s.fillGaps();

        assertThat(s.size()).isEqualTo(6);
        // Before the first judged minute: the next judged minute's baseline.
        assertThat(s.authors(0)).isZero();
        assertThat(s.expected(0)).isEqualTo(2.5);
        assertThat(s.bandTop(0)).isEqualTo(6);
        assertThat(s.judged(0)).isFalse();
        assertThat(s.authors(1)).isEqualTo(3);
        // A gap between judged minutes, and the tail after the last: the previous judged minute's baseline.
        assertThat(s.authors(2)).isZero();
        assertThat(s.expected(2)).isEqualTo(2.5);
        assertThat(s.authors(3)).isEqualTo(9);
        assertThat(s.authors(5)).isZero();
        assertThat(s.expected(5)).isEqualTo(4.0);
        assertThat(s.bandTop(5)).isEqualTo(8);
    }

    @Test
    void aWindowWithoutAnyPointIsAllZeros() {
        MinuteSeries s = new MinuteSeries("twitter", at("16:00"), at("16:03"));
        s.fillGaps();
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.authors(i)).isZero();
            assertThat(s.expected(i)).isZero();
        }
    }

    @Test
    void keepsOnlyItsServiceInsideItsWindow() throws Exception {
        MinuteSeries twitter = new MinuteSeries("twitter", at("16:00"), at("16:05"));
        MinuteSeries laterTwitter = new MinuteSeries("twitter", at("16:03"), at("16:10"));
        MinuteSeries tumblr = new MinuteSeries("tumblr", at("16:00"), at("16:05"));
        Path file = ReportFixtures.pointsFile(dir, List.of(
                point("twitter", "15:59", 50, 1, 3),
                point("gmail", "16:01", 70, 1, 3),
                point("twitter", "16:04", 7, 1, 3),
                point("twitter", "16:05", 60, 1, 3),
                point("tumblr", "16:02", 5, 1, 3)));

        MinutePointsFile.readInto(file, List.of(twitter, laterTwitter, tumblr));

        assertThat(twitter.authors(4)).isEqualTo(7);
        assertThat(java.util.stream.IntStream.range(0, 5).map(twitter::authors).sum()).isEqualTo(7);
        // Overlapping windows of one service both get the point they share.
        assertThat(laterTwitter.authors(1)).isEqualTo(7);
        assertThat(laterTwitter.authors(2)).isEqualTo(60);
        assertThat(java.util.stream.IntStream.range(0, 5).map(tumblr::authors).sum()).isEqualTo(5);
    }

    @Test
    void rejectsWindowsThatAreNotWholeMinutes() {
        assertThatThrownBy(() -> new MinuteSeries("x", at("16:00") + 1, at("16:05")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
