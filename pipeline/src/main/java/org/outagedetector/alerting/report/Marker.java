package org.outagedetector.alerting.report;

import java.util.Locale;

/** A moment in an incident worth a vertical line on its chart. */
record Marker(Kind kind, long at) {

    enum Kind {
        OPENED("alert opened", "#d62728"),
        RECURRED("came back", "#e8710a"),
        SUBSIDED("subsided", "#7b8794"),
        OFFICIAL_ACK("official statement", "#1d4ed8"),
        RESOLVED("resolved", "#1a7f37");

        final String label;
        final String color;

        Kind(String label, String color) {
            this.label = label;
            this.color = color;
        }

        /** The name tests and stylesheets find the marker by. */
        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    String label() {
        return kind.label + " " + ReportFormat.clock(at);
    }
}
