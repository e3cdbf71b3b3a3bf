package org.faithbot.verification.selftest;

import org.faithbot.verification.run.VerificationRun;
import org.faithbot.verification.local.LocalMoto;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves the recovery drill can fail: the same steps, on the same kind of drill site, with one write
 * acknowledged before the recovery point deleted from the restored messages table before the
 * service is re-pointed. The drill must fail at its integrity check, and name that write.
 */
@LocalTargetOnly
class RecoveryDrillSelfTestIT {

    @AfterEach
    void forgetSelfTestEvidence() {
        VerificationRun.current().evidence().clear(); // this run's evidence must not reach the launch-readiness report
    }

    @Test
    void theDrillFailsAndNamesTheWriteWhenOneAcknowledgedBeforeTheRecoveryPointIsLost() {
        assumeTrue(LocalMoto.isInstalled(), "moto_server is not installed: the recovery drill's self-test is skipped");
        FailureCapture.Run run = FailureCapture.run("recovery-with-a-lost-write.feature");
        byte exit = run.exit();
        List<FailureCapture.FailedStep> failed = run.failed();
        AcknowledgedWrite lost = run.handedOver(AcknowledgedWrite.class);
        assertThat(exit).as("exit status of the drill with a lost write").isNotZero();
        assertThat(lost).as("the write the self-test lost").isNotNull();
        assertThat(failed).as("failed steps").hasSize(1);
        assertThat(failed.getFirst().step())
                .isEqualTo("every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export");
        assertThat(failed.getFirst().error()).as("the failure names the lost write, in the restored tables and in the export")
                .contains("MISSING " + lost.describe() + ": the reply is missing")
                .contains("restored tables")
                .contains("export");
    }
}
