package org.faithbot.verification.chaos;

import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The game day's figures are measured or absent: nothing is typed in for experiments that did not run or checks that passed. */
class ExperimentFiguresTest {

    private final ExperimentCatalogue catalogue = ExperimentCatalogue.load(Targets.projectRoot().resolve("chaos-experiments"));
    private final GameDay.Summary day = new GameDay.Summary(List.of(), null, "no load", null, null);

    private ExperimentResult ran(String id, Double mttr, int lost) {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        return new ExperimentResult(catalogue.get(id), "local", ExperimentResult.Outcome.HELD, "a fault", start, start.plusSeconds(20), mttr,
                0.5, 300, 400, 2, 0, 120, 40, lost, null, List.of(), 90, Map.of(), List.of(), null, 60, null);
    }

    @Test
    void aGameDayWhereNoExperimentRanRecordsHowManyRanAndNoMttrOrLostWrites() {
        assertThat(ExperimentFigures.ofGameDay(day, List.of(), null, "c")).extracting(Figure::metric)
                .singleElement().asString().startsWith("experiments run under load in this game day");
    }

    @Test
    void theLongestMttrNamesItsExperimentAndIsJudgedAgainstThirtyMinutes() {
        List<Figure> figures = ExperimentFigures.ofGameDay(day, List.of(ran("instance-killed", 12.5, 0), ran("cpu-stress", 3.0, 0)), 2, "c");
        assertThat(figures).filteredOn(f -> f.metric().startsWith("longest MTTR")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(12.5);
            assertThat(f.metric()).contains("instance-killed");
            assertThat(f.threshold()).isEqualTo(1800.0);
            assertThat(f.met()).isTrue();
        });
        Figure notRecovered = ExperimentFigures.ofGameDay(day, List.of(ran("cpu-stress", null, 0)), null, "c").stream()
                .filter(f -> f.metric().startsWith("longest MTTR")).findFirst().orElseThrow();
        assertThat(notRecovered.met()).as("an experiment that never recovered").isFalse();
    }

    private static Incident incident(Alerting alerting, List<Incident.Paged> paged, List<String> missed, boolean held) {
        return new Incident(alerting, paged, missed, List.of(new HypothesisCheck("alerting", "measured", held)), List.of("e"), "Prometheus",
                java.time.Duration.ofSeconds(60));
    }

    @Test
    void aMissedAlertBreaksAnExperimentThatHeldAndIsCountedOverTheGameDay() {
        Alerting instanceDown = new Alerting(List.of("InstanceDown"), "why", java.time.Duration.ofSeconds(60));
        ExperimentResult missed = ran("instance-frozen", 2.0, 0).withIncident(incident(instanceDown, List.of(), List.of("InstanceDown"), false));
        assertThat(missed.outcome()).isEqualTo(ExperimentResult.Outcome.BROKEN);
        assertThat(missed.broken()).extracting(HypothesisCheck::name).containsExactly("alerting");
        Incident.Paged paged = new Incident.Paged("InstanceDown", "alb-unhealthy-hosts", "warning", "127.0.0.1:1", "docs/runbooks/x.md#a", true,
                7.5, 7.6, 4.0);
        ExperimentResult detected = ran("instance-killed", 2.0, 0).withIncident(incident(instanceDown, List.of(paged), List.of(), true));
        assertThat(detected.outcome()).isEqualTo(ExperimentResult.Outcome.HELD);
        assertThat(ExperimentFigures.of(detected)).filteredOn(f -> f.metric().contains("time to detect")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(7.5));

        List<Figure> day = ExperimentFigures.ofDetection(List.of(missed, detected), "c");
        assertThat(day).filteredOn(f -> f.metric().startsWith("alerts missed")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(1);
            assertThat(f.met()).isFalse();
            assertThat(f.metric()).contains("instance-frozen: InstanceDown");
        });
        assertThat(day).filteredOn(f -> f.metric().startsWith("longest time to detect")).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo(7.5);
            assertThat(f.met()).isTrue();
        });
    }

    @Test
    void aToleratedAlertThatPagesIsReportedButBreaksNothing() {
        Alerting mayPage = new Alerting(List.of(), List.of("InstanceDown"), "a race", java.time.Duration.ofSeconds(60));
        Incident.Paged page = new Incident.Paged("InstanceDown", "alb-unhealthy-hosts", "warning", "127.0.0.1:1", "docs/runbooks/x.md#a", false, 7, 7.1, 8.0);
        Incident incident = Incident.judged(mayPage, List.of(page), List.of(), List.of(), "Prometheus", java.time.Duration.ofSeconds(60), true);
        assertThat(incident.unexpected()).isEmpty();
        assertThat(incident.checks()).allSatisfy(c -> assertThat(c.held()).as(c.describe()).isTrue());
        assertThat(incident.checks()).anySatisfy(c -> assertThat(c.measured()).contains("tolerated: [InstanceDown 127.0.0.1:1 after 7.0 s]"));
        Incident unresolved = Incident.judged(mayPage, List.of(new Incident.Paged("InstanceDown", "a", "warning", "", "docs/runbooks/x.md#a", false, 7, 7.1, null)),
                List.of(), List.of(), "Prometheus", java.time.Duration.ofSeconds(60), true);
        assertThat(unresolved.checks()).anySatisfy(c -> assertThat(c.held()).as("a tolerated page that never resolves").isFalse());
    }

    @Test
    void anAlertForAFaultTheServiceAbsorbsIsCountedAgainstIt() {
        Alerting silent = new Alerting(List.of(), "absorbed", java.time.Duration.ofSeconds(60));
        Incident.Paged stray = new Incident.Paged("HighErrorRate", "alb-5xx-rate", "critical", "", "docs/runbooks/x.md#a", false, 9, 9.1, 3.0);
        ExperimentResult result = ran("model-down", 1.0, 0).withIncident(incident(silent, List.of(stray), List.of(), false));
        assertThat(ExperimentFigures.ofDetection(List.of(result), "c")).filteredOn(f -> f.metric().startsWith("alerts paged for"))
                .singleElement().satisfies(f -> assertThat(f.met()).isFalse());
    }

    @Test
    void thePreflightCountsTheTemplatesRefusedOverThoseItChecked() {
        assertThat(ExperimentFigures.ofPreflight(new GameDay.Preflight(List.of(), List.of()))).isEmpty();
        Figure refused = ExperimentFigures.ofPreflight(new GameDay.Preflight(List.of("cpu-stress"), List.of("instance-killed: alarm in ALARM")))
                .getFirst();
        assertThat(refused.value()).isEqualTo(1);
        assertThat(refused.unit()).isEqualTo("templates");
        assertThat(refused.met()).isFalse();
        assertThat(refused.conditions()).startsWith("1 of 2 templates passed").contains("refused: [instance-killed: alarm in ALARM]");
    }
}
