package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.load.PageLoad;
import org.faithbot.verification.load.ServiceFeatures;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.opentest4j.TestAbortedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the page-load spec: the web front in headless Chromium on an emulated 3G network. */
public class PageLoadSteps {

    private final ScenarioContext context;
    private PageLoad.Network network;
    private List<PageLoad.Sample> samples;

    public PageLoadSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a browser on an emulated 3G connection")
    public void aBrowserOn3G() {
        network = PageLoad.Network.LIGHTHOUSE_3G;
    }

    @When("she opens the chatbot's web page {int} times, each time as a first visit")
    public void opensThePage(int times) {
        requireThePage();
        samples = load(network, times);
    }

    private void requireThePage() {
        ServiceFeatures features = ServiceFeatures.probe(context.target());
        if (!features.has(Feature.WEB)) {
            throw new TestAbortedException("not run: the target serves no web page yet (" + features.missing().get(Feature.WEB) + ")");
        }
    }

    private List<PageLoad.Sample> load(PageLoad.Network on, int times) {
        try (PageLoad browser = PageLoad.open(on)) {
            List<PageLoad.Sample> loads = browser.load(context.target().baseUrl() + "/", times);
            Allure.addAttachment("page loads on " + on.name(), "text/plain", loads.toString());
            return loads;
        }
    }

    @Then("the median page load time is below {int} ms")
    public void medianBelow(int thresholdMillis) {
        double[] times = samples.stream().mapToDouble(PageLoad.Sample::loadMillis).sorted().toArray();
        double median = times[times.length / 2];
        PageLoad.Sample first = samples.getFirst();
        String conditions = String.format("headless Chromium (Selenium, DevTools Network.emulateNetworkConditions) on %s, cache disabled, %d loads %s ms,"
                        + " %d bytes transferred, %d sub-resources; load = Navigation Timing loadEventEnd; %s target",
                network.name(), times.length, java.util.Arrays.toString(times), first.transferredBytes(), first.resources(), context.target().name());
        EvidenceRecorder evidence = context.evidence();
        evidence.record("page-load", Figure.of("page load time on 3G, slowest of " + times.length, times[times.length - 1], "ms").when(conditions));
        evidence.record("page-load", Figure.of("DOMContentLoaded on 3G (first load)", first.domContentLoadedMillis(), "ms").when(conditions));
        evidence.require("page-load", Figure.of("page load time on 3G, median of " + times.length, median, "ms").lessThan(thresholdMillis)
                .when(conditions));
    }

    @Then("the page load time on Chrome DevTools' stricter 3G preset is reported")
    public void stricterPresetReported() {
        PageLoad.Sample sample = load(PageLoad.Network.DEVTOOLS_3G, 1).getFirst();
        context.evidence().record("page-load", Figure.of("page load time on DevTools' 3G preset", sample.loadMillis(), "ms")
                .when("headless Chromium on " + PageLoad.Network.DEVTOOLS_3G.name() + ", cache disabled, one load"));
    }
}
