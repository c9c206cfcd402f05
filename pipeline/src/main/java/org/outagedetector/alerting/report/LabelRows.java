package org.outagedetector.alerting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Stacks marker labels in rows above the plot so that no label overlaps another and no marker line runs
 * through a label. A marker's line goes from its label's row down to the plot, so a label must stay clear of
 * every line that reaches its row, and its own line of every label in the rows below it.
 * Placing markers from the latest to the earliest builds a staircase of right-reading labels that fits
 * most incidents; a crowded one gets some labels read leftwards.
 */
final class LabelRows {

    /** Where one label went: its row (0 is nearest the plot), its horizontal extent and its line. */
    record Placement(int row, double from, double to, double lineX, boolean leftOfLine) {}

    private static final double PAD = 6;

    private final int rows;
    private final double rightEdge;
    private final List<Placement> placed = new ArrayList<>();

    LabelRows(int rows, double rightEdge) {
        this.rows = rows;
        this.rightEdge = rightEdge;
    }

    /**
     * Places a label of the given width for a line at x: to the right of its line in the lowest clear row,
     * else to the left of it (where the later markers, placed already, do not reach), else in the top row,
     * where the drawn halo keeps it legible. Near the right edge it only ever reads to the left.
     */
    Placement place(double x, double width) {
        boolean fitsRight = x + 4 + width <= rightEdge;
        for (boolean left : fitsRight ? new boolean[] {false, true} : new boolean[] {true}) {
            double from = left ? x - 4 - width : x;
            double to = left ? x : x + 4 + width;
            for (int r = 0; r < rows; r++) {
                if (clear(r, from, to, x)) {
                    return keep(new Placement(r, from, to, x, left));
                }
            }
        }
        return keep(fitsRight ? new Placement(rows - 1, x, x + 4 + width, x, false)
                : new Placement(rows - 1, x - 4 - width, x, x, true));
    }

    private Placement keep(Placement p) {
        placed.add(p);
        return p;
    }

    private boolean clear(int row, double from, double to, double lineX) {
        for (Placement p : placed) {
            boolean sameRowOverlap = p.row() == row && p.from() < to + PAD && from < p.to() + PAD;
            boolean theirLineCrossesUs = p.row() > row && p.lineX() > from - PAD && p.lineX() < to + PAD;
            boolean ourLineCrossesThem = p.row() < row && lineX > p.from() - PAD && lineX < p.to() + PAD;
            if (sameRowOverlap || theirLineCrossesUs || ourLineCrossesThem) {
                return false;
            }
        }
        return true;
    }
}
