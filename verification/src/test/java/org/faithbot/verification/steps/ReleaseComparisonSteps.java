package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.RateComparison;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.PreviousRelease;
import org.faithbot.verification.load.ReleaseComparison;
import org.faithbot.verification.load.ReleaseHistory;
import org.faithbot.verification.load.ReleaseRounds;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.report.RunCommit;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.util.Locale;

/**
 * Steps of AC-3.6: this release measured side by side with the previous release, on the same host in the same run,
 * in alternating rounds ({@link ReleaseComparison}); judged by the bootstrap scheme of every gate, never skipped for
 * the host's speed. The figures of both releases go into the history beside the cache ({@link ReleaseHistory}).
 */
public class ReleaseComparisonSteps {

    private static final String KEY = "performance.baseline";
    private final ScenarioContext context;
    private PreviousRelease previous;
    private ReleaseComparison.Result result;

    public ReleaseComparisonSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the previous release of the service, built once from its commit and cached")
    public void thePreviousRelease() {
        try {
            previous = PreviousRelease.built(Targets.projectRoot());
        } catch (PreviousRelease.Unavailable e) {
            throw new TestAbortedException("no previous release to compare with: " + e.getMessage());
        }
        System.out.println("[release comparison] " + previous.describe());
    }

    @When("both releases serve the same chat arrivals in alternating rounds on this host")
    public void bothReleasesServeTheRounds() {
        ReleaseRounds rounds = ReleaseRounds.standard();
        result = ReleaseComparison.measure(LocalTarget.of(context.target()), previous, rounds, Targets.projectRoot());
        String history = ReleaseHistory.under(Targets.projectRoot()).append(RunCommit.of(Targets.projectRoot()), result);
        Allure.addAttachment("this release against the previous one", "text/plain", result.describe(), ".txt");
        Allure.addAttachment("the releases' history on this machine", "text/csv", history, ".csv");
        System.out.println("[release comparison] " + result.describe().replace("\n", "\n[release comparison] "));
    }

    @Then("this release's chat p95 is at most 1.5 x the previous release's + 50 ms, significantly judged")
    public void theP95DidNotRegress() {
        LatencyComparison p95 = result.p95();
        String conditions = result.rounds().describe() + "; " + result.previous().describe() + "\n" + result.describe();
        Figure ratio = Figure.of(String.format(Locale.ROOT, "chat p95 of this release / the previous release's (%.0f ms / %.0f ms, %d and %d requests)",
                p95.afterMillis(), p95.beforeMillis(), p95.afterSamples(), p95.beforeSamples()), result.p95Ratio(), "x").when(conditions);
        if (!p95.enoughSamples()) {
            context.evidence().require(KEY, ratio, Figure.of("requests of the release with fewer in the rounds", Math.min(p95.afterSamples(),
                    p95.beforeSamples()), "requests").atLeast(p95.minSamples()).when(p95.describe()));
            return;
        }
        context.evidence().require(KEY, ratio, Figure.of(String.format(Locale.ROOT, "excess of this release's chat p95 over its limit (1.5 x the "
                + "previous release's + 50 ms = %.0f ms), 95 %% lower bound of the bootstrap", p95.limitMillis()), p95.excessLowMillis(), "ms")
                .rounded().atMost(0).when(p95.describe() + "\n" + conditions));
    }

    @Then("this release serves at least 95 % of the previous release's successful requests per second, significantly judged")
    public void theThroughputDidNotRegress() {
        RateComparison throughput = result.throughput();
        context.evidence().require(KEY, Figure.of(String.format(Locale.ROOT, "successful requests per second, this release / the previous release's"
                        + " (%.1f / %.1f), 95 %% upper bound of the bootstrap", throughput.afterPerSecond(), throughput.beforePerSecond()),
                throughput.ratioHigh(), "x").atLeast(ReleaseComparison.MIN_THROUGHPUT_RATIO)
                .when(throughput.describe() + "; ratio " + String.format(Locale.ROOT, "%.3f", throughput.ratio()) + "\n" + result.describe()));
    }
}
