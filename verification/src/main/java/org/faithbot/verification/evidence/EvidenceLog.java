package org.faithbot.verification.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import org.faithbot.verification.catalogue.ProofLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects the evidence of a run (one log per run, held by the run: see VerificationRun): how each scenario ended,
 * and every record of evidence. Each record
 * becomes an Allure step (green when the value held, red when not) with the record attached as JSON;
 * the whole log is written to evidence.json.
 */
public final class EvidenceLog {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Evidence> records = new ArrayList<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();

    /**
     * Records a figure measured on {@code target} under {@code criterion}; the caller asserts on {@link Evidence#passed()}.
     * Its level is the target's (local, staging, production), or emulator when the figure was measured on one.
     */
    public Evidence measured(String criterion, Figure figure, String target, String scenario) {
        return add(new Evidence(criterion, figure.metric(), figure.value(), figure.unit(), figure.comparator(), figure.threshold(),
                figure.met(), Evidence.Kind.MEASURED, target, figure.conditions(), scenario, Instant.now(),
                Evidence.levelOf(Evidence.Kind.MEASURED, target, figure.emulator()), figure.emulator(), null));
    }

    /** Records the outcome of a rule checked against files (Terraform, workflows, documents). */
    public Evidence checkedStatically(String criterion, String rule, boolean passed, String scenario) {
        return add(new Evidence(criterion, rule, passed ? 1 : 0, "", Comparator.EQUAL_TO, 1.0, passed, Evidence.Kind.STATIC,
                "files", "static check of the repository's files", scenario, Instant.now(), ProofLevel.STATIC, null, null));
    }

    private Evidence add(Evidence evidence) {
        synchronized (records) {
            records.add(evidence);
        }
        attachToReport(evidence);
        return evidence;
    }

    private static void attachToReport(Evidence evidence) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return; // recorded outside a scenario (a unit test of the harness): evidence.json only
        }
        try {
            String json = JSON.writeValueAsString(evidence);
            String uuid = UUID.randomUUID().toString();
            lifecycle.startStep(uuid, new StepResult().setName("Evidence " + evidence.describe()));
            Allure.addAttachment("evidence " + evidence.metric(), "application/json", json, ".json");
            lifecycle.updateStep(uuid, step -> step.setStatus(evidence.passed() ? Status.PASSED : Status.FAILED));
            lifecycle.stopStep(uuid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a scenario of the run ended (the launch-readiness plugin tells every one). */
    public void scenarioFinished(ScenarioOutcome outcome) {
        synchronized (outcomes) {
            outcomes.add(outcome);
        }
    }

    /** How each scenario of the run so far ended. */
    public List<ScenarioOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** Forgets every record (for self-tests whose deliberate failures must not reach the report). */
    public void clear() {
        synchronized (records) {
            records.clear();
        }
    }

    public List<Evidence> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    public List<Evidence> recordsFor(String criterion) {
        return records().stream().filter(e -> e.criterion().equals(criterion)).toList();
    }

    public void writeTo(Path file) {
        writeTo(file, null);
    }

    /** Writes every record, each stamped with the commit the run was on (null: as recorded). */
    public void writeTo(Path file, String commit) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), commit == null ? records() : records().stream().map(e -> e.withCommit(commit)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
