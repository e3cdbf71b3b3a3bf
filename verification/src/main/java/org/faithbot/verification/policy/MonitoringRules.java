package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The alarms fire at the thresholds the requirements name (AC-3.5): the 5xx rate above 5 % of requests (a rate in
 * percent, from metric math over the request count), ECS CPU and memory above 80 %, p95 latency above 3 s. A
 * threshold is read where Terraform resolves it: the variable's default in the monitoring module, or the value a
 * caller of that module passes, which must be the requirement's too. The rules of the alarms' one definition, of
 * silence, of the availability SLO (NFR-AVAIL-1) and of the incident count (NFR-AVAIL-3) are registered here too.
 */
final class MonitoringRules {

    static final String MONITORING = "terraform/modules/monitoring";

    /** Threshold variables of the monitoring module and the most each may be: the requirements' figures. */
    static final Map<String, Double> REQUIRED = Map.of("error_rate_threshold_percent", 5.0, "resource_utilisation_threshold_percent", 80.0,
            "p95_latency_threshold_seconds", 3.0);

    private MonitoringRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(new PolicyRule("alarm-thresholds-as-required", "AC-3.5",
                "the 5xx-rate alarm fires above 5 % of requests, CPU and memory above 80 %, p95 latency above 3 s; callers of the monitoring "
                        + "module pass no laxer threshold",
                MonitoringRules::thresholdsAsRequired),
                new PolicyRule("alarms-from-one-definition", "AC-3.5",
                        "every CloudWatch alarm takes severity, threshold, comparison and missing data from alarms.yaml, with the requirement's "
                                + "severities; every Prometheus rule of the local target agrees with it, threshold by threshold; every runbook "
                                + "section named exists",
                        AlarmDefinitionRules::oneDefinition),
                new PolicyRule("silence-is-an-outage-and-pages", "NFR-OPS-5",
                        "the alarms where silence means an outage treat missing data as breaching; the alert topic has a paging "
                                + "(HTTPS) subscription set from the environments",
                        AlarmDefinitionRules::silencePages),
                new PolicyRule("availability-slo-measured-from-outside", "NFR-AVAIL-1",
                        "a Route 53 health check calls the API's domain (the load balancer's certificate's) over HTTPS on a health endpoint; "
                                + "burn-rate alarms in us-east-1 hold its status against the 99.9 % SLO (threshold 100 - burn rate x 0.1 over "
                                + "their window, missing data breaching) and notify a topic there that pages",
                        AvailabilitySloRules::measuredFromOutside),
                new PolicyRule("incidents-counted-for-mtbf", "NFR-AVAIL-3",
                        "the incident alarms of alarms.yaml (at least service down and error rate > 5 %) make one composite alarm; EventBridge "
                                + "logs its state changes and a metric filter counts its entries into ALARM as Incidents in the service's namespace",
                        IncidentCountRules::incidentsCounted));
    }

    static void thresholdsAsRequired(PolicyInputs in, Check check) {
        TerraformConfig terraform = in.terraform();
        boolean errorRate = false;
        boolean cpu = false;
        boolean memory = false;
        for (TfBlock alarm : terraform.resources("aws_cloudwatch_metric_alarm")) {
            List<String> metrics = PlatformRules.metricsOf(alarm);
            if (metrics.contains("HTTPCode_Target_5XX_Count")) {
                check.inspected(alarm.address());
                errorRate = true;
                String expression = alarm.blocks("metric_query").stream().filter(q -> q.path("return_data").asBoolean(false)
                        || "true".equals(Expr.text(q.get("return_data")))).map(q -> Expr.text(q.get("expression"))).findFirst().orElse("");
                check.require(expression.contains("100") && expression.contains("requests"), alarm.file(), alarm.address(), "metric_query",
                        "the 5xx alarm must judge a rate in percent of the requests (metric math 100 * 5xx / requests), not a count: " + expression);
                requireAtMost(check, alarm, 5, "% of requests answered 5xx");
            } else if (metrics.contains("CPUUtilization")) {
                check.inspected(alarm.address());
                cpu = true;
                requireAtMost(check, alarm, 80, "% CPU");
            } else if (metrics.contains("MemoryUtilization")) {
                check.inspected(alarm.address());
                memory = true;
                requireAtMost(check, alarm, 80, "% memory");
            }
        }
        check.require(errorRate, MONITORING + "/alarms.tf", "aws_cloudwatch_metric_alarm", "metric_query", "no alarm on the 5xx rate");
        check.require(cpu, MONITORING + "/alarms.tf", "aws_cloudwatch_metric_alarm", "metric_name", "no alarm on ECS CPU");
        check.require(memory, MONITORING + "/alarms.tf", "aws_cloudwatch_metric_alarm", "metric_name", "no alarm on ECS memory");
        List<TfBlock> calls = terraform.callsTo("modules/monitoring");
        check.require(!calls.isEmpty(), MONITORING, "module", "source", "no module calls the monitoring module: its alarms are never created");
        for (TfBlock call : calls) {
            check.inspected(call.address());
            REQUIRED.forEach((variable, limit) -> {
                JsonNode passed = call.attr(variable);
                if (passed != null) {
                    OptionalDouble value = call.module().number(passed);
                    check.require(value.isPresent() && value.getAsDouble() <= limit, call.file(), call.address(), variable,
                            "passes " + Expr.text(passed) + " to the monitoring module: the requirements' threshold is " + limit + " at most");
                }
            });
        }
    }

    private static void requireAtMost(Check check, TfBlock alarm, double limit, String what) {
        OptionalDouble threshold = alarm.module().number(alarm.attr("threshold"));
        String operator = alarm.module().string(alarm.attr("comparison_operator"));
        check.require(threshold.isPresent() && threshold.getAsDouble() <= limit, alarm.file(), alarm.address(), "threshold",
                "the alarm must fire above " + limit + " " + what + ", not at " + (threshold.isPresent() ? threshold.getAsDouble() : alarm.text("threshold")));
        check.require(operator.startsWith("GreaterThan"), alarm.file(), alarm.address(), "comparison_operator",
                "the alarm must fire when the value rises above its threshold, not " + operator);
    }
}
