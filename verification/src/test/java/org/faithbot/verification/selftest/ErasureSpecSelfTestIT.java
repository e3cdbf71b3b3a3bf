package org.faithbot.verification.selftest;

import org.faithbot.verification.run.VerificationRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the erasure spec can fail: the same steps, against the same local target, with a stray
 * item carrying one attribute of the user planted in every table. The spec must fail at its
 * data-store check and name every table.
 */
@LocalTargetOnly
class ErasureSpecSelfTestIT {

    @AfterEach
    void forgetSelfTestEvidence() {
        VerificationRun.current().evidence().clear(); // this run's evidence must not reach the launch-readiness report
    }

    @Test
    void theErasureSpecFailsWhenAnAttributeOfTheUserSurvivesInAnyTable() {
        FailureCapture.Run run = FailureCapture.run("erasure-with-stray-items.feature");
        byte exit = run.exit();
        List<FailureCapture.FailedStep> failed = run.failed();
        assertThat(exit).as("exit status of the erasure spec with stray items").isNotZero();
        assertThat(failed).as("failed steps").hasSize(1);
        assertThat(failed.getFirst().step()).isEqualTo("no item in any table of the data store holds any trace of her");
        for (var table : VerificationRun.current().target().tables().tables()) {
            assertThat(failed.getFirst().error()).as("the failure names the table " + table.name())
                    .contains(VerificationRun.current().target().tablePrefix() + table.name() + " item");
        }
    }
}
