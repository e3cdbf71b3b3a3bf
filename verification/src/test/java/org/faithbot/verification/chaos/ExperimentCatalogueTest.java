package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiments of chaos-experiments/ are what terraform/modules/fis builds the FIS templates from
 * and what the game day runs: every file must read as an experiment, its FIS part must be what the
 * module accepts (stop conditions on the monitoring module's alarm keys, targets by tag), its local
 * part must be short and bounded, and chaos.feature must run each with the criteria it serves.
 */
class ExperimentCatalogueTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private final ExperimentCatalogue catalogue = ExperimentCatalogue.load(ROOT.resolve("chaos-experiments"));

    /** The alarm keys of the monitoring module (terraform/modules/monitoring/alarms.tf, local.alarms). */
    private static Set<String> alarmKeys() throws IOException {
        String alarms = Files.readString(ROOT.resolve("terraform/modules/monitoring/alarms.tf"));
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\"([a-z0-9-]+)\"\\s*=\\s*aws_cloudwatch_metric_alarm\\.").matcher(alarms);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    @Test
    void everyFileIsAnExperimentNamedAfterItsId() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(catalogue.all()).allSatisfy(e -> assertThat(e.file().getFileName().toString()).isEqualTo(e.id() + ".json"));
    }

    @Test
    void everyExperimentDeclaresWhatItsFaultMustPageByTheLocalAlertingRules() throws IOException {
        String rules = Files.readString(ROOT.resolve("verification/src/main/resources/monitoring/alert-rules.yml"));
        Set<String> ruleNames = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("(?m)^\\s*- alert:\\s*(\\S+)").matcher(rules);
        while (matcher.find()) {
            ruleNames.add(matcher.group(1));
        }
        assertThat(ruleNames).contains("InstanceDown", "ServiceDown", "HighErrorRate");
        assertThat(catalogue.all()).allSatisfy(e -> {
            assertThat(e.alerting()).as("%s declares its alerting", e.id()).isNotNull();
            assertThat(e.alerting().why()).as("%s says why", e.id()).isNotBlank();
            assertThat(e.alerting().expected()).as("%s expects alerts the local target's Prometheus has", e.id()).isSubsetOf(ruleNames);
            assertThat(e.alerting().tolerated()).as("%s tolerates alerts the local target's Prometheus has", e.id()).isSubsetOf(ruleNames)
                    .noneMatch(e.alerting().expected()::contains);
            assertThat(e.alerting().detectWithin()).isLessThanOrEqualTo(Duration.ofMinutes(15));
        });
        assertThat(catalogue.all()).as("some experiment's fault must page, some the service absorbs silently")
                .anySatisfy(e -> assertThat(e.alerting().silent()).isFalse())
                .anySatisfy(e -> assertThat(e.alerting().silent()).isTrue());
    }

    @Test
    void anAlertingWithoutNamesOrReasonIsRefused() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Alerting.from(json.readTree("{\"expected\": \"InstanceDown\", \"why\": \"x\"}"), "e")))
                .hasMessageContaining("alerting.expected must be a list");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Alerting.from(json.readTree("{\"expected\": []}"), "e")))
                .hasMessageContaining("'why' is missing");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Alerting.from(json.readTree("{\"expected\": [\"\"], \"why\": \"x\"}"), "e")))
                .hasMessageContaining("blank");
    }

    @Test
    void everyExperimentServesCriteriaOfTheCatalogue() {
        CriteriaCatalogue criteria = CriteriaCatalogue.load();
        assertThat(catalogue.all()).allSatisfy(e -> assertThat(e.criteria())
                .allSatisfy(c -> assertThat(criteria.find(c)).as("%s serves %s, a criterion of the catalogue", e.id(), c).isPresent()));
    }

    @Test
    void theFisPartIsWhatTheTerraformModuleAccepts() throws IOException {
        Set<String> keys = alarmKeys();
        assertThat(keys).contains("alb-5xx-rate", "alb-p95-latency", "alb-unhealthy-hosts", "alb-no-healthy-hosts");
        List<Experiment> withFis = catalogue.all().stream().filter(e -> e.fis() != null).toList();
        assertThat(withFis).hasSizeGreaterThanOrEqualTo(6);
        for (Experiment e : withFis) {
            JsonNode fis = e.fis().raw();
            assertThat(e.fis().stopConditionAlarms()).as("%s: stop conditions", e.id()).isNotEmpty();
            assertThat(e.fis().stopConditionAlarms()).as("%s: stop conditions name monitoring alarm keys", e.id()).allMatch(keys::contains);
            assertThat(fis.path("durationMinutes").asInt()).as("%s: durationMinutes", e.id()).isBetween(1, 30);
            Set<String> targets = new LinkedHashSet<>();
            fis.path("targets").properties().forEach(t -> {
                targets.add(t.getKey());
                assertThat(t.getValue().path("resourceType").asText()).as("%s: target %s resourceType", e.id(), t.getKey()).isNotBlank();
                assertThat(t.getValue().path("selectionMode").asText()).as("%s: target %s selectionMode", e.id(), t.getKey())
                        .matches("ALL|COUNT\\(\\d+\\)|PERCENT\\(\\d+\\)");
                assertThat(t.getValue().path("resourceTags").path("ChaosAllowed").asText()).as("%s: target %s selects by the opt-in tag", e.id(), t.getKey())
                        .isEqualTo("true");
                assertThat(t.getValue().has("resourceArns")).as("%s: target %s names no ARN", e.id(), t.getKey()).isFalse();
            });
            fis.path("actions").properties().forEach(a -> {
                assertThat(a.getValue().path("actionId").asText()).as("%s: action %s", e.id(), a.getKey()).startsWith("aws:");
                a.getValue().path("targets").properties().forEach(t -> assertThat(targets)
                        .as("%s: action %s targets a declared target", e.id(), a.getKey()).contains(t.getValue().asText()));
                a.getValue().path("parameters").properties().forEach(p -> assertThat(p.getValue().isValueNode())
                        .as("%s: parameter %s is a plain value (the module passes tostring)", e.id(), p.getKey()).isTrue());
            });
        }
    }

    @Test
    void everyLocalFaultIsShortBoundedAndRecoversWithinTheNfr() {
        for (Experiment e : catalogue.all()) {
            assertThat(e.maxRecovery()).as("%s: recovery bound within the NFR (MTTR < 30 min)", e.id()).isLessThan(Duration.ofMinutes(30));
            if (e.local() != null) {
                assertThat(e.local().duration()).as("%s: local fault duration", e.id()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
                assertThat(e.local().rationale()).as("%s: says how the local fault stands for the real one", e.id()).isNotBlank();
            }
            assertThat(e.steadyState().lostWritesAtMost()).as("%s: lost writes allowed", e.id()).isZero();
            assertThat(e.steadyState().hypothesis()).isNotBlank();
        }
        assertThat(catalogue.all().stream().filter(e -> e.local() != null).map(e -> e.local().type()).distinct())
                .as("local faults").contains(LocalFault.Type.values());
    }

    @Test
    void chaosFeatureRunsEveryExperimentWithTheCriteriaItServes() throws IOException {
        Map<String, Experiment> byId = new java.util.LinkedHashMap<>();
        catalogue.all().forEach(e -> byId.put(e.id(), e));
        Map<String, Set<String>> tagsOfRun = new java.util.LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        Pattern run = Pattern.compile("^\\s*When the experiment \"([a-z0-9-]+)\" is run$");
        for (String line : Files.readAllLines(ROOT.resolve("features/chaos.feature"))) {
            String trimmed = line.trim();
            if (trimmed.startsWith("@")) {
                tags = new LinkedHashSet<>(List.of(trimmed.split("\\s+")));
            }
            Matcher matcher = run.matcher(line);
            if (matcher.matches()) {
                tagsOfRun.put(matcher.group(1), tags);
            }
        }
        assertThat(tagsOfRun.keySet()).as("experiments chaos.feature runs").containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (Map.Entry<String, Set<String>> scenario : tagsOfRun.entrySet()) {
            Experiment e = byId.get(scenario.getKey());
            Set<String> criteriaTags = new LinkedHashSet<>();
            scenario.getValue().stream().filter(CriteriaCatalogue::isCriterionTag).forEach(criteriaTags::add);
            assertThat(criteriaTags).as("%s: the scenario's criteria are the experiment's", e.id())
                    .containsExactlyInAnyOrderElementsOf(e.criteria().stream().map(c -> "@" + c).toList());
            assertThat(scenario.getValue()).as("%s: runs locally", e.id()).contains("@local");
            assertThat(scenario.getValue().contains("@staging")).as("%s: runs in staging exactly when it has an FIS template", e.id())
                    .isEqualTo(e.fis() != null);
        }
    }
}
