package org.faithbot.verification.selftest;

import org.faithbot.verification.run.VerificationRun;
import org.faithbot.verification.local.BackendServer;
import org.faithbot.verification.local.LocalTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves an experiment whose hypothesis breaks fails its spec and names the broken part: the chaos
 * steps, on the local target, with deliberately breaking configurations (a recovery bound shorter
 * than the fault; a stop condition the fault sets off, which must abort it; the alerting rule its fault must set off
 * removed, which must be "no alert"). Every experiment must fail at its hypothesis step, each naming what broke, and leave the target whole (every fault rolled back).
 */
@LocalTargetOnly
class ChaosSelfTestIT {

    @AfterEach
    void forgetSelfTestEvidence() {
        VerificationRun.current().evidence().clear(); // this run's evidence must not reach the launch-readiness report
    }

    @Test
    void anExperimentWhoseHypothesisBreaksFailsItsSpecAndNamesTheBrokenPart() {
        FailureCapture.Run run = FailureCapture.run("chaos-with-a-broken-hypothesis.feature");
        byte exit = run.exit();
        List<FailureCapture.FailedStep> failed = run.failed();
        assertThat(exit).as("exit status of the chaos spec with breaking configurations").isNotZero();
        assertThat(failed).as("failed steps").hasSize(3);
        assertThat(failed).allSatisfy(f -> assertThat(f.step()).isEqualTo("its steady-state hypothesis held"));
        assertThat(failed.get(0).error()).contains("database-unresponsive")
                .contains("BROKEN: back to the steady state within 2 s of the fault's start (MTTR");
        assertThat(failed.get(0).error()).doesNotContain("BROKEN: at most 0 acknowledged writes lost");
        assertThat(failed.get(1).error()).contains("database-unresponsive")
                .contains("BROKEN: no stop condition in alarm (alb-no-healthy-hosts) (alb-no-healthy-hosts in alarm: the fault was aborted)");

        assertThat(failed.get(2).error()).contains("database-unresponsive")
                .contains("BROKEN: the fault is detected: HighErrorRate pages within 20 s of its start, naming its runbook section (no alert: HighErrorRate did not page within 20 s)")
                .contains("BROKEN: no missed alert (no alert: [HighErrorRate])");
        var monitoring = LocalTarget.of(VerificationRun.current().target()).monitoring();
        assertThat(monitoring.loadedRules()).as("the removed rule is back in Prometheus").contains("HighErrorRate");

        // every fault was rolled back: the balancer sees every server it uses (not in maintenance) healthy again
        var balancer = LocalTarget.of(VerificationRun.current().target()).balancer();
        for (var server : balancer.servers().values()) {
            if (!server.status().startsWith("MAINT")) {
                balancer.awaitServer(server.name(), BackendServer::isUp, Duration.ofSeconds(30));
            }
        }
        assertThat(VerificationRun.current().runningGameDay()).as("the self-test's game day ended with its run").isEmpty();
    }
}
