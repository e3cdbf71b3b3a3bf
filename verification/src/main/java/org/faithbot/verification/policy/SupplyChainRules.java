package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.faithbot.verification.policy.Workflows.Job;
import org.faithbot.verification.policy.Workflows.Step;
import org.faithbot.verification.policy.Workflows.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The supply chain's security criteria as they can be proven from the repository: the
 * vulnerability budget of NFR-SEC-1 (0 critical, fewer than 5 medium) gating the image and the
 * SBOM, the 48-hour patch budget of NFR-SEC-3 (daily Dependabot, a daily check of open advisories)
 * and the DAST scan of NFR-SEC-4 (ZAP's baseline against staging, before production). Wired is
 * all these prove: what the scans find is only known when GitHub runs them.
 */
final class SupplyChainRules {

    static final String ADVISORIES = "security-advisories.yml";
    static final String BUDGET_SCRIPT = ".github/scripts/vulnerability-budget.sh";
    /** The script's gate: any critical, or 5 or more medium, and nothing more lenient. */
    private static final Pattern BUDGET = Pattern.compile("\\[ \"\\$critical\" -gt 0 ]\\s*\\|\\|\\s*\\[ \"\\$medium\" -ge 5 ]");
    private static final Set<String> ECOSYSTEMS = Set.of("maven", "npm", "docker", "github-actions");

    private SupplyChainRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(
                new PolicyRule("vulnerability-budget-gates-image-and-sbom", "NFR-SEC-1",
                        "Application CI scans the image and the service's CycloneDX SBOM with Trivy and fails on 1 critical or 5 medium findings",
                        SupplyChainRules::vulnerabilityBudget),
                new PolicyRule("patches-offered-daily-and-advisories-held-to-48h", "NFR-SEC-3",
                        "Dependabot checks Maven, npm, Docker and Actions daily, and a daily workflow fails on an advisory open past 48 hours",
                        SupplyChainRules::patchBudget),
                new PolicyRule("zap-baseline-scans-staging-before-production", "NFR-SEC-4",
                        "Application CD runs ZAP's baseline scan against staging, fails on a high-risk alert, and production waits for it",
                        SupplyChainRules::zapBaseline));
    }

    static void vulnerabilityBudget(PolicyInputs in, Check check) {
        Workflow ci = in.workflows().workflow(WorkflowRules.APP_CI);
        Optional<Job> job = ci.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> s.run().contains(BUDGET_SCRIPT))).findFirst();
        if (!check.require(job.isPresent(), ci.file(), "jobs", "steps", "no job runs " + BUDGET_SCRIPT)) {
            return;
        }
        check.inspected(job.get().where());
        Step budget = job.get().steps().stream().filter(s -> s.run().contains(BUDGET_SCRIPT)).findFirst().orElseThrow();
        Optional<Step> image = trivyJson(job.get(), s -> !s.with("image-ref").isEmpty());
        Optional<Step> sbom = trivyJson(job.get(), s -> s.with("scan-type").equals("sbom") && s.with("scan-ref").endsWith(".cdx.json"));
        check.require(image.isPresent() && budget.run().contains(image.get().with("output")), ci.file(), budget.where(), "run",
                "the budget must count the image's Trivy findings (a Trivy step with image-ref and JSON output, passed to the script)");
        check.require(sbom.isPresent() && budget.run().contains(sbom.get().with("output")), ci.file(), budget.where(), "run",
                "the budget must count the SBOM's Trivy findings (scan-type sbom on the CycloneDX file, JSON output, passed to the script)");
        image.ifPresent(s -> check.require(s.index() < budget.index(), ci.file(), s.where(), "", "the image is scanned after the budget is judged"));
        sbom.ifPresent(s -> check.require(s.index() < budget.index(), ci.file(), s.where(), "", "the SBOM is scanned after the budget is judged"));
        String script = in.workflows().script(BUDGET_SCRIPT);
        check.inspected(BUDGET_SCRIPT);
        check.require(BUDGET.matcher(script).find() && script.contains("exit 1"),
                BUDGET_SCRIPT, "", "", "the script must exit 1 on any critical or on 5 or more medium findings");
    }

    private static Optional<Step> trivyJson(Job job, java.util.function.Predicate<Step> target) {
        return job.steps().stream().filter(s -> s.usesAction("aquasecurity/trivy-action") && s.with("format").equals("json") && target.test(s))
                .findFirst();
    }

    static void patchBudget(PolicyInputs in, Check check) {
        Path file = in.file(".github/dependabot.yml");
        if (!check.require(Files.isRegularFile(file), ".github/dependabot.yml", "", "", "no Dependabot configuration")) {
            return;
        }
        Set<String> daily = new TreeSet<>();
        for (JsonNode update : yaml(file).path("updates")) {
            String ecosystem = update.path("package-ecosystem").asText();
            check.inspected(".github/dependabot.yml " + ecosystem);
            String interval = update.path("schedule").path("interval").asText();
            if (check.require(interval.equals("daily"), ".github/dependabot.yml", "updates[" + ecosystem + "]", "schedule.interval",
                    "'" + interval + "': a fix can wait longer than 48 hours for its pull request")) {
                daily.add(ecosystem);
            }
        }
        check.require(daily.containsAll(ECOSYSTEMS), ".github/dependabot.yml", "updates", "package-ecosystem",
                "daily updates needed for " + ECOSYSTEMS + ", found " + daily);
        Workflow advisories = in.workflows().workflow(ADVISORIES);
        check.inspected(advisories.file());
        List<String> crons = advisories.on().path("schedule").findValuesAsText("cron");
        check.require(!crons.isEmpty() && crons.stream().allMatch(c -> c.trim().endsWith("* * *")), advisories.file(), "on.schedule", "cron",
                "the advisory check must run every day (" + crons + ")");
        String body = advisories.root().toString();
        check.require(body.contains("dependabot/alerts") && body.contains("48 hours") && body.contains("exit 1"), advisories.file(), "jobs", "steps",
                "the job must read the open Dependabot alerts and fail on one older than 48 hours");
    }

    static void zapBaseline(PolicyInputs in, Check check) {
        Workflow cd = in.workflows().workflow(WorkflowRules.APP_CD);
        Optional<Job> zap = cd.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> s.run().contains("zap-baseline.py"))).findFirst();
        if (!check.require(zap.isPresent(), cd.file(), "jobs", "steps", "no job runs zap-baseline.py")) {
            return;
        }
        check.inspected(zap.get().where());
        Step scan = zap.get().steps().stream().filter(s -> s.run().contains("zap-baseline.py")).findFirst().orElseThrow();
        check.require(scan.run().contains("BASE_URL") && zap.get().node().toString().contains("vars.BASE_URL"), cd.file(), scan.where(), "run",
                "the scan must target the deployed environment's BASE_URL");
        check.require(scan.run().contains("exit 1"), cd.file(), scan.where(), "run", "a high-risk alert must fail the job");
        boolean afterStaging = cd.jobs().stream().filter(j -> zap.get().needs().contains(j.id())).anyMatch(j -> j.environment().equals("staging"));
        check.require(afterStaging, cd.file(), zap.get().where(), "needs", "the scan must run after the staging deployment");
        Optional<Job> production = cd.jobs().stream().filter(j -> j.environment().equals("production")).findFirst();
        check.require(production.isPresent() && production.get().needs().contains(zap.get().id()), cd.file(),
                production.map(Job::where).orElse("jobs"), "needs", "production must wait for the ZAP scan of staging");
    }

    private static JsonNode yaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
