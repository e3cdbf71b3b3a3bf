package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.browser.Lighthouse;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LighthouseRuns;
import org.faithbot.verification.load.PageLoad;
import org.faithbot.verification.load.ServiceFeatures;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * Steps of the page-load spec: Lighthouse on headless Chromium, its 3G profile judged, its default mobile profile
 * reported; the old request-latency emulation in Selenium reported under its own name.
 */
public class PageLoadSteps {

    private final ScenarioContext context;
    private LighthouseRuns on3G;
    private LighthouseRuns onMobile;

    public PageLoadSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("Lighthouse loads the chatbot's web page {int} times on its 3G profile and {int} time(s) on its default mobile profile")
    public void lighthouseLoadsThePage(int times3G, int timesMobile) throws IOException {
        requireThePage();
        String url = context.target().baseUrl() + "/";
        Lighthouse lighthouse = Lighthouse.of(context.run().projectRoot(), context.run().projectRoot().resolve("reports/lighthouse"));
        on3G = LighthouseRuns.measure(lighthouse, url, Lighthouse.Profile.REGULAR_3G, "3g", times3G);
        onMobile = LighthouseRuns.measure(lighthouse, url, Lighthouse.Profile.DEFAULT_MOBILE, "mobile", timesMobile);
        for (LighthouseRuns runs : List.of(on3G, onMobile)) {
            Lighthouse.Run median = runs.medianRun();
            Allure.addAttachment("Lighthouse on " + runs.profile().name() + ": runs", "text/plain", runs.describe());
            Allure.addAttachment("Lighthouse report (median run) on " + runs.profile().name(), "text/html", Files.readString(median.htmlReport()), ".html");
            Allure.addAttachment("Lighthouse JSON (median run) on " + runs.profile().name(), "application/json", Files.readString(median.jsonReport()), ".json");
        }
    }

    private void requireThePage() {
        ServiceFeatures features = ServiceFeatures.probe(context.target());
        if (!features.has(Feature.WEB)) {
            throw new TestAbortedException("not run: the target serves no web page yet (" + features.missing().get(Feature.WEB) + ")");
        }
    }

    @Then("on 3G the median largest contentful paint is below {int} ms")
    public void medianLcpBelow(int millis) {
        context.evidence().require("page-load", Figure.of("largest contentful paint on 3G (Lighthouse), median of " + on3G.runs().size(),
                on3G.median(Lighthouse.Run::largestContentfulPaintMillis), "ms").lessThan(millis).rounded().when(on3G.conditions(context.target().name())));
    }

    @Then("on 3G the median time to interactive is below {int} ms")
    public void medianTtiBelow(int millis) {
        context.evidence().require("page-load", Figure.of("time to interactive on 3G (Lighthouse), median of " + on3G.runs().size(),
                on3G.median(Lighthouse.Run::timeToInteractiveMillis), "ms").lessThan(millis).rounded().when(on3G.conditions(context.target().name())));
    }

    @Then("the default mobile profile's figures are reported beside them")
    public void mobileReported() {
        String conditions = onMobile.conditions(context.target().name());
        context.evidence().record("page-load", Figure.of("largest contentful paint on Slow 4G (Lighthouse's default mobile), median of "
                + onMobile.runs().size(), onMobile.median(Lighthouse.Run::largestContentfulPaintMillis), "ms").rounded().when(conditions));
        context.evidence().record("page-load", Figure.of("time to interactive on Slow 4G (Lighthouse's default mobile), median of "
                + onMobile.runs().size(), onMobile.median(Lighthouse.Run::timeToInteractiveMillis), "ms").rounded().when(conditions));
    }

    @Then("the page's load time in headless Chromium with 150 ms of request latency is reported, not judged")
    public void requestLatencyReported() {
        List<PageLoad.Sample> samples;
        try (PageLoad browser = PageLoad.open(PageLoad.Network.REQUEST_LEVEL_3G)) {
            samples = browser.load(context.target().baseUrl() + "/", 3);
        }
        double[] times = samples.stream().mapToDouble(PageLoad.Sample::loadMillis).sorted().toArray();
        context.evidence().record("page-load", Figure.of("page load (loadEventEnd) with request-level latency only, median of " + times.length,
                times[times.length / 2], "ms").rounded().when("headless Chromium (Selenium) on " + PageLoad.Network.REQUEST_LEVEL_3G.name()
                + " applied per request by DevTools, no CPU slowdown, cache disabled, loads " + Arrays.toString(times) + " ms; reported only: "
                + "request-level emulation does not multiply round trips as a real 3G link does, so it is not the judged figure"));
    }
}
