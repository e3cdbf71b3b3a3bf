package org.faithbot.verification.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the monitoring did about an experiment's fault: every alert that paged after the fault's start, timed from it (to
 * the page, to the on-call's acknowledgement, and from the fault's end to the alert no longer firing), the expected
 * alerts that never paged, and the parts of the hypothesis this judges.
 *
 * @param monitoredBy   how the fault was watched (the monitoring stack and its intervals), for the evidence's conditions
 * @param resolveWithin the longest an alert may keep firing after the fault's end (or the recovery, when later)
 */
public record Incident(Alerting alerting, List<Paged> paged, List<String> missed, List<HypothesisCheck> checks, List<String> events,
                       String monitoredBy, Duration resolveWithin) {

    /** SC-OPS-1: a critical incident answered within 15 minutes. */
    public static final Duration SC_OPS_1 = Duration.ofMinutes(15);

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

    /**
     * The incident judged: every expected alert paged within its bound naming its runbook section (a missing one is "no
     * alert"), acknowledged within SC-OPS-1's 15 minutes where the acknowledgement is read, no other alert paged, every
     * alert that paged resolved within {@code resolveWithin}.
     */
    public static Incident judged(Alerting alerting, List<Paged> paged, List<String> missed, List<String> events, String monitoredBy,
                                  Duration resolveWithin, boolean acknowledgementRead) {
        return new Incident(alerting, paged, missed, checks(alerting, paged, missed, resolveWithin, acknowledgementRead), events, monitoredBy,
                resolveWithin);
    }

    /** An experiment that does not say what its fault must page: judged broken, as a missing expectation cannot pass. */
    public static Incident undeclared(Experiment experiment, String monitoredBy) {
        return new Incident(null, List.of(), List.of(), List.of(new HypothesisCheck("the experiment declares the alerts its fault must page",
                "chaos-experiments/" + experiment.id() + ".json has no \"alerting\"", false)), List.of(), monitoredBy, Duration.ZERO);
    }

    private static List<HypothesisCheck> checks(Alerting alerting, List<Incident.Paged> paged, List<String> missed, Duration resolveWithin,
                                                boolean acknowledgementRead) {
        List<HypothesisCheck> checks = new ArrayList<>();
        long within = alerting.detectWithin().toSeconds();
        for (String name : alerting.expected()) {
            Optional<Incident.Paged> page = paged.stream().filter(p -> p.alert().equals(name)).findFirst();
            checks.add(new HypothesisCheck(String.format("the fault is detected: %s pages within %d s of its start, naming its runbook section", name, within),
                    page.map(p -> String.format("paged %.1f s after the fault's start (runbook %s)", p.detectSeconds(), p.runbook()))
                            .orElse("no alert: " + name + " did not page within " + within + " s"),
                    page.isPresent() && page.get().detectSeconds() <= within && page.get().runbook().startsWith("docs/runbooks/")));
            page.filter(p -> acknowledgementRead).ifPresent(p -> checks.add(new HypothesisCheck(String.format("the on-call acknowledges %s within SC-OPS-1's 15 min", name),
                    p.acknowledgeSeconds() == null ? "not acknowledged" : String.format("acknowledged %.1f s after the fault's start", p.acknowledgeSeconds()),
                    p.acknowledgeSeconds() != null && p.acknowledgeSeconds() < SC_OPS_1.toSeconds())));
        }
        Map<Boolean, List<Incident.Paged>> notExpected = paged.stream().filter(p -> !p.expected())
                .collect(Collectors.partitioningBy(p -> alerting.tolerates(p.alert())));
        List<Incident.Paged> others = notExpected.get(false);
        List<Incident.Paged> tolerated = notExpected.get(true);
        String mayPage = alerting.tolerated().isEmpty() ? "" : " (" + String.join(", ", alerting.tolerated()) + " may page or not)";
        checks.add(new HypothesisCheck((alerting.silent() ? "no alert pages: the service absorbs the fault" + mayPage + " (" + alerting.why() + ")"
                : "no alert pages but " + String.join(", ", alerting.expected()) + mayPage),
                (others.isEmpty() ? "none other paged" : "paged: " + describe(others))
                        + (tolerated.isEmpty() ? "" : "; tolerated: " + describe(tolerated)), others.isEmpty()));
        if (!paged.isEmpty()) {
            checks.add(new HypothesisCheck(String.format("every alert that paged resolves within %d s of the fault's end", resolveWithin.toSeconds()),
                    String.join("; ", paged.stream().map(p -> p.alert() + (p.resolveSeconds() == null ? " still firing"
                            : String.format(" resolved %.1f s after", p.resolveSeconds()))).toList()),
                    paged.stream().allMatch(p -> p.resolveSeconds() != null)));
        }
        if (!missed.isEmpty()) {
            checks.add(new HypothesisCheck("no missed alert", "no alert: " + missed, false));
        }
        return checks;
    }

    private static List<String> describe(List<Paged> pages) {
        return pages.stream().map(p -> p.alert() + (p.instance().isEmpty() ? "" : " " + p.instance()) + String.format(" after %.1f s", p.detectSeconds()))
                .toList();
    }

    /** The pages neither expected nor tolerated. */
    public List<Paged> unexpected() {
        return paged.stream().filter(p -> !p.expected() && (alerting == null || !alerting.tolerates(p.alert()))).toList();
    }

    /** The first page of each expected alert. */
    public List<Paged> detected() {
        return paged.stream().filter(Paged::expected).toList();
    }
}
