package org.outagedetector.alerting.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.outagedetector.alerting.report.ChartFrame.num;

/**
 * The incident as outage sites draw it, in inline SVG: distinct authors per minute as bars (red above the
 * normal band), the baseline's expected line and shaded normal band, the incident span, and labeled vertical
 * markers for its opening, returns, official statement and resolution.
 */
final class IncidentChart {

    private static final String BAR = "#9aa5b1";
    private static final String BAR_ABOVE = "#d9534f";
    private static final String BAND = "#dbe7f3";
    private static final String EXPECTED = "#2f5d9b";
    private static final String INCIDENT = "#fdeeee";
    private static final int LABEL_ROWS = 4;
    private static final int LABEL_ROW_HEIGHT = 16;
    /** Label widths are estimated: 12 px sans-serif averages under 7 px a character. */
    private static final double CHAR_WIDTH = 6.8;
    /** Legend text is regular weight, a little narrower than the bold labels. */
    private static final double LEGEND_CHAR_WIDTH = 6.1;

    private final IncidentSummary incident;
    private final MinuteSeries series;
    private final ChartFrame frame;

    IncidentChart(IncidentSummary incident, MinuteSeries series) {
        this.incident = incident;
        this.series = series;
        double largest = incident.peakAuthors();
        for (int i = 0; i < series.size(); i++) {
            largest = Math.max(largest, Math.max(series.authors(i), series.bandTop(i)));
        }
        this.frame = new ChartFrame(series.start(), series.end(), largest);
    }

    ChartFrame frame() {
        return frame;
    }

    String svg() {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(ChartFrame.WIDTH).append(' ').append(ChartFrame.HEIGHT).append("\" width=\"")
                .append(ChartFrame.WIDTH).append("\" height=\"").append(ChartFrame.HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(Html.escape(incident.service()))
                .append(": distinct authors per minute saying it is down, against its baseline</title>\n");
        sb.append(String.format("<rect class=\"plot\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"#ffffff\" stroke=\"#cbd2d9\"/>%n",
                num(frame.plotLeft()), num(frame.plotTop()), num(frame.plotWidth()), num(frame.plotHeight())));
        incidentSpan(sb);
        countAxis(sb);
        band(sb);
        bars(sb);
        expectedLine(sb);
        timeAxis(sb);
        markers(sb);
        legend(sb);
        return sb.append("</svg>\n").toString();
    }

    private void incidentSpan(StringBuilder sb) {
        double from = clampX(frame.x(incident.startedAt()));
        double to = clampX(incident.resolved() ? frame.x(incident.resolvedAt()) : frame.plotRight());
        sb.append(String.format("<rect class=\"incident\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>%n",
                num(from), num(frame.plotTop()), num(Math.max(0, to - from)), num(frame.plotHeight()), INCIDENT));
    }

    private void countAxis(StringBuilder sb) {
        for (int v : frame.countTicks()) {
            double y = frame.y(v);
            sb.append(String.format("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#e4e7eb\"/>"
                            + "<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"#52606d\">%d</text>%n",
                    num(frame.plotLeft()), num(y), num(frame.plotRight()), num(y),
                    num(frame.plotLeft() - 8), num(y + 4), v));
        }
        double midY = frame.plotTop() + frame.plotHeight() / 2;
        sb.append(String.format("<text x=\"18\" y=\"%s\" text-anchor=\"middle\" fill=\"#323f4b\" "
                        + "transform=\"rotate(-90 18 %s)\">distinct authors per minute</text>%n", num(midY), num(midY)));
    }

    /** The normal band, shaded from zero up to its top, one step per minute. */
    private void band(StringBuilder sb) {
        StringBuilder d = new StringBuilder("M").append(num(frame.x(series.start()))).append(',')
                .append(num(frame.plotBottom()));
        for (int i = 0; i < series.size(); i++) {
            double y = frame.y(series.bandTop(i));
            d.append(" L").append(num(frame.x(series.minuteStart(i)))).append(',').append(num(y))
                    .append(" L").append(num(frame.x(series.minuteStart(i) + MinuteSeries.MINUTE))).append(',')
                    .append(num(y));
        }
        d.append(" L").append(num(frame.x(series.end()))).append(',').append(num(frame.plotBottom())).append(" Z");
        sb.append("<path class=\"band\" d=\"").append(d).append("\" fill=\"").append(BAND)
                .append("\" fill-opacity=\"0.85\"/>\n");
    }

    private void bars(StringBuilder sb) {
        double minuteWidth = frame.plotWidth() / series.size();
        // A hairline gap keeps neighbouring bars apart where there is room for one.
        double gap = minuteWidth > 3 ? 0.6 : 0;
        for (int i = 0; i < series.size(); i++) {
            int v = series.authors(i);
            if (v == 0) {
                continue;
            }
            double y = frame.y(v);
            sb.append(String.format("<rect class=\"bar\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>%n",
                    num(frame.x(series.minuteStart(i)) + gap / 2), num(y), num(Math.max(0.5, minuteWidth - gap)),
                    num(frame.plotBottom() - y), v > series.bandTop(i) ? BAR_ABOVE : BAR));
        }
    }

    private void expectedLine(StringBuilder sb) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            points.append(num(frame.x(series.minuteStart(i) + MinuteSeries.MINUTE / 2))).append(',')
                    .append(num(frame.y(series.expected(i)))).append(' ');
        }
        sb.append("<polyline class=\"expected\" points=\"").append(points.toString().trim())
                .append("\" fill=\"none\" stroke=\"").append(EXPECTED).append("\" stroke-width=\"1.6\"/>\n");
    }

    private void timeAxis(StringBuilder sb) {
        double bottom = frame.plotBottom();
        sb.append(String.format("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#323f4b\"/>%n",
                num(frame.plotLeft()), num(bottom), num(frame.plotRight()), num(bottom)));
        for (long t : frame.timeTicks()) {
            double x = frame.x(t);
            sb.append(String.format("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#323f4b\"/>"
                            + "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#52606d\">%s</text>%n",
                    num(x), num(bottom), num(x), num(bottom + 5), num(x), num(bottom + 19), ReportFormat.clock(t)));
        }
        String days = ReportFormat.day(series.start()).equals(ReportFormat.day(series.end() - 1))
                ? ReportFormat.day(series.start())
                : ReportFormat.day(series.start()) + " to " + ReportFormat.day(series.end() - 1);
        sb.append(String.format("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#323f4b\">time (UTC), %s</text>%n",
                num(frame.plotLeft() + frame.plotWidth() / 2), num(bottom + 40), days));
    }

    /**
     * A dashed vertical line per marker, labeled above the plot (rows from {@link LabelRows}). Lines are drawn
     * before labels, and labels carry a white halo, so a label stays legible even where rows run out.
     */
    private void markers(StringBuilder sb) {
        LabelRows rows = new LabelRows(LABEL_ROWS, ChartFrame.WIDTH - 2);
        StringBuilder lines = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        List<Marker> latestFirst = new ArrayList<>(incident.markers());
        Collections.reverse(latestFirst);
        for (Marker m : latestFirst) {
            double x = frame.x(m.at());
            if (x < frame.plotLeft() || x > frame.plotRight()) {
                continue;
            }
            String label = m.label();
            LabelRows.Placement p = rows.place(x, label.length() * CHAR_WIDTH);
            double labelY = frame.plotTop() - 8 - p.row() * LABEL_ROW_HEIGHT;
            lines.append(String.format("<g class=\"marker\" data-kind=\"%s\"><line x1=\"%s\" y1=\"%s\" x2=\"%s\" "
                            + "y2=\"%s\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/></g>%n",
                    m.kind().id(), num(x), num(labelY + 4), num(x), num(frame.plotBottom()), m.kind().color));
            labels.append(String.format("<g class=\"marker-label\" data-kind=\"%s\"><text x=\"%s\" y=\"%s\" "
                            + "text-anchor=\"%s\" fill=\"%s\" font-weight=\"bold\" stroke=\"#ffffff\" "
                            + "stroke-width=\"4\" paint-order=\"stroke\">%s</text></g>%n",
                    m.kind().id(), num(p.leftOfLine() ? x - 4 : x + 4), num(labelY), p.leftOfLine() ? "end" : "start",
                    m.kind().color, Html.escape(label)));
        }
        sb.append(lines).append(labels);
    }

    private void legend(StringBuilder sb) {
        record Item(String swatch, String text) {}
        List<Item> items = new ArrayList<>();
        items.add(new Item(rect(BAR), "people saying it is down, per minute"));
        items.add(new Item(rect(BAR_ABOVE), "above the normal band"));
        items.add(new Item("<line x1=\"0\" y1=\"6\" x2=\"16\" y2=\"6\" stroke=\"" + EXPECTED + "\" stroke-width=\"2\"/>",
                "expected by the baseline"));
        items.add(new Item(rect(BAND), "normal band"));
        items.add(new Item("<rect width=\"14\" height=\"12\" fill=\"" + INCIDENT + "\" stroke=\"#f3b8b8\"/>",
                "incident (start to resolution)"));
        double x = frame.plotLeft();
        double y = frame.plotBottom() + 62;
        sb.append("<g class=\"legend\">\n");
        for (Item item : items) {
            sb.append(String.format("<g transform=\"translate(%s %s)\">%s<text x=\"21\" y=\"11\" fill=\"#323f4b\">%s</text></g>%n",
                    num(x), num(y), item.swatch(), Html.escape(item.text())));
            x += 21 + item.text().length() * LEGEND_CHAR_WIDTH + 26;
        }
        sb.append("</g>\n");
    }

    private static String rect(String color) {
        return "<rect width=\"14\" height=\"12\" fill=\"" + color + "\"/>";
    }

    private double clampX(double x) {
        return Math.max(frame.plotLeft(), Math.min(frame.plotRight(), x));
    }
}
