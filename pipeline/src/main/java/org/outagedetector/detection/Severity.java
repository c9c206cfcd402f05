package org.outagedetector.detection;

/** How bad an incident is, from the size of the crowd and how far above its baseline it is. */
public final class Severity {
    public static final String MINOR = "minor";
    public static final String MAJOR = "major";
    public static final String CRITICAL = "critical";

    private Severity() {}

    public static String of(int authors, double expected, DetectorConfig cfg) {
        double ratio = authors / Math.max(expected, cfg.priorRate);
        if (authors >= cfg.criticalAuthors && ratio >= cfg.criticalRatio) {
            return CRITICAL;
        }
        if (authors >= cfg.majorAuthors && ratio >= cfg.majorRatio) {
            return MAJOR;
        }
        return MINOR;
    }

    public static int rank(String severity) {
        return switch (severity) {
            case CRITICAL -> 2;
            case MAJOR -> 1;
            default -> 0;
        };
    }
}
