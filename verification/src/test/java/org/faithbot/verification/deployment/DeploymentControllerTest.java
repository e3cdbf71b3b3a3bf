package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment controller against a simulated balancer, fleet and live metrics: a bad release is
 * stopped by the gates and rolled back in every strategy, and the rollback gives the previous
 * release's servers back exactly the states and weights they had; a good release completes with no
 * moment without a server in rotation.
 */
class DeploymentControllerTest {

    private final SimulatedSite site = new SimulatedSite(List.of("s1", "s2"), 4)
            .release("2.0", 0, 100)
            .release("2.0-bad", 0.3, 100)
            .release("2.0-slow", 0, 2400)
            .neverReady("2.0-unready");

    /** Smoke journeys fail on an instance whose release fails requests; the release label is the instance's. */
    private final SmokeCheck smoke = smokeOf(site);

    static SmokeCheck smokeOf(SimulatedSite site) {
        return new SmokeCheck() {
            @Override
            public Result journeys(String baseUrl, Release expected, int journeys) {
                SimulatedSite.Instance instance = site.byUrl(baseUrl);
                boolean failing = instance != null && instance.errorRatio > 0;
                return new Result(3 * journeys, failing ? 1 : 0, failing ? List.of("POST /api/v1/chat answered 500") : List.of(),
                        List.of("1.0.0+" + (instance == null ? "?" : instance.release.label())), List.of(String.valueOf(baseUrl)));
            }

            @Override
            public Optional<String> releaseLabel(String instanceUrl) {
                return Optional.ofNullable(site.byUrl(instanceUrl)).map(i -> i.release.label());
            }

            @Override
            public void warmUp(String instanceUrl, int requests) {
            }
        };
    }

    private final DeploymentController controller = new DeploymentController(site, site, site, smoke, SimulatedSite.fastSettings());

    private DeploymentOutcome deploy(Strategy strategy, Release release, String... names) {
        return controller.deploy(DeploymentPlan.of(strategy, release, List.of(names)));
    }

    private static String states(Map<String, ServerState> servers) {
        StringBuilder text = new StringBuilder();
        servers.values().forEach(s -> text.append(s.name()).append(' ').append(s.status()).append(" w").append(s.weight()).append("; "));
        return text.toString();
    }

    @Test
    void aCanaryFailingChatRequestsIsStoppedAtItsFirstStepAndTheOldServersGetTheirStatesBack() {
        Map<String, ServerState> before = site.servers();

        DeploymentOutcome outcome = deploy(Strategy.CANARY, Release.failingChats("2.0-bad", 0.3), "c1");

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).isEqualTo("canary 10 %");
        assertThat(outcome.failedGate().reason()).contains("error rate");
        assertThat(outcome.trafficAt()).isNotNull();
        assertThat(outcome.rollbackTime()).isNotNull().isGreaterThanOrEqualTo(java.time.Duration.ZERO);
        assertThat(states(site.servers())).as("every server after the rollback").isEqualTo(states(before));
        assertThat(site.commands()).as("the old servers' weights were lowered for the canary, then restored")
                .contains("set server s1 weight 100", "set server s2 weight 100", "set server s1 weight 1", "set server s2 weight 1")
                .doesNotContain("set server s1 state drain", "set server s1 state maint");
        assertThat(site.retired()).containsExactly("c1");
        assertThat(site.running("s1") && site.running("s2")).isTrue();
    }

    @Test
    void aRollingReleaseFailingChatRequestsIsStoppedAtItsFirstInstanceWithCapacityKept() {
        Map<String, ServerState> before = site.servers();

        DeploymentOutcome outcome = deploy(Strategy.ROLLING, Release.failingChats("2.0-bad", 0.3), "r1", "r2");

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).isEqualTo("rolling r1");
        assertThat(outcome.minimumInRotation()).isEqualTo(2);
        assertThat(states(site.servers())).isEqualTo(states(before));
        assertThat(site.retired()).containsExactly("r1");
        assertThat(site.running("r2")).as("the second instance is never started").isFalse();
    }

    @Test
    void aBlueGreenReleaseWhoseReadinessNeverComesUpIsStoppedBeforeItGetsAnyTraffic() {
        Map<String, ServerState> before = site.servers();

        DeploymentOutcome outcome = deploy(Strategy.BLUE_GREEN, Release.readinessDown("2.0-unready"), "b1", "b2");

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).startsWith("readiness");
        assertThat(outcome.failedGate().reason()).contains("live for").contains("readiness probe answers 503");
        assertThat(outcome.trafficAt()).isNull();
        assertThat(outcome.newServers()).isEmpty();
        assertThat(site.commands()).noneMatch(c -> c.contains(" addr "));
        assertThat(states(site.servers())).isEqualTo(states(before));
        assertThat(site.retired()).containsExactlyInAnyOrder("b1", "b2");
    }

    @Test
    void aBlueGreenReleaseFailingChatRequestsIsStoppedByTheSmokeJourneysBeforeTheSwitch() {
        DeploymentOutcome outcome = deploy(Strategy.BLUE_GREEN, Release.failingChats("2.0-bad", 0.3), "b1", "b2");

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).startsWith("smoke");
        assertThat(outcome.trafficAt()).isNull();
        assertThat(site.frontend().failed()).isZero();
    }

    @Test
    void aBlueGreenReleaseFailingOnlyUnderRealTrafficIsSwitchedBackToTheWarmBlue() {
        // smoke journeys pass (no instance fails them), the post-switch check on live traffic does not
        SmokeCheck lenient = new SmokeCheck() {
            @Override
            public Result journeys(String baseUrl, Release expected, int journeys) {
                return new Result(3, 0, List.of(), List.of("1.0.0+2.0-bad"), List.of(baseUrl));
            }

            @Override
            public Optional<String> releaseLabel(String instanceUrl) {
                return smoke.releaseLabel(instanceUrl);
            }

            @Override
            public void warmUp(String instanceUrl, int requests) {
            }
        };
        Map<String, ServerState> before = site.servers();
        DeploymentController controller = new DeploymentController(site, site, site, lenient, SimulatedSite.fastSettings());

        DeploymentOutcome outcome = controller.deploy(DeploymentPlan.of(Strategy.BLUE_GREEN, Release.failingChats("2.0-bad", 0.3), List.of("g1", "g2")));

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).isEqualTo("post-switch");
        assertThat(outcome.trafficAt()).isNotNull();
        assertThat(site.commands()).as("blue was drained at the switch, and made ready again by the rollback")
                .containsSubsequence("set server s1 state drain", "set server s1 state ready");
        assertThat(states(site.servers())).isEqualTo(states(before));
        assertThat(site.retired()).containsExactlyInAnyOrder("g1", "g2");
        assertThat(outcome.minimumInRotation()).isPositive();
    }

    @Test
    void aCanarySlowerThanThePreviousReleaseIsStoppedOnItsP95() {
        DeploymentOutcome outcome = deploy(Strategy.CANARY, Release.good("2.0-slow"), "c1");

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).isEqualTo("canary 10 %");
        assertThat(outcome.failedGate().reason()).contains("p95");
    }

    @Test
    void aGoodReleaseCompletesByEveryStrategyWithoutAFailedRequestOrAMomentWithoutServers() {
        DeploymentOutcome blueGreen = deploy(Strategy.BLUE_GREEN, Release.good("2.0"), "g1", "g2");
        assertThat(blueGreen.result()).as(blueGreen.describe()).isEqualTo(DeploymentOutcome.Result.COMPLETED);
        assertThat(site.retired()).containsExactlyInAnyOrder("s1", "s2");
        assertThat(blueGreen.minimumInRotation()).isEqualTo(2);

        DeploymentOutcome canary = deploy(Strategy.CANARY, Release.good("2.0"), "c1", "c2");
        assertThat(canary.result()).as(canary.describe()).isEqualTo(DeploymentOutcome.Result.COMPLETED);
        assertThat(canary.verdicts()).extracting(GateVerdict::gate).contains("canary 10 %", "canary 50 %", "canary 100 %");
        assertThat(site.retired()).contains("g1", "g2");

        DeploymentOutcome rolling = deploy(Strategy.ROLLING, Release.good("2.0"), "s1", "s2");
        assertThat(rolling.result()).as(rolling.describe()).isEqualTo(DeploymentOutcome.Result.COMPLETED);
        assertThat(rolling.minimumInRotation()).isEqualTo(2);
        assertThat(site.retired()).contains("c1", "c2");
        assertThat(site.servers().get("s1").inRotation()).as("s1 is served by its own server again").isTrue();
        assertThat(site.serverOf("s1")).contains("s1");

        assertThat(site.frontend().failed()).as("requests that found no server or failed").isZero();
    }

    @Test
    void whenTheOldReleaseFailsSomeRequestsTooAGoodReleaseFailingAsOftenGoesOutAndABadOneDoesNot() {
        SimulatedSite strained = new SimulatedSite(List.of("s1", "s2"), 4).release("2.0-strained", 0.04, 100).release("2.0-bad", 0.3, 100);
        strained.oldReleaseFails(0.04);
        DeploymentController controller = new DeploymentController(strained, strained, strained, smokeOf(strained), SimulatedSite.fastSettings());

        DeploymentOutcome good = controller.deploy(DeploymentPlan.of(Strategy.ROLLING, Release.good("2.0-strained"), List.of("n1", "n2")));
        DeploymentOutcome bad = controller.deploy(DeploymentPlan.of(Strategy.CANARY, Release.failingChats("2.0-bad", 0.3), List.of("c1")));

        assertThat(good.result()).as(good.describe()).isEqualTo(DeploymentOutcome.Result.COMPLETED);
        assertThat(bad.result()).as(bad.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(bad.failedGate().reason()).contains("the previous release");
    }

    @Test
    void canaryWeightsGiveTheNewServersTheirShare() {
        for (int percent : List.of(10, 50)) {
            int[] weights = CanaryRollout.weights(percent, 2, 1);
            double share = 100.0 * weights[1] / (weights[1] + 2.0 * weights[0]);
            assertThat(share).as("%d %% of the traffic", percent).isBetween(percent - 1.0, percent + 1.0);
            assertThat(java.util.Arrays.stream(weights).boxed().toList()).allSatisfy(w -> assertThat(w).isBetween(1, 256));
        }
    }
}
