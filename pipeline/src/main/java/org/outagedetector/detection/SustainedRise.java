package org.outagedetector.detection;

/**
 * The second test beside the spike: an outage whose reports build up over half an hour or more (a slow
 * degradation, a failure rolling from region to region). The one-hour level follows such a rise, so no single
 * step stands out against it. This judges the last {@link DetectorConfig#sustainedWindow} of steps together
 * against an expectation that does not follow them: the expectation as it stood when the window began, or the
 * service's seasonal profile for each step where that is higher (the profile anticipates the everyday daily
 * rise, which the frozen expectation would not; so windows are judged only once the profile knows the hour,
 * two days into a service's state).
 * <p>
 * The window's sum is judged as a negative binomial like a step's count, with a spread learned from the
 * service's own windows (how far a half hour's total strays from that frozen expectation on ordinary days,
 * daily rise and slow wander included), at the same false-alarm budget. Each step enters the sum clipped
 * as the baseline learns it, so one minute's burst cannot make a window. Like a spike, a rise opens only
 * with enough people in the step that opens it, and only above the service's own record of such windows.
 * Fixed size (two arrays of the window's steps and a few numbers). A Flink POJO.
 */
public class SustainedRise {
    /** The window's counts, oldest first, as the baseline learns them (a held surge divided out). */
    public double[] counts = new double[0];
    /** The expectation each of those steps was judged with, before any surge; the oldest is the reference. */
    public double[] usual = new double[0];
    /** Steps in the window so far, up to its length. */
    public int filled;
    /** 1 / dispersion of the window's sum around its reference, learned; 0 until learned (the prior applies). */
    public double inverseDispersion;
    /** How far above its reference the window has stood in recent days, per step. */
    public PeakRecord record = new PeakRecord();
    /** The highest excess in the current run of windows that are not calm, not yet in the record. */
    public double runPeak;

    public SustainedRise() {}

    /**
     * Adds one step. Steps nobody mentioned the service in since {@code nextMinute} are steps with zero
     * reports, judged with this step's expectation (the baseline has decayed through them).
     */
    void push(long stepStart, long nextMinute, double count, double usualNow, DetectorConfig cfg) {
        int steps = cfg.sustainedSteps();
        if (counts == null || counts.length != steps || usual == null || usual.length != steps) {
            counts = new double[steps];
            usual = new double[steps];
            filled = 0;
        }
        long missing = nextMinute == 0 ? 0 : Math.max(0, (stepStart - nextMinute) / cfg.stepMillis);
        for (long i = 0; i < Math.min(missing, steps); i++) {
            add(0, usualNow);
        }
        add(count, usualNow);
    }

    private void add(double count, double usualNow) {
        int n = counts.length;
        System.arraycopy(counts, 1, counts, 0, n - 1);
        System.arraycopy(usual, 1, usual, 0, n - 1);
        counts[n - 1] = count;
        usual[n - 1] = usualNow;
        filled = Math.min(n, filled + 1);
    }

    /** The window ending with the step that starts at {@code stepStart}, or null until it is full. */
    Window window(long stepStart, Baseline b, DetectorConfig cfg) {
        if (filled < counts.length) {
            return null;
        }
        int n = counts.length;
        double frozen = usual[0];
        double stepDispersion = b.dispersion(cfg);
        double sum = 0;
        double reference = 0;
        double last = 0;
        for (int i = 0; i < n; i++) {
            long start = stepStart - (n - 1 - i) * cfg.stepMillis;
            last = Math.max(frozen, b.seasonal(start, cfg));
            reference += last;
            sum += Math.min(counts[i], Clip.ceiling(last, stepDispersion));
        }
        return new Window(sum, reference, last, (sum - reference) / n, dispersion(cfg));
    }

    /** The negative binomial dispersion of the window's sum. */
    double dispersion(DetectorConfig cfg) {
        return inverseDispersion > 0 ? 1 / inverseDispersion : cfg.dispersion;
    }

    /** Learns the window's spread from one more window (method of moments, as {@link Baseline} does a step's). */
    void learnSpread(Window w, DetectorConfig cfg) {
        inverseDispersion = Baseline.learnInverseDispersion(inverseDispersion, w.sum, w.reference, cfg);
    }

    /**
     * One window: the sum of its clipped counts, the sum of what was expected of them without following the
     * rise, the current step's part of that expectation, the excess per step, and the sum's dispersion.
     */
    record Window(double sum, double reference, double referenceNow, double excessPerStep, double dispersion) {

        /**
         * The upper tail of the sum under its reference, by the negative binomial; 1 when the sum is within two
         * standard deviations of it, where no tail is near the thresholds it is compared with (1% and below):
         * the sum of terms is skipped for the ordinary windows.
         */
        double tailIfHigh() {
            return sum < reference + 2 * CountTail.standardDeviation(reference, dispersion) ? 1 : tail();
        }

        double tail() {
            return CountTail.atLeast((int) Math.floor(sum), reference, dispersion);
        }
    }
}
