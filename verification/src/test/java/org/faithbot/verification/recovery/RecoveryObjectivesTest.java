package org.faithbot.verification.recovery;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The objectives the drills hold themselves to come from docs/recovery-objectives.md, and fit the availability targets. */
class RecoveryObjectivesTest {

    private final RecoveryObjectives objectives = RecoveryObjectives.load(Targets.projectRoot());

    @Test
    void definesProductionObjectivesWithinTheMeanTimeToRecovery() {
        RecoveryObjectives.Objective inRegion = objectives.production("in-region");
        assertThat(inRegion.rto()).isEqualTo(Duration.ofMinutes(15)).isLessThan(Duration.ofMinutes(30));
        assertThat(inRegion.rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(objectives.production("region-loss").rpo()).isPositive();
    }

    @Test
    void definesTheLocalDrillsGoalsApart() {
        assertThat(objectives.localDrill().rto()).isEqualTo(Duration.ofSeconds(120));
        assertThat(objectives.localDrill().rpo()).isGreaterThan(objectives.localBackupInterval());
    }

    @Test
    void refusesADocumentWithoutTheBlock() {
        assertThatThrownBy(() -> RecoveryObjectives.parse("# nothing\n```yaml\nother: 1\n```\n"))
                .hasMessageContaining("no ```yaml block");
    }
}
