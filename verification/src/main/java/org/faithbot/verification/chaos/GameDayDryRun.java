package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.monitoring.AlertRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a staging game day would do, without calling AWS, for an SRE to approve before the scheduled run: every selected
 * experiment with its FIS actions, targets, durations, stop conditions and guard rails, the alarms that must page, every
 * AWS call in order, and an estimate of its cost (FIS bills $0.10 per action-minute in every commercial region, whatever
 * the targets, each action rounded to the nearest minute; an action without a duration, such as stopping a task, counted
 * as one minute, an upper bound). The experiments add no Fargate task-hours (a stopped task is replaced, not added), and
 * the CloudWatch and FIS read calls are counted and priced at CloudWatch's API request price, an upper bound.
 *
 * @param fisDollarsPerActionMinute       FIS's price ({@code staging.price.fis-action-minute}, 0.10)
 * @param cloudWatchDollarsPerThousandApi CloudWatch's API request price ({@code staging.price.cloudwatch-1000-requests}, 0.01)
 */
public record GameDayDryRun(String namePrefix, String region, Duration fisPoll, Duration historyPoll, double fisDollarsPerActionMinute,
                            double cloudWatchDollarsPerThousandApi) {

    /** One selected experiment, planned. */
    public record Planned(Experiment experiment, long actionMinutes, long fisPolls, long historyReads, List<String> calls) {
    }

    /** The plan of every selected experiment with an FIS template, in the game day's order. */
    public List<Planned> plan(ExperimentCatalogue catalogue, Predicate<String> selected) {
        List<Planned> planned = new ArrayList<>();
        AlertRules rules = AlertRules.load();
        for (Experiment experiment : catalogue.all()) {
            if (experiment.fis() == null || !selected.test(experiment.id())) {
                continue;
            }
            long actionMinutes = 0;
            Duration longest = Duration.ZERO;
            for (var action : experiment.fis().actions().properties()) {
                Duration duration = duration(action.getValue().path("parameters").path("duration").asText(""));
                actionMinutes += Math.max(1, Math.round(duration.toSeconds() / 60.0));
                longest = duration.compareTo(longest) > 0 ? duration : longest;
            }
            Duration watched = longest.plus(experiment.maxRecovery()).plus(AlarmHistoryDetection.RESOLVE_WITHIN);
            long fisPolls = Math.max(1, longest.plus(experiment.maxRecovery()).toSeconds() / Math.max(1, fisPoll.toSeconds()));
            long historyReads = (watched.toSeconds() / Math.max(1, historyPoll.toSeconds()) + 1) * rules.all().stream().map(AlertRules.Rule::alarm).distinct().count();
            List<String> calls = new ArrayList<>();
            calls.add("fis:ListExperimentTemplates (the template tagged ExperimentId=" + experiment.id() + ", Name=" + namePrefix + "-" + experiment.id() + ")");
            calls.add("fis:GetExperimentTemplate (its targets, stop conditions and tags)");
            calls.add("cloudwatch:DescribeAlarms " + alarmNames(experiment.fis().stopConditionAlarms()) + " (the guard rails: each exists and is OK)");
            calls.add("fis:StartExperiment (tags ExperimentId, GameDay)");
            calls.add("fis:GetExperiment every " + fisPoll.toSeconds() + " s until it ends (about " + fisPolls + " calls)");
            calls.add("fis:StopExperiment at the rollback, only if it still runs");
            calls.add("cloudwatch:DescribeAlarmHistory every " + historyPoll.toSeconds() + " s for each alarm of the rules (up to " + historyReads
                    + " calls: detection and resolution)");
            planned.add(new Planned(experiment, actionMinutes, fisPolls, historyReads, List.copyOf(calls)));
        }
        return planned;
    }

    /** The plan in words, then the cost. */
    public String describe(List<Planned> planned) {
        AlertRules rules = AlertRules.load();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Staging game day, dry run: %d experiments with an FIS template, region %s, names %s-*; nothing is called.%n",
                planned.size(), region, namePrefix));
        out.append("Before any experiment: the background load (Gatling from the runner) and the steady-state probe start against the public URL.\n");
        int step = 1;
        for (Planned plan : planned) {
            Experiment experiment = plan.experiment();
            out.append(String.format(Locale.ROOT, "%n%d. %s: %s%n", step++, experiment.id(), experiment.title()));
            for (var action : experiment.fis().actions().properties()) {
                JsonNode value = action.getValue();
                out.append("   action ").append(action.getKey()).append(": ").append(value.path("actionId").asText())
                        .append(" ").append(value.path("parameters")).append(" on ").append(value.path("targets")).append('\n');
            }
            for (var target : experiment.fis().targets().properties()) {
                JsonNode value = target.getValue();
                out.append("   target ").append(target.getKey()).append(": ").append(value.path("resourceType").asText())
                        .append(" tagged ").append(value.path("resourceTags")).append(" (terraform/modules/fis requires ").append(FisGuardrails.OPT_IN_TAG).append('=')
                        .append(FisGuardrails.OPT_IN_VALUE).append("), selection ").append(value.path("selectionMode").asText()).append('\n');
            }
            out.append(String.format(Locale.ROOT, "   template bound %d min; the harness's recovery bound %d s; stop conditions %s%n",
                    experiment.fis().maxDuration().toMinutes(), experiment.maxRecovery().toSeconds(), alarmNames(experiment.fis().stopConditionAlarms())));
            out.append("   guard rails: the template tagged ").append(FisGuardrails.OPT_IN_TAG).append('=').append(FisGuardrails.OPT_IN_VALUE)
                    .append(", with targets, every stop-condition alarm existing and OK; the steady state held over a whole baseline before the start\n");
            Alerting alerting = experiment.alerting();
            out.append("   must page: ").append(alerting == null ? "(not declared: the experiment fails)" : alerting.silent() ? "nothing (absorbed)"
                    : alarmNames(alerting.expected().stream().map(a -> rules.byAlert(a).map(AlertRules.Rule::alarm).orElse(a)).toList())
                    + " within " + AlarmHistoryDetection.DETECT_WITHIN.toMinutes() + " min").append('\n');
            out.append("   AWS calls, in order:\n");
            plan.calls().forEach(call -> out.append("     - ").append(call).append('\n'));
            out.append(String.format(Locale.ROOT, "   FIS: %d action-minutes = $%s%n", plan.actionMinutes(), dollars(plan.actionMinutes() * fisDollarsPerActionMinute)));
        }
        long actionMinutes = planned.stream().mapToLong(Planned::actionMinutes).sum();
        long reads = planned.stream().mapToLong(p -> p.fisPolls() + p.historyReads() + 3).sum();
        double fis = actionMinutes * fisDollarsPerActionMinute;
        double api = reads * cloudWatchDollarsPerThousandApi / 1000;
        out.append(String.format(Locale.ROOT, "%nEstimated cost: FIS %d action-minutes x $%s = $%s; about %d read calls (priced as CloudWatch API requests, "
                        + "$%s per 1,000, an upper bound) = $%s; extra Fargate task-hours: none (a stopped task is replaced, not added); total about $%s.%n",
                actionMinutes, dollars(fisDollarsPerActionMinute), dollars(fis), reads, dollars(cloudWatchDollarsPerThousandApi), dollars(api), dollars(fis + api)));
        return out.toString();
    }

    private String alarmNames(List<String> keys) {
        return keys.stream().map(key -> namePrefix + "-" + key).toList().toString();
    }

    /** An FIS duration (ISO-8601, "PT2M"); none or unreadable: zero (an instant action). */
    static Duration duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    static String dollars(double value) {
        return BigDecimal.valueOf(value).setScale(value < 1 ? 4 : 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
