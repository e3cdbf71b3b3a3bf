package org.faithbot.verification.recovery;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FigureRouting;
import org.faithbot.verification.catalogue.SpecSteps;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery drills' figures go under the criterion the step definitions once named for each, whatever the
 * scenario carries: in every scenario of the recovery spec and of its self-test (which carries no criterion tag).
 */
class RecoveryFigureRoutesTest {

    /** Each step recording figures: the key of each figure now, and the criterion it was recorded under before. */
    private static final Map<String, Map<String, String>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("the restore passed over the backup of the corrupted data", Map.of("recovery.corrupted-backup", "AC-5.5"));
        STEPS.put("the recovery time is within the local drill's recovery time objective", Map.of("recovery.rto", "AC-5.4"));
        STEPS.put("the data lost is within the local drill's recovery point objective", Map.of("recovery.rpo", "AC-5.4"));
        STEPS.put("every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export",
                Map.of("recovery.integrity", "AC-5.5"));
        STEPS.put("every restored table has the same item count and checksum as its source at the backup", Map.of("recovery.integrity", "AC-5.5"));
        STEPS.put("the service accepts new writes on the restored tables", Map.of("recovery.new-writes", "NFR-OPS-4"));
        STEPS.put("every backup of the drill succeeded", Map.of("recovery.backup-success", "SC-OPS-2", "recovery.drill-duration", "NFR-OPS-4"));
        STEPS.put("every command of the runbook the drill ran succeeded", Map.of("recovery.runbook-commands", "AC-5.3"));
        STEPS.put("point-in-time recovery is enabled on every table of the service, with at least \\d+ days to restore from",
                Map.of("recovery.pitr", "AC-5.1"));
        STEPS.put("her writes become restorable, within the in-region recovery point objective", Map.of("recovery.rpo", "AC-5.4"));
        STEPS.put("the restore took no longer than the in-region recovery time objective", Map.of("recovery.rto", "AC-5.4"));
        STEPS.put("her writes are present and identical in the tables restored to that instant", Map.of("recovery.pitr", "AC-5.1"));
        STEPS.put("every table of the service has a completed recovery point in the primary region's backup vault",
                Map.of("recovery.dr-region", "AC-5.2"));
        STEPS.put("the newest copy of each table in the disaster-recovery region's vault is no older than the region-loss recovery point objective",
                Map.of("recovery.dr-region", "AC-5.2"));
        STEPS.put("the restore took no longer than the region-loss recovery time objective", Map.of("recovery.rto", "AC-5.4"));
        STEPS.put("every table restored in the disaster-recovery region is active and holds the backed-up items",
                Map.of("recovery.dr-region", "AC-5.2"));
    }

    private static final List<String> WITHOUT_FIGURES = List.of(
            "a recovery drill site: the service on its own local AWS with genuine DynamoDB backup snapshots",
            "\\d+ users chat with the service, each sending a message every \\d+ ms, while every acknowledged write is recorded",
            "every table is backed up on the local drill's schedule, \\d+ times, while they chat",
            "disaster strikes \\d+ ms after the last backup: .*",
            "a scheduled backup runs after the bad release and captures the corrupted data",
            "every table is restored from its latest backup taken before the disaster into new tables",
            "the service is re-pointed at the restored tables and serves again",
            "one write acknowledged before the recovery point is lost from the restored messages table",
            "a new user \"\\w+\" writes \\d+ chat messages through the service, each acknowledgement recorded",
            "every table is restored to the latest restorable instant into new tables",
            "every table is restored in the disaster-recovery region from its newest copy",
            "the drill's restored tables are deleted");

    private final FigureRouting routing = CriteriaCatalogue.load().figures();

    @Test
    void everyFigureOfTheRecoveryDrillsGoesUnderTheCriterionItWentUnderBefore() {
        Path root = Targets.projectRoot();
        int checked = 0;
        for (Path feature : List.of(root.resolve("features/recovery.feature"),
                root.resolve("verification/src/test/resources/selftest/recovery-with-a-lost-write.feature"))) {
            for (SpecSteps scenario : SpecSteps.of(feature)) {
                for (String step : scenario.steps()) {
                    Map<String, String> figures = STEPS.entrySet().stream().filter(e -> step.matches(e.getKey())).map(Map.Entry::getValue)
                            .findFirst().orElse(null);
                    if (figures == null) {
                        assertThat(WITHOUT_FIGURES).as("a step of %s records no figure: %s", scenario.name(), step).anyMatch(step::matches);
                        continue;
                    }
                    for (Map.Entry<String, String> figure : figures.entrySet()) {
                        assertThat(routing.criteriaFor(figure.getKey(), scenario.criteria()))
                                .as("%s in \"%s\" (%s)", figure.getKey(), scenario.name(), scenario.criteria())
                                .containsExactly(figure.getValue());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(STEPS.size());
    }

    @Test
    void theRunbookFigureOfADrillWithoutTheRunbookCriterionStillGoesUnderIt() {
        assertThat(routing.criteriaFor("recovery.runbook-commands", List.of("AC-5.4", "AC-5.5", "NFR-OPS-4", "SC-OPS-2"))).containsExactly("AC-5.3");
        assertThat(routing.criteriaFor("recovery.integrity", List.of())).as("the self-test").containsExactly("AC-5.5");
    }
}
