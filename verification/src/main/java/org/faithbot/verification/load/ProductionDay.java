package org.faithbot.verification.load;

import io.gatling.javaapi.core.OpenInjectionStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * A production day compressed: {@code members} distinct members arrive over {@code length}, hour by hour along a
 * daily curve (quiet at night, a morning peak at 8 and 9, a lunchtime bump, the evening peak at 20), each hour of the
 * day taking 1/24 of the length. Exactly {@code members} arrive: each hour's share is rounded and the remainder goes
 * to the evening peak.
 */
public record ProductionDay(int members, Duration length) {

    /**
     * Relative arrivals per hour of the day, 00:00 to 23:00 (a chat and prayer app's day: evenings are busiest). A
     * day of members from every time zone is flatter than one town's: the night is half the average, the evening
     * peak one and a half times it.
     */
    static final double[] HOURLY_WEIGHTS = {
            4, 3, 2.5, 2.5, 2.5, 3, 4, 5.5, 7, 7, 6, 5.5, 6, 5.5, 5, 5, 5.5, 6, 6.5, 7, 7.5, 7, 6, 5};

    /** The busiest hour of the day (the evening peak). */
    static final int PEAK_HOUR = 20;

    public ProductionDay {
        if (members < 24 || length.toSeconds() < 24) {
            throw new IllegalArgumentException("a day needs at least 24 members and 24 s: " + members + ", " + length);
        }
    }

    /** How many members arrive in each hour of the day; they add up to {@link #members()}. */
    public int[] membersByHour() {
        double total = Arrays.stream(HOURLY_WEIGHTS).sum();
        int[] byHour = new int[24];
        int assigned = 0;
        for (int hour = 0; hour < 24; hour++) {
            byHour[hour] = (int) Math.floor(members * HOURLY_WEIGHTS[hour] / total);
            assigned += byHour[hour];
        }
        byHour[PEAK_HOUR] += members - assigned;
        return byHour;
    }

    /** How long one hour of the day lasts. */
    public Duration hour() {
        return length.dividedBy(24);
    }

    /** The arrivals per second in the busiest hour. */
    public double peakArrivalsPerSecond() {
        return membersByHour()[PEAK_HOUR] / (hour().toMillis() / 1000.0);
    }

    /** Gatling's open injection: each hour's members arriving evenly over that hour. */
    public List<OpenInjectionStep> injection() {
        List<OpenInjectionStep> steps = new ArrayList<>();
        for (int arriving : membersByHour()) {
            steps.add(rampUsers(arriving).during(hour()));
        }
        return steps;
    }

    /** The day in words, for the evidence. */
    public String describe() {
        return String.format("%,d distinct members over a day compressed into %d s (an hour every %.2f s), arriving along a daily curve"
                        + " (night %d/h, morning peak %d/h at 08:00, evening peak %d/h at 20:00; %.0f arrivals/s at the peak)",
                members, length.toSeconds(), hour().toMillis() / 1000.0, membersByHour()[3], membersByHour()[8], membersByHour()[PEAK_HOUR],
                peakArrivalsPerSecond());
    }
}
