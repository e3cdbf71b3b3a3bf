package org.faithbot.verification.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.faithbot.verification.docs.AlarmPlaybookCheck;
import org.faithbot.verification.docs.MarkdownDocument;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local target's alerting rules stand for the Terraform's CloudWatch alarms: each names an alarm key of
 * alarms.tf, a severity, and a runbook section that exists; a missing figure alerts (NFR-OPS-5).
 */
class LocalAlertRulesTest {

    private static final Path ROOT = Targets.projectRoot();

    private static List<JsonNode> rules() throws Exception {
        try (InputStream in = LocalAlertRulesTest.class.getClassLoader().getResourceAsStream("monitoring/alert-rules.yml")) {
            JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<JsonNode> rules = new ArrayList<>();
            file.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
            return rules;
        }
    }

    @Test
    void everyRuleNamesAnAlarmOfTheTerraformAndARunbookSectionThatExists() throws Exception {
        Set<String> alarms = AlarmPlaybookCheck.alarmKeys(Files.readString(ROOT.resolve(AlarmPlaybookCheck.ALARMS)));
        List<JsonNode> rules = rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode rule : rules) {
            String name = rule.path("alert").asText();
            assertThat(rule.path("labels").path("alarm").asText()).as("%s's alarm key", name).isIn(alarms);
            assertThat(rule.path("labels").path("severity").asText()).as("%s's severity", name).isIn("critical", "warning", "info");
            String runbook = rule.path("annotations").path("runbook").asText();
            assertThat(runbook).as("%s's runbook", name).contains("#");
            Path document = ROOT.resolve(runbook.substring(0, runbook.indexOf('#')));
            assertThat(document).as("%s's runbook document", name).exists();
            assertThat(MarkdownDocument.read(document).anchors()).as("%s's runbook section", name).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void theRequirementsThresholdsAndMissingFiguresAlert() throws Exception {
        List<JsonNode> rules = rules();
        assertThat(rules).anySatisfy(rule -> assertThat(rule.path("expr").asText()).contains("absent(up{job=\"chatbot\"})"));
        assertThat(rules).anySatisfy(rule -> assertThat(rule.path("expr").asText()).contains("code=\"5xx\"").contains("job=\"balancer\"").contains("> 0.05"));
        assertThat(rules).anySatisfy(rule -> assertThat(rule.path("expr").asText()).contains("histogram_quantile(0.95").contains("> 3"));
    }
}
