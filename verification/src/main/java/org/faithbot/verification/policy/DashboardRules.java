package org.faithbot.verification.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The four dashboards of the requirements (NFR-OPS-1) and their panels: each view must hold every panel listed
 * here, a panel being one widget whose text names all of the panel's metrics (or query terms, or the variable its
 * threshold line is drawn at). Metrics of the service's own namespace on a dashboard must be made by a metric
 * filter of the module, or the panel would stay empty forever.
 */
final class DashboardRules {

    static final String FILE = "terraform/modules/monitoring/dashboards.tf";

    /** A panel: a name for the finding and the terms one widget must hold, all of them. */
    record Panel(String name, List<String> terms) {
        Panel(String name, String... terms) {
            this(name, List.of(terms));
        }
    }

    static final Map<String, List<Panel>> PANELS = Map.of(
            "executive", List.of(
                    new Panel("availability", "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount", "availability_expression"),
                    new Panel("critical alarms", "\"alarm\"", "critical_alarm_arns"),
                    new Panel("response time p95 against 3 s", "TargetResponseTime", "p95", "var.p95_latency_threshold_seconds"),
                    new Panel("traffic", "RequestCount", "API requests")),
            "operations", List.of(
                    new Panel("all alarms", "\"alarm\"", "all_alarm_arns"),
                    new Panel("CPU and memory against 80 %", "CPUUtilization", "MemoryUtilization", "var.resource_utilisation_threshold_percent"),
                    new Panel("tasks running vs desired", "RunningTaskCount", "DesiredTaskCount"),
                    new Panel("target health", "HealthyHostCount", "UnHealthyHostCount"),
                    new Panel("responses by status class", "HTTPCode_Target_2XX_Count", "HTTPCode_Target_4XX_Count", "HTTPCode_Target_5XX_Count",
                            "HTTPCode_ELB_5XX_Count"),
                    new Panel("failed deployments", "DeploymentFailures"),
                    new Panel("DynamoDB throttles and errors", "ReadThrottleEvents", "WriteThrottleEvents", "SystemErrors"),
                    new Panel("service errors from the log", "app_log_group_name", "ERROR")),
            "security", List.of(
                    new Panel("WAF blocked vs allowed", "AWS/WAFV2", "BlockedRequests", "AllowedRequests"),
                    new Panel("WAF blocks per rule", "AWS/WAFV2", "BlockedRequests", "Rule"),
                    new Panel("failed authentications against the alarm", "AuthenticationFailures", "var.auth_failure_threshold"),
                    new Panel("client errors and TLS failures", "HTTPCode_Target_4XX_Count", "ClientTLSNegotiationErrorCount"),
                    new Panel("security alarms", "\"alarm\"", "auth-failures-spike"),
                    new Panel("top blocked client IPs", "regional_waf_log_group_name", "BLOCK")),
            "performance", List.of(
                    new Panel("response time percentiles against 3 s", "TargetResponseTime", "p95", "p99", "var.p95_latency_threshold_seconds"),
                    new Panel("chat p95 / p99 from the access log", "app_log_group_name", "/api/v1/chat", "pct(ms, 95)", "pct(ms, 99)"),
                    new Panel("throughput against 100 rps", "RequestCount", "PERIOD", "100"),
                    new Panel("CPU vs scaling target", "CPUUtilization", "RunningTaskCount"),
                    new Panel("DynamoDB latency", "SuccessfulRequestLatency"),
                    new Panel("CDN cache hit rate", "AWS/CloudFront", "CacheHitRate")));

    private static final Pattern WIDGET = Pattern.compile("type\\s*=\\s*\"(metric|alarm|log|text)\"");
    private static final Pattern CUSTOM_METRIC = Pattern.compile("\\[\\s*local\\.custom_namespace\\s*,\\s*\"([A-Za-z0-9_]+)\"");

    private DashboardRules() {
    }

    static void fourDashboards(PolicyInputs in, Check check) {
        List<TfBlock> dashboards = in.terraform().resources("aws_cloudwatch_dashboard");
        for (String view : List.of("executive", "operations", "security", "performance")) {
            Optional<TfBlock> dashboard = dashboards.stream().filter(d -> d.text("dashboard_name").endsWith("-" + view)).findFirst();
            if (!check.require(dashboard.isPresent(), FILE, "aws_cloudwatch_dashboard", "dashboard_name", "no " + view + " dashboard")) {
                continue;
            }
            TfBlock board = dashboard.get();
            check.inspected(board.address());
            List<String> widgets = widgets(board.text("dashboard_body"));
            for (Panel panel : PANELS.get(view)) {
                check.require(widgets.stream().anyMatch(w -> panel.terms().stream().allMatch(w::contains)), board.file(), board.address(),
                        "dashboard_body", "the " + view + " dashboard has no \"" + panel.name() + "\" panel (one widget naming " + panel.terms() + ")");
            }
            Set<String> filtered = board.module().resources("aws_cloudwatch_log_metric_filter").stream()
                    .flatMap(f -> f.blocks("metric_transformation").stream()).map(t -> Expr.text(t.get("name"))).collect(Collectors.toSet());
            Matcher custom = CUSTOM_METRIC.matcher(board.text("dashboard_body"));
            while (custom.find()) {
                check.require(filtered.contains(custom.group(1)), board.file(), board.address(), "dashboard_body", "the " + view
                        + " dashboard graphs " + custom.group(1) + " of the service's namespace, which no metric filter of the module makes");
            }
        }
    }

    /** The dashboard body cut into its widgets: each from its {@code type = "..."} to the next one. */
    static List<String> widgets(String body) {
        List<String> out = new ArrayList<>();
        Matcher type = WIDGET.matcher(body);
        int start = -1;
        while (type.find()) {
            if (start >= 0) {
                out.add(body.substring(start, type.start()));
            }
            start = type.start();
        }
        if (start >= 0) {
            out.add(body.substring(start));
        }
        return out;
    }
}
