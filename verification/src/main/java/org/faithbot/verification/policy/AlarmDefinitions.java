package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of the alarms (terraform/modules/monitoring/alarms.yaml), as the monitoring module reads it:
 * {@code local.alarm_definitions = yamldecode(file("${path.module}/alarms.yaml")).alarms}. Each alarm's key, severity,
 * threshold (in its unit), CloudWatch comparison, missing-data treatment and the runbook section that answers it.
 */
record AlarmDefinitions(String file, List<Definition> all) {

    static final String LOCAL = "alarm_definitions";
    static final String FILE = MonitoringRules.MONITORING + "/alarms.yaml";

    private static final Pattern ALARM_NAME = Pattern.compile("^\\$\\{var\\.name}-([a-z0-9-]+?)(-\\$\\{each\\.key})?$");

    /**
     * One alarm of the definition.
     *
     * @param unit            percent, seconds, hosts or count
     * @param silenceIsOutage whether no data at all means nothing answers (the alarm must treat missing data as breaching)
     * @param perTable        whether the alarm exists once per DynamoDB table (keyed {@code <key>-<table>})
     */
    record Definition(String key, String severity, double threshold, String unit, String comparison, String missingData,
                      boolean silenceIsOutage, boolean perTable, String runbook, JsonNode raw) {
    }

    /** The definition the monitoring module decodes, or empty when the module reads none. */
    static Optional<AlarmDefinitions> of(TerraformConfig terraform) {
        return terraform.findModule("modules/monitoring").flatMap(m -> m.decoded(LOCAL)).map(data -> {
            List<Definition> all = new ArrayList<>();
            data.fields().forEachRemaining(e -> {
                JsonNode d = e.getValue();
                all.add(new Definition(e.getKey(), d.path("severity").asText(""), d.path("threshold").asDouble(Double.NaN),
                        d.path("unit").asText(""), d.path("comparison").asText(""), d.path("missing_data").asText(""),
                        d.path("silence_is_outage").asBoolean(false), d.path("per_table").asBoolean(false), d.path("runbook").asText(""), d));
            });
            return new AlarmDefinitions(FILE, List.copyOf(all));
        });
    }

    Optional<Definition> byKey(String key) {
        return all.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /**
     * The definition key of a Terraform alarm, from its name {@code "${var.name}-<key>"} (a per-table alarm's
     * {@code "${var.name}-<key>-${each.key}"} gives the key without the table).
     */
    static Optional<String> keyOf(TfBlock alarm) {
        Matcher m = ALARM_NAME.matcher(alarm.text("alarm_name"));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the Terraform alarm is per table ({@code "${var.name}-<key>-${each.key}"}). */
    static boolean perTable(TfBlock alarm) {
        Matcher m = ALARM_NAME.matcher(alarm.text("alarm_name"));
        return m.matches() && m.group(2) != null;
    }
}
