package org.faithbot.verification.chaos;

import org.faithbot.verification.monitoring.AlertRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Detection in staging: the CloudWatch alarms the experiment's expected alerts stand for (each local alerting rule names
 * its alarm key; the alarm is {@code <name prefix>-<key>}), read back from CloudWatch's alarm history after the
 * fault. Time to detect is the alarm's change into ALARM after the fault's start; time to resolve its change out of it
 * after the fault's end. The acknowledgement is the pager's (SNS to the on-call's paging service), which CloudWatch does
 * not hold: it is not judged here. Every alarm of the rules that went into ALARM during the experiment and is not
 * expected counts as unexpected.
 */
public final class AlarmHistoryDetection implements Detection {

    /** CloudWatch's 60 s periods, up to three datapoints, and SNS: a page within 5 minutes leaves SC-OPS-1's 15 to the on-call. */
    static final Duration DETECT_WITHIN = Duration.ofMinutes(5);
    static final Duration RESOLVE_WITHIN = Duration.ofMinutes(10);

    private final AlarmHistory history;
    private final String namePrefix;
    private final AlertRules rules;
    private final Duration poll;
    private final Clock clock;

    public AlarmHistoryDetection(AlarmHistory history, String namePrefix, AlertRules rules, Duration poll, Clock clock) {
        this.history = history;
        this.namePrefix = namePrefix;
        this.rules = rules;
        this.poll = poll;
        this.clock = clock;
    }

    private String alarmName(String key) {
        return namePrefix + "-" + key;
    }

    @Override
    public Incident judge(ExperimentResult result) {
        Experiment experiment = result.experiment();
        String monitoredBy = "CloudWatch alarm history of the " + namePrefix + " alarms (DescribeAlarmHistory, state updates), read every "
                + poll.toSeconds() + " s; the acknowledgement is the paging service's, not read here";
        Alerting alerting = experiment.alerting();
        if (alerting == null) {
            return Incident.undeclared(experiment, monitoredBy);
        }
        Instant start = result.faultStart();
        Instant ended = result.faultEnd();
        Duration detectWithin = alerting.detectWithin().compareTo(DETECT_WITHIN) > 0 ? alerting.detectWithin() : DETECT_WITHIN;
        List<String> expectedAlarms = alerting.expected().stream().map(alert -> rules.byAlert(alert).map(AlertRules.Rule::alarm).orElse(alert)).toList();

        // wait for every expected alarm into ALARM, then for every alarm that went into it to come out
        List<AlarmHistory.Transition> seen = read(start);
        while (!expectedAlarms.stream().allMatch(key -> first(seen, key, start, true).isPresent()) && clock.instant().isBefore(start.plus(detectWithin))) {
            ChaosEngine.sleep(poll);
            seen.clear();
            seen.addAll(read(start));
        }
        while (rules.all().stream().anyMatch(rule -> first(seen, rule.alarm(), start, true).isPresent()
                && first(seen, rule.alarm(), first(seen, rule.alarm(), start, true).get().at(), false).isEmpty())
                && clock.instant().isBefore(ended.plus(RESOLVE_WITHIN))) {
            ChaosEngine.sleep(poll);
            seen.clear();
            seen.addAll(read(start));
        }

        List<Incident.Paged> paged = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (AlertRules.Rule rule : rules.all()) {
            Optional<AlarmHistory.Transition> into = first(seen, rule.alarm(), start, true);
            if (into.isEmpty()) {
                continue;
            }
            Optional<AlarmHistory.Transition> out = first(seen, rule.alarm(), into.get().at(), false);
            paged.add(new Incident.Paged(rule.alert(), rule.alarm(), rule.severity(), "", rule.runbook(), expectedAlarms.contains(rule.alarm()),
                    seconds(start, into.get().at()), null, out.map(t -> Math.max(0, seconds(ended, t.at()))).orElse(null)));
            events.add(into.get().at() + " alarm " + alarmName(rule.alarm()) + " " + into.get().from() + " -> ALARM");
            out.ifPresent(t -> events.add(t.at() + " alarm " + alarmName(rule.alarm()) + " ALARM -> " + t.to()));
        }
        List<String> missed = alerting.expected().stream().filter(alert -> paged.stream().noneMatch(p -> p.expected()
                && p.alarm().equals(rules.byAlert(alert).map(AlertRules.Rule::alarm).orElse(alert)))).toList();
        return Incident.judged(alerting.within(detectWithin),
                paged, missed, events, monitoredBy, RESOLVE_WITHIN, false);
    }

    private List<AlarmHistory.Transition> read(Instant start) {
        List<AlarmHistory.Transition> all = new ArrayList<>();
        for (String key : rules.all().stream().map(AlertRules.Rule::alarm).distinct().toList()) {
            all.addAll(history.transitions(alarmName(key), start, clock.instant().plusSeconds(60)));
        }
        return all;
    }

    /** The first change of the alarm into ALARM ({@code into}) or out of it at or after {@code from}. */
    private Optional<AlarmHistory.Transition> first(List<AlarmHistory.Transition> transitions, String key, Instant from, boolean into) {
        return transitions.stream().filter(t -> t.alarmName().equals(alarmName(key)) && !t.at().isBefore(from))
                .filter(t -> into ? t.intoAlarm() : t.outOfAlarm()).findFirst();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }

    @Override
    public void close() {
        // nothing held: the CloudWatch client is the game day's
    }
}
