package org.faithbot.verification.comparison;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

import java.util.Locale;

/**
 * An error rate with its uncertainty: failures out of requests, and the Wilson score interval of the true rate
 * (90 % two-sided, so each bound is a one-sided 95 % bound). A rate is significantly above a limit when even its lower
 * bound is: a release failing 30 % of its requests is then caught within 20 requests, while one stray error in 50 is
 * not.
 */
public record ErrorRate(long failures, long requests, double lowerPercent, double upperPercent) {

    public static ErrorRate of(long failures, long requests) {
        if (requests <= 0) {
            return new ErrorRate(failures, 0, 0, 100);
        }
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval((int) requests, (int) Math.min(failures, requests), 0.90);
        return new ErrorRate(failures, requests, Math.max(0, 100 * interval.getLowerBound()), Math.min(100, 100 * interval.getUpperBound()));
    }

    public double percent() {
        return requests == 0 ? 0 : 100.0 * failures / requests;
    }

    /** Whether the true rate is above {@code limitPercent} with 95 % confidence. */
    public boolean significantlyAbove(double limitPercent) {
        return requests > 0 && lowerPercent > limitPercent;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%.2f %% (%d of %d; 90 %% Wilson interval %.2f-%.2f %%)", percent(), failures, requests,
                lowerPercent, upperPercent);
    }
}
