package org.faithbot.verification.selftest;

import org.faithbot.verification.run.VerificationRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the load specs can fail: the same steps, against the same local target, with a latency
 * fault injected during the load (see {@link org.faithbot.verification.load.LatencyFault}). The
 * chat p95 spec must fail at its threshold, and only there: nothing else broke.
 */
@LocalTargetOnly
class LoadSpecSelfTestIT {

    @AfterEach
    void forgetSelfTestEvidence() {
        VerificationRun.current().evidence().clear(); // this run's evidence must not reach the launch-readiness report
    }

    @Test
    void theChatLatencySpecFailsWhenALatencyFaultPushesP95OverThreeSeconds() {
        FailureCapture.Run run = FailureCapture.run("performance-under-latency-fault.feature");
        byte exit = run.exit();
        List<FailureCapture.FailedStep> failed = run.failed();
        assertThat(exit).as("exit status of the load spec under a latency fault").isNotZero();
        assertThat(failed).as("failed steps").hasSize(1);
        assertThat(failed.getFirst().step()).isEqualTo("the chat p95 under this load is below 3000 ms");
        assertThat(failed.getFirst().error()).contains("chat latency p95 under load").contains("NOT MET");
    }
}
