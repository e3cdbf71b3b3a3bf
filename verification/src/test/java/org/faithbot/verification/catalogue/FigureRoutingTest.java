package org.faithbot.verification.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureRoutingTest {

    private static final Set<String> CRITERIA = Set.of("AC-1.6", "NFR-AVAIL-5", "SC-DEPLOY-3", "NFR-AVAIL-2", "AC-2.13");

    private static FigureRouting routing(String yaml) throws Exception {
        return FigureRouting.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), CRITERIA);
    }

    @Test
    void anUnlistedFigureGoesUnderEveryCriterionOfItsScenario() throws Exception {
        FigureRouting routing = routing("[]");
        assertThat(routing.criteriaFor("deployment.rollback-time", List.of("AC-1.6", "SC-DEPLOY-3"))).containsExactly("AC-1.6", "SC-DEPLOY-3");
    }

    @Test
    void aListedFigureGoesOnlyUnderTheCriteriaItServesThatTheScenarioCarries() throws Exception {
        FigureRouting routing = routing("[{key: deployment.rollback-time, serves: [AC-1.6, NFR-AVAIL-5]}]");
        assertThat(routing.criteriaFor("deployment.rollback-time", List.of("AC-1.6", "AC-2.13", "NFR-AVAIL-5", "SC-DEPLOY-3")))
                .containsExactly("AC-1.6", "NFR-AVAIL-5");
    }

    @Test
    void theMostSpecificListedKeyWinsOverItsFamily() throws Exception {
        FigureRouting routing = routing("[{key: deployment, serves: [AC-2.13]}, {key: deployment.rollback-time, serves: [AC-1.6]}]");
        assertThat(routing.criteriaFor("deployment.rollback-time", List.of("AC-1.6", "AC-2.13"))).containsExactly("AC-1.6");
        assertThat(routing.criteriaFor("deployment.completed", List.of("AC-1.6", "AC-2.13"))).containsExactly("AC-2.13");
    }

    @Test
    void aScenarioWithoutTheCriteriaFallsBackOnTheDeclaredFallbackOrTheFirstCriterionServed() throws Exception {
        FigureRouting routing = routing("[{key: chaos, fallback: NFR-AVAIL-2}, {key: deployment.rollback-time, serves: [AC-1.6, NFR-AVAIL-5]}]");
        assertThat(routing.criteriaFor("chaos.mttr", List.of())).containsExactly("NFR-AVAIL-2");
        assertThat(routing.criteriaFor("chaos.mttr", List.of("AC-2.13"))).containsExactly("AC-2.13");
        assertThat(routing.criteriaFor("deployment.rollback-time", List.of("SC-DEPLOY-3"))).containsExactly("AC-1.6");
    }

    @Test
    void aFigureWithNowhereToGoIsRefused() throws Exception {
        FigureRouting routing = routing("[]");
        assertThatThrownBy(() -> routing.criteriaFor("chat.smoke", List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat.smoke");
    }

    @Test
    void aRouteNamingAnUnknownCriterionOrAKeyTwiceIsRefused() {
        assertThatThrownBy(() -> routing("[{key: x, serves: [AC-9.9]}]")).hasMessageContaining("AC-9.9");
        assertThatThrownBy(() -> routing("[{key: x, fallback: AC-1.6}, {key: x, fallback: AC-1.6}]")).hasMessageContaining("twice");
    }

    @Test
    void theCataloguesOwnRoutesNameOnlyItsCriteria() {
        CriteriaCatalogue catalogue = CriteriaCatalogue.load();
        assertThat(catalogue.figures().routeOf("runbook.commands-exist")).get()
                .extracting(FigureRouting.Route::serves).isEqualTo(List.of("AC-5.6", "AC-6.4", "NFR-OPS-3"));
    }
}
