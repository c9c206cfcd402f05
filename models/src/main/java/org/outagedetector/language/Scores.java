package org.outagedetector.language;

import java.util.Locale;
import java.util.Objects;

/** Precision, recall and F1 of outage detection, and how often the service is right on true positives. */
final class Scores {

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int trueNegatives;
    private int servicesRight;
    private int servicesJudged;

    void add(LabeledPost gold, boolean outage, String service) {
        if (outage && gold.outage()) {
            truePositives++;
            if (gold.service() != null) {
                servicesJudged++;
                if (Objects.equals(gold.service(), service)) {
                    servicesRight++;
                }
            }
        } else if (outage) {
            falsePositives++;
        } else if (gold.outage()) {
            falseNegatives++;
        } else {
            trueNegatives++;
        }
    }

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double serviceAccuracy() {
        return ratio(servicesRight, servicesJudged);
    }

    int posts() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** One Markdown table row. */
    String row(String file, String system) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |", file, system, posts(),
                precision(), recall(), f1(), serviceAccuracy());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
