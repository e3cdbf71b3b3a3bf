package org.faithbot.verification.chaos;

import org.faithbot.verification.local.LocalMonitoring;
import org.faithbot.verification.monitoring.LocalPager;
import org.faithbot.verification.wait.Polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The game day's on-call on the local target: Prometheus evaluates the alerting rules, Alertmanager pages the harness's
 * pager, and this acknowledges every page that names its runbook section at once (a silence through Alertmanager's API,
 * as the on-call would after reading it). After each experiment it judges the pages against the experiment's
 * {@link Alerting}: every expected alert paged within its bound (a missing one is "no alert"), no other alert paged,
 * every alert that paged stops firing within {@link #RESOLVE_WITHIN} of the fault's end; then it expires its
 * acknowledgements, closing the incident, so the next fault pages again.
 */
public final class LocalDetection implements Detection {

    /** The longest an alert may keep firing after the fault's end (or the recovery, when later). */
    static final Duration RESOLVE_WITHIN = Duration.ofSeconds(60);
    /** An alert that began this long before the fault is an earlier incident's, not this fault's. */
    private static final Duration EARLIER = Duration.ofSeconds(5);

    private final LocalMonitoring monitoring;
    private final AutoCloseable subscription;
    private final Map<String, CompletableFuture<LocalMonitoring.Acknowledgement>> acknowledgements = new ConcurrentHashMap<>();

    public LocalDetection(LocalMonitoring monitoring) {
        this.monitoring = monitoring;
        this.subscription = monitoring.pager().onPage(this::onCall);
    }

    private void onCall(LocalPager.Page page) {
        if (page.firing() && page.runbook().startsWith("docs/runbooks/")) {
            acknowledgements.computeIfAbsent(key(page), k -> CompletableFuture.supplyAsync(() -> monitoring.acknowledge(page, Incident.SC_OPS_1),
                    r -> Thread.ofVirtual().start(r)));
        }
    }

    private static String key(LocalPager.Page page) {
        return page.alertName() + "|" + page.instance() + "|" + page.startsAt();
    }

    @Override
    public Incident judge(ExperimentResult result) {
        Experiment experiment = result.experiment();
        Alerting alerting = experiment.alerting();
        Instant start = result.faultStart();
        String monitoredBy = "Prometheus scraping every instance every 2 s and evaluating the alerting rules every 2 s (monitoring/alert-rules.yml),"
                + " Alertmanager paging the harness (group_wait 1 s), the on-call acknowledging each page that names its runbook";
        if (alerting == null) {
            return Incident.undeclared(experiment, monitoredBy);
        }
        for (String name : alerting.expected()) {
            Duration left = Duration.between(Instant.now(), start.plus(alerting.detectWithin()));
            if (!left.isNegative()) {
                monitoring.pager().await(start, p -> p.firing() && p.alertName().equals(name), left);
            }
        }
        Map<String, LocalPager.Page> first = new LinkedHashMap<>();
        for (LocalPager.Page page : monitoring.pager().pages()) {
            if (page.firing() && !page.receivedAt().isBefore(start) && (page.startsAt() == null || !page.startsAt().isBefore(start.minus(EARLIER)))) {
                first.putIfAbsent(page.alertName() + "|" + page.instance(), page);
            }
        }
        Instant ended = result.faultEnd();
        if (result.mttrSeconds() != null && start.plusMillis(Math.round(result.mttrSeconds() * 1000)).isAfter(ended)) {
            ended = start.plusMillis(Math.round(result.mttrSeconds() * 1000));
        }
        Map<String, Instant> resolved = awaitResolved(first.values().stream().map(LocalPager.Page::alertName).distinct().toList(), ended);
        List<Incident.Paged> paged = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (LocalPager.Page page : first.values()) {
            Optional<LocalMonitoring.Acknowledgement> ack = acknowledgement(page);
            Instant resolvedAt = resolved.get(page.alertName());
            paged.add(new Incident.Paged(page.alertName(), page.alarm(), page.severity(), page.instance(), page.runbook(),
                    alerting.expected().contains(page.alertName()), seconds(start, page.receivedAt()),
                    ack.map(a -> seconds(start, a.at())).orElse(null), resolvedAt == null ? null : Math.max(0, seconds(ended, resolvedAt))));
            events.add(page.receivedAt() + " paged: " + page.alertName() + (page.instance().isEmpty() ? "" : " " + page.instance())
                    + " (" + page.severity() + ", alarm " + page.alarm() + ", runbook " + page.runbook() + ")");
            ack.ifPresent(a -> events.add(a.at() + " acknowledged by the on-call: " + page.alertName()));
            if (resolvedAt != null) {
                events.add(resolvedAt + " resolved: " + page.alertName() + " no longer firing");
            }
        }
        closeIncidents();
        List<String> missed = alerting.expected().stream().filter(name -> paged.stream().noneMatch(p -> p.alert().equals(name))).toList();
        return Incident.judged(alerting, paged, missed, events, monitoredBy, RESOLVE_WITHIN, true);
    }

    /** When each alert stopped firing in Prometheus, waiting up to {@link #RESOLVE_WITHIN} after {@code ended}. */
    private Map<String, Instant> awaitResolved(List<String> alerts, Instant ended) {
        Map<String, Instant> resolved = new LinkedHashMap<>();
        Duration left = Duration.between(Instant.now(), ended.plus(RESOLVE_WITHIN));
        if (left.isNegative() || left.isZero()) {
            noteResolved(alerts, resolved); // looked at once, even late
        } else {
            Polling.until(left, Duration.ofMillis(250), () -> noteResolved(alerts, resolved));
        }
        return resolved;
    }

    /** Notes when each alert not yet resolved is seen resolved; whether all are now. */
    private boolean noteResolved(List<String> alerts, Map<String, Instant> resolved) {
        for (String alert : alerts) {
            if (!resolved.containsKey(alert) && !monitoring.firing(alert) && monitoring.prometheusAnswers()) {
                resolved.put(alert, Instant.now());
            }
        }
        return resolved.size() == alerts.size();
    }

    private Optional<LocalMonitoring.Acknowledgement> acknowledgement(LocalPager.Page page) {
        CompletableFuture<LocalMonitoring.Acknowledgement> pending = acknowledgements.get(key(page));
        if (pending == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(pending.get(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Expires every acknowledgement: the incidents are closed, and the same alerts page again for the next fault. */
    private void closeIncidents() {
        for (var entry : acknowledgements.entrySet()) {
            entry.getValue().thenAccept(monitoring::expire);
        }
        acknowledgements.clear();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener does not fail
        }
        closeIncidents();
    }
}
