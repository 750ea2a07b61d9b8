package io.modelgate.provenance.identity;

import java.util.Collection;

/** Combining independent pieces of evidence: the chance that at least one of them is right. */
final class Scores {

    private Scores() {
    }

    static double noisyOr(Collection<Double> weights) {
        double none = 1.0;
        for (double w : weights) {
            none *= 1.0 - Math.max(0.0, Math.min(0.99, w));
        }
        return 1.0 - none;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
