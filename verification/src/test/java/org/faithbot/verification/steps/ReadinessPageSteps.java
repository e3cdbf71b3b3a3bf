package org.faithbot.verification.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.merge.MergeFixtures;
import org.faithbot.verification.page.PageFolder;
import org.faithbot.verification.page.RenderedPage;
import org.faithbot.verification.report.LaunchSummary;
import org.faithbot.verification.report.RunCommit;
import org.faithbot.verification.run.VerificationRun;
import org.faithbot.verification.signoff.LaunchLedger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps on the stakeholders' launch-readiness page: rendered in headless Chromium and read back against summary.json. */
public class ReadinessPageSteps {

    private static final Pattern PASS_PERCENTAGE = Pattern.compile(
            "(?i)(\\d{1,3}(\\.\\d+)?\\s*%\\s*(of (the )?(tests|scenarios) )?(passed|passing|green|success))|pass rate|success rate of (the )?tests");

    private final ScenarioContext context;
    private Path folder;
    private JsonNode summary;
    private RenderedPage page;

    public ReadinessPageSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the summary of this run so far, with the sign-off ledger and the waivers")
    public void theSummaryOfThisRunSoFar() throws IOException {
        VerificationRun run = context.run();
        Path root = run.projectRoot();
        CriteriaCatalogue catalogue = CriteriaCatalogue.load();
        Instant at = Instant.now();
        write("page-check", LaunchSummary.of(run.targetName(), RunCommit.of(root), at, catalogue, FeatureIndex.of(root.resolve("features")),
                run.evidence().outcomes(), run.evidence().records(), LaunchLedger.of(root, catalogue, at)));
    }

    @Given("merged evidence of a local, a staging and a production run, every sign-off given and one criterion waived")
    public void mergedEvidenceWithAWaiver() throws IOException {
        Path scratch = Files.createTempDirectory("faithbot-merge-fixture");
        try {
            write("page-check-merged", new MergeFixtures(scratch).goWithWaivers());
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void write(String name, LaunchSummary launchSummary) throws IOException {
        folder = context.run().projectRoot().resolve("reports/launch-readiness").resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("summary.json"), launchSummary.json());
        summary = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
    }

    @When("its launch-readiness page is rendered in headless Chromium")
    public void itsPageIsRendered() throws IOException {
        Path html = PageFolder.write(folder, folder.resolve("history.jsonl"), false);
        page = RenderedPage.of(html);
        Files.write(folder.resolve("first-screen.png"), page.screenshot());
        Allure.addAttachment("launch-readiness page, first screen (" + RenderedPage.WIDTH + " x " + RenderedPage.HEIGHT + ")", "image/png",
                new ByteArrayInputStream(page.screenshot()), ".png");
        Allure.addAttachment("launch-readiness page (HTML)", "text/html", Files.readString(html), ".html");
    }

    @Then("the verdict is the first thing on the page and reads as the summary's")
    public void theVerdictComesFirst() {
        assertThat(page.verdict()).isEqualTo(summary.path("verdict").asText());
        assertThat(page.verdictFirst()).as("the verdict precedes every heading and every cell").isTrue();
        assertThat(page.verdictTop()).as("the verdict's top on a %d px first screen", page.viewportHeight()).isLessThan(page.viewportHeight() / 3);
        assertThat(page.gate()).as("the gate is named beside the verdict").isNotBlank();
        if (summary.path("gate").asText().equals("local")) {
            assertThat(page.verdict()).as("a local run never says GO").doesNotStartWith("GO");
            assertThat(page.gate()).contains("Only merged evidence says GO");
        }
    }

    @Then("every criterion has one cell, showing the status the summary gives it")
    public void everyCriterionHasItsCell() {
        assertThat(page.cellCount()).as("cells").isEqualTo(summary.path("criteria").size());
        for (JsonNode c : summary.path("criteria")) {
            String expected = c.path("status").asText().toLowerCase(Locale.ROOT).replace('_', ' ')
                    .replace("sign off", "sign-off").replace("signed off", "signed-off");
            assertThat(page.cells().get(c.path("id").asText())).as("the cell of %s", c.path("id").asText()).isEqualTo(expected);
        }
    }

    @Then("no test-pass percentage is on the page")
    public void noPassPercentage() {
        assertThat(PASS_PERCENTAGE.matcher(page.text()).find()).as("a test-pass percentage on the page").isFalse();
    }

    @Then("the waiver is listed with its owner and expiry, and the waived criterion is not shown as passed")
    public void theWaiverIsListed() {
        assertThat(page.text()).contains("Waivers in force").contains("Jane Doe (SRE lead)").contains("2026-12-31");
        assertThat(page.cells().get("AC-5.4")).isEqualTo("waived");
    }
}
