package org.faithbot.verification.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mechanism that will count failures in production for MTBF (NFR-AVAIL-3), as the Terraform declares it: the
 * alarms that alarms.yaml marks {@code incident: true} (at least the service down and the error rate above 5 %, the two
 * ways production-operation.feature's readers call a period down) make one composite alarm; an EventBridge rule sends
 * that alarm's state changes to a log group EventBridge may write to; a metric filter on that group counts its entries
 * into ALARM as the metric {@code Incidents} of the service's namespace.
 */
final class IncidentCountRules {

    /** The alarms whose ALARM state is what the harness's operation readers call down (operation/Availability). */
    static final Set<String> REQUIRED_INCIDENTS = Set.of("alb-no-healthy-hosts", "alb-5xx-rate");

    static final String METRIC = "Incidents";

    private static final String FILE = MonitoringRules.MONITORING + "/slo.tf";

    private IncidentCountRules() {
    }

    static void incidentsCounted(PolicyInputs in, Check check) {
        TerraformConfig terraform = in.terraform();
        Optional<AlarmDefinitions> found = AlarmDefinitions.of(terraform);
        if (!check.require(found.isPresent(), AlarmDefinitions.FILE, "local." + AlarmDefinitions.LOCAL, "", "the monitoring module reads no alarm definition")) {
            return;
        }
        List<AlarmDefinitions.Definition> incidents = found.get().all().stream().filter(d -> d.raw().path("incident").asBoolean(false)).toList();
        for (String key : REQUIRED_INCIDENTS) {
            check.require(incidents.stream().anyMatch(d -> d.key().equals(key)), AlarmDefinitions.FILE, key, "incident",
                    "the definition does not count " + key + " as an incident (incident: true), which the operation readers call down");
        }
        for (AlarmDefinitions.Definition d : incidents) {
            check.inspected("incident " + d.key());
            check.require(d.severity().equals("critical") && !d.perTable(), AlarmDefinitions.FILE, d.key(), "incident",
                    "an incident is a critical alarm that exists once, not " + d.severity() + (d.perTable() ? " per table" : ""));
        }
        Module monitoring = terraform.module("modules/monitoring");
        Optional<TfBlock> composite = monitoring.resources("aws_cloudwatch_composite_alarm").stream().filter(a -> madeOf(a, incidents)).findFirst();
        if (!check.require(composite.isPresent(), FILE, "aws_cloudwatch_composite_alarm", "alarm_rule",
                "no composite alarm is in ALARM while any incident alarm of the definition is (ALARM(...) OR ..., from the incident: true keys): "
                        + "an outage tripping two alarms would count twice, or not at all")) {
            return;
        }
        check.inspected(composite.get().address());
        Optional<TfBlock> rule = monitoring.resources("aws_cloudwatch_event_rule").stream().filter(r -> watches(r, composite.get())).findFirst();
        if (!check.require(rule.isPresent(), FILE, "aws_cloudwatch_event_rule", "event_pattern", "no EventBridge rule takes the state changes "
                + "(source aws.cloudwatch, CloudWatch Alarm State Change, state ALARM) of " + composite.get().address())) {
            return;
        }
        check.inspected(rule.get().address());
        Optional<String> logGroup = monitoring.resources("aws_cloudwatch_event_target").stream()
                .filter(t -> Expr.refersTo(t.text("rule"), rule.get().address()))
                .flatMap(t -> TfValues.resourceName("aws_cloudwatch_log_group", t.text("arn")).stream()).findFirst()
                .map(name -> "aws_cloudwatch_log_group." + name);
        if (!check.require(logGroup.isPresent(), FILE, rule.get().address(), "target", "the incidents' events are written to no log group of the module")) {
            return;
        }
        check.inspected(logGroup.get());
        boolean counted = monitoring.resources("aws_cloudwatch_log_metric_filter").stream()
                .filter(f -> Expr.refersTo(f.text("log_group_name"), logGroup.get()) && f.text("pattern").contains("ALARM"))
                .flatMap(f -> f.blocks("metric_transformation").stream())
                .anyMatch(t -> Expr.text(t.get("name")).equals(METRIC) && Expr.text(t.get("namespace")).contains("local.custom_namespace"));
        check.require(counted, FILE, logGroup.get(), "metric_filter", "no metric filter of " + logGroup.get() + " counts the entries into ALARM as "
                + METRIC + " in the service's namespace (local.custom_namespace)");
        boolean writable = monitoring.resources("aws_cloudwatch_log_resource_policy").stream()
                .flatMap(p -> TfValues.resourceName("aws_iam_policy_document", p.text("policy_document")).stream())
                .flatMap(name -> monitoring.data("aws_iam_policy_document", name).stream())
                .anyMatch(doc -> doc.body().toString().contains("events.amazonaws.com") && Expr.refersTo(doc.body().toString(), logGroup.get()));
        check.require(writable, FILE, logGroup.get(), "resource_policy",
                "no log resource policy lets EventBridge (events.amazonaws.com) write to " + logGroup.get() + ": the incidents would be dropped");
    }

    /** Whether the composite alarm's rule is an OR of ALARM() over the definition's incident alarms (listed, or taken from it). */
    private static boolean madeOf(TfBlock composite, List<AlarmDefinitions.Definition> incidents) {
        String rule = composite.text("alarm_rule");
        StringBuilder expanded = new StringBuilder(rule);
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\.([A-Za-z0-9_]+)").matcher(rule);
        while (local.find()) {
            expanded.append(' ').append(Expr.text(composite.module().locals().get(local.group(1))));
        }
        String text = expanded.toString();
        if (!rule.contains("ALARM(") || incidents.isEmpty()) {
            return false;
        }
        boolean fromDefinition = text.contains(AlarmDefinitions.LOCAL) && text.contains(".incident");
        boolean listed = rule.contains(" OR ") || incidents.size() == 1;
        return fromDefinition || listed && incidents.stream().allMatch(d -> text.contains(d.key()));
    }

    private static boolean watches(TfBlock rule, TfBlock composite) {
        String pattern = rule.text("event_pattern");
        return pattern.contains("aws.cloudwatch") && pattern.contains("CloudWatch Alarm State Change") && pattern.contains("ALARM")
                && Expr.refersTo(pattern, composite.address());
    }
}
