package org.faithbot.verification.deployment;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.FigureRouting;
import org.faithbot.verification.catalogue.SpecScenario;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the deployment drills goes under the criteria it went under when the steps named them: the
 * candidates below (the steps' lists, in their order), those of them the scenario carries, else the first.
 */
class DeploymentFigureRoutingTest {

    /** The criteria each figure was recorded under by the step definitions, before its key was routed by criteria.yaml. */
    private static final Map<String, List<String>> CANDIDATES = Map.ofEntries(
            entry(DrillFigure.SUCCESS_RATE, List.of("NFR-AVAIL-4")),
            entry(DrillFigure.COMPLETED, List.of("AC-2.13", "AC-1.5")),
            entry(DrillFigure.FAILED_REQUESTS, List.of("SC-DEPLOY-1", "AC-1.1", "AC-1.5")),
            entry(DrillFigure.LOAD_FAILED_REQUESTS, List.of("AC-1.5", "SC-DEPLOY-1", "AC-1.1")),
            entry(DrillFigure.TIME, List.of("SC-DEPLOY-2")),
            entry(DrillFigure.CAPACITY, List.of("AC-2.13")),
            entry(DrillFigure.VALIDATION, List.of("AC-2.15")),
            entry(DrillFigure.VALIDATION_P95, List.of("SC-PERF-3", "AC-2.15")),
            entry(DrillFigure.VALIDATION_FAILED_REQUESTS, List.of("AC-2.15", "AC-2.15")),
            entry(DrillFigure.VALIDATION_FAILED_REQUESTS_AFTER_ROLLBACK, List.of("AC-1.6", "AC-2.15")),
            entry(DrillFigure.STOPPED_BY_GATE, List.of("AC-2.14", "AC-2.13")),
            entry(DrillFigure.ROLLBACK_TIME, List.of("AC-1.6", "NFR-AVAIL-5")),
            entry(DrillFigure.ROLLBACK_TIME_LOCAL_GOAL, List.of("AC-1.6")),
            entry(DrillFigure.ROLLBACK_SUCCESS, List.of("SC-DEPLOY-3")),
            entry(DrillFigure.BAD_RELEASE_FAILED_REQUESTS, List.of("AC-2.14", "AC-1.6")),
            entry(DrillFigure.BAD_RELEASE_FAILED_REQUESTS_PROBE, List.of("AC-2.14")),
            entry(DrillFigure.BAD_RELEASE_FAILED_ELSEWHERE, List.of("AC-2.14")),
            entry(DrillFigure.BAD_RELEASE_TRAFFIC, List.of("AC-1.5", "AC-2.14")),
            entry(DrillFigure.DRILLS_LOAD_FAILED_REQUESTS, List.of("SC-DEPLOY-1", "AC-2.13")),
            entry(DrillFigure.DRILLS_LOAD_FAILED_OUTSIDE_BAD_RELEASES, List.of("SC-DEPLOY-1", "AC-1.1")),
            entry(DrillFigure.STAGING_SUCCESS_RATE, List.of("NFR-AVAIL-4", "AC-2.13")),
            entry(DrillFigure.STAGING_FAILED_REQUESTS, List.of("SC-DEPLOY-1", "AC-1.5")),
            entry(DrillFigure.STAGING_STOPPED_AUTOMATICALLY, List.of("AC-2.14")));

    private final FigureRouting routing = CriteriaCatalogue.load().figures();
    private final List<SpecScenario> drills = FeatureIndex.of(Targets.projectRoot().resolve("features")).scenarios().stream()
            .filter(s -> s.uri().equals("deployment.feature") || s.uri().equals("deployment-staging.feature")).toList();

    /** The steps' former rule: the candidates the scenario carries, else the first candidate. */
    private static List<String> asTheStepsRecordedIt(List<String> candidates, List<String> scenarioCriteria) {
        List<String> under = candidates.stream().filter(scenarioCriteria::contains).distinct().toList();
        return under.isEmpty() ? List.of(candidates.getFirst()) : under;
    }

    @Test
    void everyKeyOfTheDrillsIsListedInTheCatalogueWithTheCriteriaItServes() {
        assertThat(DrillFigure.keys()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CANDIDATES.keySet());
        for (String key : DrillFigure.keys()) {
            assertThat(routing.routeOf(key)).as(key).get().satisfies(route -> {
                assertThat(route.key()).isEqualTo(key);
                assertThat(route.serves()).containsExactlyElementsOf(CANDIDATES.get(key).stream().distinct().toList());
            });
        }
    }

    @Test
    void everyFigureGoesUnderTheSameCriteriaAsBeforeInEveryScenarioOfTheDrills() {
        assertThat(drills).hasSize(8);
        for (SpecScenario scenario : drills) {
            List<String> criteria = CriteriaCatalogue.criteriaOf(scenario.tags());
            for (String key : DrillFigure.keys()) {
                assertThat(routing.criteriaFor(key, criteria)).as("%s in '%s' %s", key, scenario.name(), criteria)
                        .containsExactlyInAnyOrderElementsOf(asTheStepsRecordedIt(CANDIDATES.get(key), criteria));
            }
        }
    }

    @Test
    void aScenarioCarryingNoneOfAFiguresCriteriaRecordsItUnderTheFirst() {
        for (String key : DrillFigure.keys()) {
            assertThat(routing.criteriaFor(key, List.of())).as(key).containsExactly(CANDIDATES.get(key).getFirst());
            assertThat(routing.criteriaFor(key, List.of("AC-6.6"))).as(key).containsExactly(CANDIDATES.get(key).getFirst());
        }
    }

    @Test
    void theDrillsFiguresGoWhereTheirScenariosSay() {
        List<String> blueGreen = criteriaOf("Blue-green: a good release goes live");
        List<String> canary = criteriaOf("Canary: a release failing 30 %");
        List<String> unready = criteriaOf("Blue-green: a release whose readiness never comes up");
        List<String> stagingCanary = criteriaOf("Canary through CodeDeploy");
        assertThat(routing.criteriaFor(DrillFigure.VALIDATION_P95, blueGreen)).containsExactlyInAnyOrder("SC-PERF-3", "AC-2.15");
        assertThat(routing.criteriaFor(DrillFigure.VALIDATION_P95, canary)).containsExactly("AC-2.15");
        assertThat(routing.criteriaFor(DrillFigure.FAILED_REQUESTS, blueGreen)).containsExactlyInAnyOrder("SC-DEPLOY-1", "AC-1.1", "AC-1.5");
        assertThat(routing.criteriaFor(DrillFigure.FAILED_REQUESTS, unready)).containsExactly("AC-1.5");
        assertThat(routing.criteriaFor(DrillFigure.ROLLBACK_TIME, canary)).containsExactlyInAnyOrder("AC-1.6", "NFR-AVAIL-5");
        assertThat(routing.criteriaFor(DrillFigure.ROLLBACK_TIME, stagingCanary)).containsExactlyInAnyOrder("AC-1.6", "NFR-AVAIL-5");
        assertThat(routing.criteriaFor(DrillFigure.STAGING_STOPPED_AUTOMATICALLY, stagingCanary)).containsExactly("AC-2.14");
        assertThat(routing.criteriaFor(DrillFigure.SUCCESS_RATE, blueGreen)).containsExactly("NFR-AVAIL-4");
        assertThat(routing.criteriaFor(DrillFigure.COMPLETED, blueGreen)).containsExactlyInAnyOrder("AC-2.13", "AC-1.5");
    }

    private List<String> criteriaOf(String scenarioNameStart) {
        return drills.stream().filter(s -> s.name().startsWith(scenarioNameStart)).findFirst()
                .map(s -> CriteriaCatalogue.criteriaOf(s.tags())).orElseThrow(() -> new AssertionError("no scenario " + scenarioNameStart));
    }
}
