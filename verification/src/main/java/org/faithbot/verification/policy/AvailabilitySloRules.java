package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mechanism that will measure availability in production (NFR-AVAIL-1), as the Terraform declares it: a Route 53
 * health check calls the public API domain's health endpoint over HTTPS, and burn-rate alarms hold its status against
 * the 99.9 % SLO. A CloudWatch alarm looks back 7 days at most, so the 30-day target is watched through its error
 * budget: each availability alarm of alarms.yaml carries {@code slo: {target, budget_days, burn_rate, window_minutes}}
 * and its threshold must be {@code 100 - burn_rate * (100 - target)}, its window {@code window_minutes}. Route 53
 * publishes health-check metrics in us-east-1 only: the alarms must be made there (provider aws.us_east_1, declared by
 * the module and passed by every caller), and the topic they notify must be of that region and page.
 */
final class AvailabilitySloRules {

    /** NFR-AVAIL-1's target, in percent. */
    static final double REQUIRED_TARGET = 99.9;

    static final String US_EAST_1 = "aws.us_east_1";

    private static final Set<String> HEALTH_CHECK_METRICS = Set.of("HealthCheckStatus", "HealthCheckPercentageHealthy");
    private static final Pattern WHOLE = Pattern.compile("^\\$\\{(.*)}$", Pattern.DOTALL);

    private AvailabilitySloRules() {
    }

    static void measuredFromOutside(PolicyInputs in, Check check) {
        TerraformConfig terraform = in.terraform();
        Optional<Module> found = terraform.findModule("modules/monitoring");
        if (!check.require(found.isPresent(), MonitoringRules.MONITORING, "module", "", "there is no monitoring module")) {
            return;
        }
        Module monitoring = found.get();
        List<TfBlock> healthChecks = monitoring.resources("aws_route53_health_check");
        if (!check.require(!healthChecks.isEmpty(), MonitoringRules.MONITORING + "/slo.tf", "aws_route53_health_check", "",
                "no Route 53 health check calls the service from outside: availability in production is measured by nothing")) {
            return;
        }
        healthChecks.forEach(h -> healthCheck(terraform, h, check));
        usEast1Provider(terraform, monitoring, check);
        Optional<AlarmDefinitions> definitions = AlarmDefinitions.of(terraform);
        if (!check.require(definitions.isPresent(), AlarmDefinitions.FILE, "local." + AlarmDefinitions.LOCAL, "", "the monitoring module reads no alarm definition")) {
            return;
        }
        List<AlarmDefinitions.Definition> slo = definitions.get().all().stream().filter(d -> d.raw().has("slo")).toList();
        check.require(slo.stream().anyMatch(d -> d.severity().equals("critical")), AlarmDefinitions.FILE, "slo", "severity",
                "no availability alarm of the definition pages (severity critical): the error budget could burn out unnoticed");
        Set<TfBlock> topics = new java.util.LinkedHashSet<>();
        for (AlarmDefinitions.Definition d : slo) {
            sloDefinition(d, check);
            Optional<TfBlock> alarm = monitoring.resources("aws_cloudwatch_metric_alarm").stream()
                    .filter(a -> AlarmDefinitions.keyOf(a).filter(d.key()::equals).isPresent()).findFirst();
            if (check.require(alarm.isPresent(), AlarmDefinitions.FILE, d.key(), "", "no CloudWatch alarm is made from the availability definition " + d.key())) {
                sloAlarm(monitoring, alarm.get(), d, healthChecks, check);
                topics.addAll(notifiedTopics(monitoring, alarm.get(), check));
            }
        }
        topics.forEach(topic -> pagingTopicInUsEast1(monitoring, topic, check));
    }

    /** HTTPS to the domain the load balancer serves (its certificate's), on a path of the service's health endpoints. */
    private static void healthCheck(TerraformConfig terraform, TfBlock check0, Check check) {
        check.inspected(check0.address());
        Module module = check0.module();
        String type = module.string(check0.attr("type"));
        check.require(type.equals("HTTPS") || type.equals("HTTPS_STR_MATCH"), check0.file(), check0.address(), "type",
                "the health check must call the API over HTTPS, as its users do, not " + (type.isEmpty() ? "nothing" : type));
        String port = check0.text("port");
        check.require(port.isEmpty() || port.equals("443"), check0.file(), check0.address(), "port", "the API listens on 443, not " + port);
        List<String> paths = resolved(terraform, module, check0.attr("resource_path"));
        check.require(!paths.isEmpty() && paths.stream().allMatch(p -> p.startsWith("/actuator/health")), check0.file(), check0.address(),
                "resource_path", "the health check must request one of the service's health endpoints (/actuator/health...), not " + paths);
        Optional<String> fqdnVariable = TfValues.variableOf(check0.attr("fqdn"));
        if (!check.require(fqdnVariable.isPresent(), check0.file(), check0.address(), "fqdn",
                "the domain must come from a variable its callers set to the API's domain, not " + check0.text("fqdn"))) {
            return;
        }
        List<TfBlock> calls = terraform.callsTo(module.directory());
        check.require(!calls.isEmpty(), check0.file(), check0.address(), "fqdn", "no module calls the monitoring module");
        for (TfBlock call : calls) {
            check.inspected(call.address() + " " + fqdnVariable.get());
            String passed = Expr.expression(call.attr(fqdnVariable.get())).orElse(call.text(fqdnVariable.get()));
            check.require(servedByTheLoadBalancer(terraform, call.module(), passed), call.file(), call.address(), fqdnVariable.get(),
                    "the health check must call the domain the load balancer serves (the domain of the certificate its HTTPS listener "
                            + "presents), not " + (passed.isEmpty() ? "nothing" : passed));
        }
    }

    /** Whether the expression is the domain of a certificate the module hands to the load balancer module. */
    private static boolean servedByTheLoadBalancer(TerraformConfig terraform, Module caller, String expression) {
        if (expression.isEmpty()) {
            return false;
        }
        for (TfBlock certificate : caller.data("aws_acm_certificate")) {
            if (!Expr.expression(certificate.attr("domain")).orElse(certificate.text("domain")).equals(expression)) {
                continue;
            }
            for (TfBlock call : caller.ofKind("module")) {
                boolean alb = TfValues.calledModule(terraform, caller, call.name()).map(m -> m.directory().equals("modules/alb")).orElse(false);
                if (alb && Expr.refersTo(call.text("certificate_arn"), certificate.address())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The module declares the us-east-1 provider alias, and every caller passes it. */
    private static void usEast1Provider(TerraformConfig terraform, Module monitoring, Check check) {
        String settings = monitoring.terraformSettings().toString();
        check.require(settings.contains("configuration_aliases") && settings.contains(US_EAST_1), MonitoringRules.MONITORING + "/versions.tf",
                "required_providers.aws", "configuration_aliases",
                "the monitoring module declares no " + US_EAST_1 + " provider, where Route 53's health-check metrics are");
        for (TfBlock call : terraform.callsTo("modules/monitoring")) {
            check.inspected(call.address() + " providers");
            check.require(call.text("providers").contains(US_EAST_1), call.file(), call.address(), "providers",
                    "the call does not pass " + US_EAST_1 + " to the monitoring module");
        }
    }

    /** The definition's threshold is its SLO's burn-rate threshold, for NFR-AVAIL-1's target; silence is an outage. */
    private static void sloDefinition(AlarmDefinitions.Definition d, Check check) {
        check.inspected("slo " + d.key());
        JsonNode slo = d.raw().path("slo");
        double target = slo.path("target").asDouble(Double.NaN);
        double burnRate = slo.path("burn_rate").asDouble(Double.NaN);
        double windowMinutes = slo.path("window_minutes").asDouble(Double.NaN);
        double budgetDays = slo.path("budget_days").asDouble(Double.NaN);
        check.require(target >= REQUIRED_TARGET, AlarmDefinitions.FILE, d.key(), "slo.target",
                "the availability target is " + REQUIRED_TARGET + " % (NFR-AVAIL-1), not " + slo.path("target").asText("missing"));
        check.require(budgetDays >= 28 && budgetDays <= 31, AlarmDefinitions.FILE, d.key(), "slo.budget_days",
                "the error budget is a month's (28 to 31 days), not " + slo.path("budget_days").asText("missing"));
        check.require(burnRate > 1 && windowMinutes > 0 && burnRate * windowMinutes <= budgetDays * 24 * 60, AlarmDefinitions.FILE, d.key(),
                "slo.burn_rate", "a burn rate above 1 over a window shorter than the budget period, not " + burnRate + " over " + windowMinutes + " min");
        double expected = 100 - burnRate * (100 - target);
        check.require(Math.abs(d.threshold() - expected) < 1e-6, AlarmDefinitions.FILE, d.key(), "threshold",
                "the threshold must be 100 - burn_rate * (100 - target) = " + round(expected) + " %, not " + d.threshold());
        check.require(d.comparison().startsWith("LessThan"), AlarmDefinitions.FILE, d.key(), "comparison",
                "the alarm must fire when availability falls below its threshold, not " + d.comparison());
        check.require(d.missingData().equals("breaching"), AlarmDefinitions.FILE, d.key(), "missing_data",
                "no data from the health check means nothing measures the service: missing data must be breaching, not " + d.missingData());
    }

    /** The alarm is in us-east-1 and reads a health check of the module over the definition's window. */
    private static void sloAlarm(Module monitoring, TfBlock alarm, AlarmDefinitions.Definition d, List<TfBlock> healthChecks,
                                 Check check) {
        check.inspected(alarm.address());
        check.require(alarm.text("provider").contains(US_EAST_1), alarm.file(), alarm.address(), "provider",
                "Route 53 publishes health-check metrics in us-east-1 only: the alarm must be made there (provider = " + US_EAST_1 + ")");
        List<JsonNode> metrics = healthCheckMetrics(alarm);
        boolean readsHealthCheck = metrics.stream().anyMatch(m -> healthChecks.stream().anyMatch(h -> Expr.refersTo(m.toString(), h.address())));
        check.require(readsHealthCheck, alarm.file(), alarm.address(), "metric_name",
                "the alarm must read HealthCheckStatus (or HealthCheckPercentageHealthy) of the module's Route 53 health check (dimension HealthCheckId)");
        OptionalDouble period = metrics.stream().map(m -> product(monitoring, m.get("period"))).filter(OptionalDouble::isPresent).findFirst()
                .orElse(product(monitoring, alarm.attr("period")));
        OptionalDouble evaluations = product(monitoring, alarm.attr("evaluation_periods"));
        double window = d.raw().path("slo").path("window_minutes").asDouble(Double.NaN) * 60;
        check.require(period.isPresent() && evaluations.isPresent() && period.getAsDouble() * evaluations.getAsDouble() == window, alarm.file(),
                alarm.address(), "period", "the alarm must average the health check over the definition's window (" + window + " s), not "
                        + (period.isPresent() && evaluations.isPresent() ? period.getAsDouble() * evaluations.getAsDouble() + " s" : "an unknown one"));
    }

    /** The topics of the module the alarm notifies (through locals too); a finding when there is none. */
    private static List<TfBlock> notifiedTopics(Module monitoring, TfBlock alarm, Check check) {
        String actions = alarm.text("alarm_actions");
        Matcher local = Pattern.compile("local\\.([A-Za-z0-9_]+)").matcher(actions);
        while (local.find()) {
            actions += " " + Expr.text(monitoring.locals().get(local.group(1)));
        }
        List<TfBlock> topics = new ArrayList<>();
        for (TfBlock topic : monitoring.resources("aws_sns_topic")) {
            if (Expr.refersTo(actions, topic.address())) {
                topics.add(topic);
            }
        }
        check.require(!topics.isEmpty(), alarm.file(), alarm.address(), "alarm_actions", "the availability alarm notifies no topic of the module");
        return topics;
    }

    /** An availability alarm's topic is in us-east-1 (an alarm notifies a topic of its own region) and pages like the alert topic. */
    private static void pagingTopicInUsEast1(Module monitoring, TfBlock topic, Check check) {
        String pagerVariable = monitoring.resource("aws_sns_topic_subscription", "pager").flatMap(p -> TfValues.variableOf(p.attr("endpoint")))
                .orElse("alert_pager_endpoint");
        check.inspected(topic.address());
        check.require(topic.text("provider").contains(US_EAST_1), topic.file(), topic.address(), "provider",
                "an alarm notifies a topic of its own region only: the availability alarm's topic must be in us-east-1 too");
        boolean pages = monitoring.resources("aws_sns_topic_subscription").stream()
                .anyMatch(s -> Expr.refersTo(s.text("topic_arn"), topic.address()) && s.text("protocol").equals("https")
                        && TfValues.variableOf(s.attr("endpoint")).filter(pagerVariable::equals).isPresent());
        check.require(pages, topic.file(), topic.address(), "subscription",
                "the availability alarm's topic has no subscription that pages (protocol https, endpoint var." + pagerVariable + ")");
    }

    private static List<JsonNode> healthCheckMetrics(TfBlock alarm) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode query : alarm.blocks("metric_query")) {
            for (JsonNode metric : TfBlock.blocks(query, "metric")) {
                if (HEALTH_CHECK_METRICS.contains(Expr.text(metric.get("metric_name")))) {
                    out.add(metric);
                }
            }
        }
        if (HEALTH_CHECK_METRICS.contains(alarm.text("metric_name"))) {
            out.add(alarm.body());
        }
        return out;
    }

    /** A number as {@link Module#number} reads it, or a product of such numbers ({@code local.x["k"].slo.window_minutes * 60}). */
    static OptionalDouble product(Module module, JsonNode value) {
        OptionalDouble plain = module.number(value);
        if (plain.isPresent() || value == null || !value.isTextual()) {
            return plain;
        }
        Matcher whole = WHOLE.matcher(value.asText());
        if (!whole.matches()) {
            return OptionalDouble.empty();
        }
        double result = 1;
        for (String factor : whole.group(1).split("\\*")) {
            String written = factor.strip();
            OptionalDouble number = written.matches("\\d+(\\.\\d+)?") ? OptionalDouble.of(Double.parseDouble(written))
                    : module.number(com.fasterxml.jackson.databind.node.TextNode.valueOf("${" + written + "}"));
            if (number.isEmpty()) {
                return OptionalDouble.empty();
            }
            result *= number.getAsDouble();
        }
        return OptionalDouble.of(result);
    }

    /** The literal values an attribute can take: a literal, or a variable followed to its callers, or a module output followed to its value. */
    private static List<String> resolved(TerraformConfig terraform, Module module, JsonNode value) {
        Optional<String> literal = Expr.literalString(value);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        Optional<String> variable = TfValues.variableOf(value);
        if (variable.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (TfValues.Value reaching : TfValues.reaching(terraform, module, variable.get())) {
            Optional<String> text = Expr.literalString(reaching.value());
            if (text.isPresent()) {
                out.add(text.get());
                continue;
            }
            TfValues.moduleOutput(terraform, reaching.context(), Expr.text(reaching.value())).ifPresent(output ->
                    out.addAll(resolved(terraform, output.module(), output.output().attr("value"))));
        }
        return out;
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
