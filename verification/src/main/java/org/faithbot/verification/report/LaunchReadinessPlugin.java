package org.faithbot.verification.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.page.PageFolder;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.run.VerificationRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;

/**
 * A Cucumber plugin: records how each scenario ended and, when the run finishes, computes the
 * per-criterion summary and the run's gate (with the sign-off ledger and the waivers of launch/), prints them, and
 * writes summary.txt, summary.json, evidence.json (every record with its level and the commit the run was on) and the
 * stakeholders' page index.html (with the criteria's history) under reports/launch-readiness/. (The local
 * target stops with the JVM, after the self-tests that share it.)
 */
public final class LaunchReadinessPlugin implements ConcurrentEventListener {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();
    private final CriterionLabels labels = new CriterionLabels(catalogue);

    /** Register after Allure's plugin: its test case must have started when the labels are applied. */
    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class,
                event -> labels.applyToCurrentTestCase(event.getTestCase().getName(), event.getTestCase().getTags()));
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> runFinished());
    }

    private synchronized void scenarioFinished(TestCaseFinished event) {
        String error = event.getResult().getError() == null ? null : event.getResult().getError().getMessage();
        VerificationRun.current().evidence().scenarioFinished(new ScenarioOutcome(event.getTestCase().getName(), new LinkedHashSet<>(event.getTestCase().getTags()),
                event.getResult().getStatus().name(), error));
    }

    private synchronized void runFinished() {
        VerificationRun run = VerificationRun.current();
        Path root = run.projectRoot();
        Path out = root.resolve("reports/launch-readiness");
        EvidenceLog evidence = run.evidence();
        String commit = RunCommit.of(root);
        Instant at = Instant.now();
        LaunchSummary summary = LaunchSummary.of(run.targetName(), commit, at, catalogue, FeatureIndex.of(root.resolve("features")),
                evidence.outcomes(), evidence.records(), LaunchLedger.of(root, catalogue, at));
        String rendered = summary.render();
        System.out.println(rendered);
        evidence.writeTo(out.resolve("evidence.json"), commit);
        String json = summary.json();
        write(out.resolve("summary.txt"), rendered);
        write(out.resolve("summary.json"), json);
        VerdictResult.write(summary, rendered, json, read(out.resolve("evidence.json")));
        UnverifiedCriteria.write(summary);
        PageFolder.write(out, out.resolve(PageFolder.HISTORY), true);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
