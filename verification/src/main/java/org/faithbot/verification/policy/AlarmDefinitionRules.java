package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.faithbot.verification.docs.MarkdownDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alarms from one definition (AC-3.5) and alarms that do not fall silent (NFR-OPS-5). The CloudWatch alarms of the
 * monitoring module take each value from alarms.yaml; the local target's Prometheus rules (alert-rules.yml, label
 * {@code alarm} = the key) must agree with it threshold by threshold, in severity and in runbook; every runbook section
 * named exists; an alarm where silence means an outage treats missing data as breaching; the alert topic pages.
 */
final class AlarmDefinitionRules {

    static final String LOCAL_RULES = "verification/src/main/resources/monitoring/alert-rules.yml";

    /** The requirement's severities (critical: service down, error rate > 5 %, security incident; warning: the rest it names). */
    static final Map<String, String> REQUIRED_SEVERITY = Map.of("alb-no-healthy-hosts", "critical", "alb-5xx-rate", "critical",
            "auth-failures-spike", "critical", "alb-p95-latency", "warning", "ecs-cpu-high", "warning", "ecs-memory-high", "warning",
            "deployment-failed", "warning");

    /** Metrics whose absence means nothing answers: an alarm on one must treat missing data as breaching. */
    static final Set<String> SILENCE_IS_OUTAGE = Set.of("HealthyHostCount", "UnHealthyHostCount", "HealthCheckStatus",
            "HealthCheckPercentageHealthy");

    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Set<String> COMPARISONS = Set.of("GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold",
            "LessThanOrEqualToThreshold");
    private static final Set<String> MISSING = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final Set<String> UNITS = Set.of("percent", "seconds", "hosts", "count");

    private AlarmDefinitionRules() {
    }

    static void oneDefinition(PolicyInputs in, Check check) {
        Optional<AlarmDefinitions> found = AlarmDefinitions.of(in.terraform());
        if (!check.require(found.isPresent(), AlarmDefinitions.FILE, "local." + AlarmDefinitions.LOCAL, "",
                "the monitoring module reads no alarm definition (local.alarm_definitions = yamldecode(file(\"${path.module}/alarms.yaml\")).alarms)")) {
            return;
        }
        AlarmDefinitions definitions = found.get();
        for (AlarmDefinitions.Definition d : definitions.all()) {
            checkDefinition(in, check, definitions.file(), d);
        }
        REQUIRED_SEVERITY.forEach((key, severity) -> check.require(definitions.byKey(key).isPresent(), definitions.file(), key, "",
                "the requirement's " + severity + " alarm " + key + " is not defined"));
        checkTerraform(in.terraform(), check, definitions);
        checkLocalRules(in, check, definitions);
    }

    private static void checkDefinition(PolicyInputs in, Check check, String file, AlarmDefinitions.Definition d) {
        check.inspected("definition " + d.key());
        check.require(SEVERITIES.contains(d.severity()), file, d.key(), "severity", "severity must be critical, warning or info, not '" + d.severity() + "'");
        String required = REQUIRED_SEVERITY.get(d.key());
        check.require(required == null || required.equals(d.severity()), file, d.key(), "severity",
                "the requirement makes " + d.key() + " " + required + ", the definition " + d.severity());
        check.require(!Double.isNaN(d.threshold()), file, d.key(), "threshold", "no numeric threshold");
        check.require(UNITS.contains(d.unit()), file, d.key(), "unit", "unit must be percent, seconds, hosts or count, not '" + d.unit() + "'");
        check.require(COMPARISONS.contains(d.comparison()), file, d.key(), "comparison", "not a CloudWatch comparison operator: '" + d.comparison() + "'");
        check.require(MISSING.contains(d.missingData()), file, d.key(), "missing_data", "not a CloudWatch missing-data treatment: '" + d.missingData() + "'");
        check.require(!d.silenceIsOutage() || d.missingData().equals("breaching"), file, d.key(), "missing_data",
                "silence means an outage for " + d.key() + ": missing data must be breaching, not " + d.missingData());
        runbookProblem(in, d.runbook()).ifPresent(problem -> check.fail(file, d.key(), "runbook", problem));
    }

    /** Why a runbook reference (document#anchor) does not lead to a section, or empty when it does. */
    static Optional<String> runbookProblem(PolicyInputs in, String runbook) {
        int hash = runbook.indexOf('#');
        if (hash < 1) {
            return Optional.of("the runbook must name a section (document#anchor), not '" + runbook + "'");
        }
        Path document = in.file(runbook.substring(0, hash));
        if (!Files.isRegularFile(document)) {
            return Optional.of("the runbook " + runbook.substring(0, hash) + " does not exist");
        }
        String anchor = runbook.substring(hash + 1);
        return MarkdownDocument.read(document).anchors().contains(anchor) ? Optional.empty()
                : Optional.of("the runbook " + runbook.substring(0, hash) + " has no section #" + anchor);
    }

    private static void checkTerraform(TerraformConfig terraform, Check check, AlarmDefinitions definitions) {
        List<String> made = new ArrayList<>();
        for (TfBlock alarm : terraform.resources("aws_cloudwatch_metric_alarm")) {
            if (!alarm.module().directory().equals("modules/monitoring")) {
                continue;
            }
            check.inspected(alarm.address());
            Optional<String> key = AlarmDefinitions.keyOf(alarm);
            Optional<AlarmDefinitions.Definition> definition = key.flatMap(definitions::byKey);
            if (!check.require(definition.isPresent(), alarm.file(), alarm.address(), "alarm_name",
                    "the alarm " + alarm.text("alarm_name") + " has no definition in " + definitions.file())) {
                continue;
            }
            AlarmDefinitions.Definition d = definition.get();
            made.add(d.key());
            Module module = alarm.module();
            check.require(d.perTable() == AlarmDefinitions.perTable(alarm), alarm.file(), alarm.address(), "alarm_name",
                    "the definition of " + d.key() + (d.perTable() ? " is" : " is not") + " per table, the alarm " + alarm.text("alarm_name") + " is "
                            + (d.perTable() ? "not" : ""));
            check.require(module.number(alarm.attr("threshold")).orElse(Double.NaN) == d.threshold(), alarm.file(), alarm.address(), "threshold",
                    "threshold " + alarm.text("threshold") + ", the definition of " + d.key() + " " + d.threshold());
            check.require(module.string(alarm.attr("comparison_operator")).equals(d.comparison()), alarm.file(), alarm.address(),
                    "comparison_operator", "comparison " + alarm.text("comparison_operator") + ", the definition of " + d.key() + " " + d.comparison());
            check.require(module.string(alarm.attr("treat_missing_data")).equals(d.missingData()), alarm.file(), alarm.address(),
                    "treat_missing_data", "missing data " + alarm.text("treat_missing_data") + ", the definition of " + d.key() + " " + d.missingData());
            String tags = Expr.text(alarm.attr("tags"));
            check.require(tags.contains("local." + AlarmDefinitions.LOCAL + "[\"" + d.key() + "\"].severity") || tags.contains("\"" + d.severity() + "\""),
                    alarm.file(), alarm.address(), "tags", "the Severity tag is not the definition's (" + d.severity() + ")");
        }
        for (AlarmDefinitions.Definition d : definitions.all()) {
            check.require(made.contains(d.key()), definitions.file(), d.key(), "", "defined, but no CloudWatch alarm of the monitoring module is made from it");
        }
    }

    private static void checkLocalRules(PolicyInputs in, Check check, AlarmDefinitions definitions) {
        List<JsonNode> rules = localRules(in);
        check.require(!rules.isEmpty(), LOCAL_RULES, "groups", "rules", "the local target has no alerting rule");
        for (JsonNode rule : rules) {
            String name = "alert " + rule.path("alert").asText();
            check.inspected(name);
            String key = rule.path("labels").path("alarm").asText("");
            Optional<AlarmDefinitions.Definition> definition = definitions.byKey(key);
            if (!check.require(definition.isPresent(), LOCAL_RULES, name, "labels.alarm", "names no alarm of the definition: '" + key + "'")) {
                continue;
            }
            AlarmDefinitions.Definition d = definition.get();
            String severity = rule.path("labels").path("severity").asText("");
            check.require(severity.equals(d.severity()), LOCAL_RULES, name, "severity", "severity " + severity + ", the definition of " + key + " " + d.severity());
            String runbook = rule.path("annotations").path("runbook").asText("");
            check.require(runbook.equals(d.runbook()), LOCAL_RULES, name, "runbook", "runbook " + runbook + ", the definition of " + key + " " + d.runbook());
            Optional<PrometheusThreshold> threshold = PrometheusThreshold.of(rule.path("expr").asText(""));
            if (check.require(threshold.isPresent(), LOCAL_RULES, name, "threshold", "the expression compares with no number")) {
                threshold.get().disagreement(d).ifPresent(problem -> check.fail(LOCAL_RULES, name, "threshold", problem));
            }
        }
    }

    static List<JsonNode> localRules(PolicyInputs in) {
        Path file = in.file(LOCAL_RULES);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            List<JsonNode> rules = new ArrayList<>();
            tree.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static void silencePages(PolicyInputs in, Check check) {
        TerraformConfig terraform = in.terraform();
        boolean any = false;
        for (TfBlock alarm : terraform.resources("aws_cloudwatch_metric_alarm")) {
            if (PlatformRules.metricsOf(alarm).stream().noneMatch(SILENCE_IS_OUTAGE::contains)) {
                continue;
            }
            any = true;
            check.inspected(alarm.address());
            String missing = alarm.module().string(alarm.attr("treat_missing_data"));
            check.require(missing.equals("breaching"), alarm.file(), alarm.address(), "treat_missing_data",
                    "silence means an outage here (" + String.join(", ", PlatformRules.metricsOf(alarm)) + "): missing data must be breaching, not "
                            + (missing.isEmpty() ? "the default (missing)" : missing));
        }
        check.require(any, MonitoringRules.MONITORING + "/alarms.tf", "aws_cloudwatch_metric_alarm", "metric_name",
                "no alarm watches whether anything answers (healthy hosts or a health check)");
        pagingSubscription(terraform, check);
    }

    /** The alert topic has an HTTPS subscription (a pager's endpoint) whose endpoint comes from a variable every environment can set. */
    private static void pagingSubscription(TerraformConfig terraform, Check check) {
        Module monitoring = terraform.module("modules/monitoring");
        List<TfBlock> paging = monitoring.resources("aws_sns_topic_subscription").stream()
                .filter(s -> Expr.refersTo(s.text("topic_arn"), "aws_sns_topic.alerts") && s.text("protocol").equals("https")).toList();
        if (!check.require(!paging.isEmpty(), MonitoringRules.MONITORING + "/main.tf", "aws_sns_topic.alerts", "subscription",
                "the alert topic has no subscription that pages (protocol https, a pager's endpoint); e-mail alone waits for someone to read it")) {
            return;
        }
        for (TfBlock subscription : paging) {
            check.inspected(subscription.address());
            String endpoint = subscription.text("endpoint");
            Optional<String> variable = java.util.regex.Pattern.compile("var\\.([A-Za-z0-9_]+)").matcher(endpoint).results()
                    .map(r -> r.group(1)).findFirst();
            if (!check.require(variable.isPresent(), subscription.file(), subscription.address(), "endpoint",
                    "the pager's endpoint must come from a variable, not be written in the code: " + endpoint)) {
                continue;
            }
            for (Module environment : terraform.environments()) {
                check.inspected(environment.directory());
                boolean reaches = TfValues.reaching(terraform, monitoring, variable.get()).stream()
                        .anyMatch(v -> v.where().startsWith("terraform/" + environment.directory() + "/"));
                check.require(reaches, "terraform/" + environment.directory(), "var." + variable.get(), "",
                        "the environment cannot set the pager's endpoint (var." + variable.get() + " of the monitoring module is not passed down from it)");
            }
        }
    }
}
