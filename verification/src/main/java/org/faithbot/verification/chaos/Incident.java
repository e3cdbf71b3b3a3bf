package org.faithbot.verification.chaos;

import java.util.List;

/**
 * What the monitoring did about an experiment's fault: every alert that paged after the fault's start, timed from it (to
 * the page, to the on-call's acknowledgement, and from the fault's end to the alert no longer firing), the expected
 * alerts that never paged, and the parts of the hypothesis this judges.
 *
 * @param monitoredBy how the fault was watched (the monitoring stack and its intervals), for the evidence's conditions
 */
public record Incident(Alerting alerting, List<Paged> paged, List<String> missed, List<HypothesisCheck> checks, List<String> events,
                       String monitoredBy) {

    /**
     * One alert that paged.
     *
     * @param detectSeconds      from the fault's start to the page at the pager
     * @param acknowledgeSeconds from the fault's start to the on-call's acknowledgement; null when not acknowledged
     * @param resolveSeconds     from the fault's end (or the recovery, when later) to the alert no longer firing; null when it
     *                           still fired when the watch ended
     */
    public record Paged(String alert, String alarm, String severity, String instance, String runbook, boolean expected,
                        double detectSeconds, Double acknowledgeSeconds, Double resolveSeconds) {
    }

    public Incident {
        paged = List.copyOf(paged);
        missed = List.copyOf(missed);
        checks = List.copyOf(checks);
        events = List.copyOf(events);
    }

    public List<Paged> unexpected() {
        return paged.stream().filter(p -> !p.expected()).toList();
    }

    /** The first page of each expected alert. */
    public List<Paged> detected() {
        return paged.stream().filter(Paged::expected).toList();
    }
}
