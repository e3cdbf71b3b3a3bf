package org.faithbot.verification.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Outages over a window, from the load balancer's periods: an incident is a run of consecutive down periods (see
 * {@link MetricPeriod#down}); one still running at the window's end is open. Mean time to recovery is the mean incident
 * length (to the period, 5 minutes); mean time between failures is the time up divided by the incidents, and with none
 * it is the whole window (a lower bound).
 */
public record Incidents(OperationWindow window, List<Incident> incidents) {

    public record Incident(Instant start, Instant end, boolean open) {
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    public static Incidents of(Availability availability) {
        OperationWindow window = availability.window();
        Duration period = availability.period();
        List<Instant> downStarts = new ArrayList<>(availability.down().stream().map(MetricPeriod::start).toList());
        // periods CloudWatch returned nothing for are down too (Availability counts them)
        java.util.Set<Instant> measured = new java.util.HashSet<>(availability.measuredStarts());
        for (Instant at = window.from(); at.isBefore(window.to()); at = at.plus(period)) {
            if (!measured.contains(at)) {
                downStarts.add(at);
            }
        }
        downStarts.sort(Comparator.naturalOrder());
        List<Incident> incidents = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        for (Instant at : downStarts) {
            if (start != null && at.equals(end)) {
                end = at.plus(period);
                continue;
            }
            if (start != null) {
                incidents.add(new Incident(start, end, false));
            }
            start = at;
            end = at.plus(period);
        }
        if (start != null) {
            incidents.add(new Incident(start, end, !end.isBefore(window.to())));
        }
        return new Incidents(window, List.copyOf(incidents));
    }

    public int count() {
        return incidents.size();
    }

    public Duration downtime() {
        return incidents.stream().map(Incident::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Mean time to recovery in minutes (NaN with no incident). */
    public double mttrMinutes() {
        return incidents.isEmpty() ? Double.NaN : downtime().toSeconds() / 60.0 / incidents.size();
    }

    /** Mean time between failures in hours: the time up over the incidents; with none, the whole window (a lower bound). */
    public double mtbfHours() {
        double up = window.hours() - downtime().toSeconds() / 3600.0;
        return incidents.isEmpty() ? up : up / incidents.size();
    }

    public String describe() {
        if (incidents.isEmpty()) {
            return "no outage over " + window;
        }
        StringBuilder text = new StringBuilder(incidents.size() + " outage(s) over " + window + ":");
        incidents.stream().limit(20).forEach(i -> text.append(" [").append(i.start()).append(" for ").append(i.duration().toMinutes())
                .append(" min").append(i.open() ? ", still open" : "").append(']'));
        return incidents.size() > 20 ? text.append(" ...").toString() : text.toString();
    }
}
