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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the scheduled and reporting jobs do when read as an SRE runs them: the launch verdict reported is the one a
 * summary.json holds (SC-DEPLOY-5); a game day is never dropped by a concurrency group and says when it did not run
 * (AC-2.8); it posts its per-experiment results and alerts on a broken hypothesis (SC-DEPLOY-5); CI installs moto's
 * server so the recovery drills run there as here (AC-2.2); Dependabot covers every manifest (AC-4.4).
 */
final class OperationsRules {

    static final String GAME_DAYS = "game-days.yml";
    private static final Pattern VERDICT = Pattern.compile("(?i)verdict");
    private static final Pattern VERDICT_FROM_SUMMARY = Pattern.compile("(?m)\\.verdict\\b[^\\n]*summary\\.json");
    private static final Pattern VERDICT_REFERENCE = Pattern.compile("(needs|steps)\\.([A-Za-z0-9_-]+)\\.outputs\\.verdict");
    private static final Pattern MOTO_INSTALL = Pattern.compile("(pipx|pip3?|python3? -m pip) install[^\\n]*['\"]?moto\\[server]==([0-9.]+)");

    private OperationsRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(
                new PolicyRule("verdicts-read-from-summary-json", "SC-DEPLOY-5",
                        "every workflow step that reports a launch verdict (job summary, output, gate) reads it from a summary.json "
                                + "(jq .verdict), directly or through the job output of a step that did",
                        OperationsRules::verdictsFromSummaryJson),
                new PolicyRule("game-days-post-results-and-alert", "SC-DEPLOY-5",
                        "the game day posts every experiment's result (reports/chaos/game-day-*.md) to the job summary, whatever its "
                                + "outcome, and publishes to the alert topic (SNS) when a hypothesis broke",
                        OperationsRules::gameDaysPostResultsAndAlert),
                new PolicyRule("game-days-wait-and-say-when-they-did-not-run", "AC-2.8",
                        "a game day shares its concurrency group with no other workflow (a pending job is cancelled when another "
                                + "queues), waits for a deployment in progress, and a follow-up job says when it did not run (summary, "
                                + "SNS) and reschedules it; staging deployments wait for a running game day",
                        OperationsRules::gameDaysWaitAndReport),
                new PolicyRule("ci-installs-moto-for-the-recovery-drills", "AC-2.2",
                        "every job that runs the harness on the local target installs moto[server] at the version bin/setup.sh names, "
                                + "before it, and requires it (MOTO_REQUIRED=true): the recovery drills run in CI, never skipped",
                        OperationsRules::ciInstallsMoto),
                new PolicyRule("dependabot-covers-every-manifest", "AC-4.4",
                        "Dependabot watches every manifest of the repository in its own directory: the workflows' actions, the "
                                + "Terraform, Maven, each Dockerfile and each package.json (outside node_modules)",
                        OperationsRules::dependabotCoversEveryManifest));
    }

    // ---- SC-DEPLOY-5: verdicts ----------------------------------------------------------------

    static void verdictsFromSummaryJson(PolicyInputs in, Check check) {
        for (Workflow w : in.workflows().all()) {
            for (Job job : w.jobs()) {
                for (Step step : job.steps()) {
                    String text = step.run() + "\n" + step.env().toString();
                    boolean reports = VERDICT.matcher(text).find() && (step.run().contains("GITHUB_STEP_SUMMARY")
                            || step.run().contains("GITHUB_OUTPUT") || step.run().contains("exit 1"));
                    if (!reports) {
                        continue;
                    }
                    check.inspected(w.file() + " " + step.where());
                    if (VERDICT_FROM_SUMMARY.matcher(step.run()).find()) {
                        continue;
                    }
                    Matcher reference = VERDICT_REFERENCE.matcher(text);
                    boolean traced = false;
                    while (reference.find()) {
                        traced |= reference.group(1).equals("needs") ? jobOutputFromSummary(w, reference.group(2)) : stepReadsSummary(job, reference.group(2));
                    }
                    check.require(traced, w.file(), step.where(), "run", "reports a verdict it did not read from a summary.json "
                            + "(jq -r .verdict <run>/summary.json, or the output of a step that did)");
                }
            }
        }
    }

    private static boolean jobOutputFromSummary(Workflow w, String jobId) {
        Optional<Job> job = w.job(jobId);
        if (job.isEmpty()) {
            return false;
        }
        Matcher m = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs\\.verdict").matcher(job.get().node().path("outputs").path("verdict").asText(""));
        return m.find() && stepReadsSummary(job.get(), m.group(1));
    }

    private static boolean stepReadsSummary(Job job, String stepId) {
        return job.steps().stream().anyMatch(s -> s.id().equals(stepId) && VERDICT_FROM_SUMMARY.matcher(s.run()).find());
    }

    // ---- game days --------------------------------------------------------------------------

    private static Optional<Job> gameDayJob(Workflows workflows) {
        return workflows.workflow(GAME_DAYS).jobs().stream()
                .filter(j -> j.steps().stream().anyMatch(s -> s.run().contains("-Pgame-day"))).findFirst();
    }

    private static int harnessStep(Job job) {
        return job.steps().stream().filter(s -> s.run().contains("-Pgame-day")).mapToInt(Step::index).findFirst().orElse(-1);
    }

    static void gameDaysPostResultsAndAlert(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(GAME_DAYS);
        Optional<Job> found = gameDayJob(in.workflows());
        if (!check.require(found.isPresent(), w.file(), "jobs", "", "no job runs the game day (bin/launch-readiness -Pgame-day)")) {
            return;
        }
        Job job = found.get();
        int harness = harnessStep(job);
        check.inspected(w.file() + " " + job.where());
        Optional<Step> results = job.steps().stream().filter(s -> s.index() > harness && s.run().contains("GITHUB_STEP_SUMMARY")
                && s.run().contains("reports/chaos/game-day-")).findFirst();
        if (check.require(results.isPresent(), w.file(), job.where(), "steps", "no step after the experiments posts their per-experiment "
                + "results (reports/chaos/game-day-*.md) to the job summary")) {
            check.require(results.get().condition().contains("always()"), w.file(), results.get().where(), "if",
                    "the results must be posted whatever the outcome (if: always()): a broken hypothesis fails the step before");
        }
        String harnessId = job.steps().get(harness).id();
        Optional<Step> alert = job.steps().stream().filter(s -> s.index() > harness && Pattern.compile("aws\\s+sns\\s+publish").matcher(s.run()).find())
                .findFirst();
        if (check.require(alert.isPresent(), w.file(), job.where(), "steps", "no step after the experiments publishes a broken hypothesis to the alert topic (aws sns publish)")) {
            String condition = alert.get().condition();
            check.require(condition.contains("failure()") || !harnessId.isEmpty() && condition.contains("steps." + harnessId + ".outcome == 'failure'"),
                    w.file(), alert.get().where(), "if", "the alert must fire when the experiments failed (a hypothesis broke), not '" + condition + "'");
        }
    }

    static void gameDaysWaitAndReport(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow w = workflows.workflow(GAME_DAYS);
        Optional<Job> found = gameDayJob(workflows);
        if (!check.require(found.isPresent(), w.file(), "jobs", "", "no job runs the game day (bin/launch-readiness -Pgame-day)")) {
            return;
        }
        Job job = found.get();
        check.inspected(w.file() + " " + job.where());
        String group = job.concurrencyGroup().isEmpty() ? w.root().path("concurrency").path("group").asText("") : job.concurrencyGroup();
        if (!group.isEmpty()) {
            for (Workflow other : workflows.all()) {
                if (other == w) {
                    continue;
                }
                List<String> groups = new ArrayList<>();
                groups.add(other.root().path("concurrency").isTextual() ? other.root().path("concurrency").asText()
                        : other.root().path("concurrency").path("group").asText(""));
                other.jobs().forEach(j -> groups.add(j.concurrencyGroup()));
                check.require(groups.stream().noneMatch(g -> g.equalsIgnoreCase(group)), w.file(), job.where(), "concurrency.group",
                        "'" + group + "' is also " + other.file() + "'s: a game day pending behind one of its jobs is cancelled when another "
                                + "queues (GitHub keeps one pending job per group), and vanishes");
            }
        }
        int harness = harnessStep(job);
        boolean waits = job.steps().stream().anyMatch(s -> s.index() < harness && s.run().contains("describe-services")
                && Pattern.compile("\\b(while|until|for)\\b").matcher(s.run()).find() && s.run().contains("sleep"));
        check.require(waits, w.file(), job.where(), "steps", "the pre-flight must wait for a deployment in progress (describe-services in a "
                + "loop with sleep), not give up at once");
        Optional<Job> followUp = w.jobs().stream().filter(j -> j.needs().contains(job.id()) && j.condition().contains("always()")
                && j.condition().contains("needs." + job.id() + ".")).findFirst();
        if (check.require(followUp.isPresent(), w.file(), "jobs", "needs", "no job after " + job.where() + " (needs, if: always() and its "
                + "result or outputs) says when the game day did not run")) {
            String body = followUp.get().node().toString();
            check.inspected(w.file() + " " + followUp.get().where());
            check.require(body.contains("GITHUB_STEP_SUMMARY"), w.file(), followUp.get().where(), "steps", "it must say so in the job summary");
            check.require(Pattern.compile("aws\\s+sns\\s+publish").matcher(body).find(), w.file(), followUp.get().where(), "steps",
                    "it must alert (aws sns publish)");
            check.require(body.contains("gh workflow run " + GAME_DAYS), w.file(), followUp.get().where(), "steps",
                    "it must reschedule a game day that could not run (gh workflow run " + GAME_DAYS + ")");
        }
        for (Workflow other : workflows.all()) {
            for (Job deploy : other.jobs()) {
                int at = deploy.steps().stream().filter(s -> s.run().contains("ecs-deploy.sh") || s.uses().endsWith("actions/terraform-apply"))
                        .mapToInt(Step::index).findFirst().orElse(-1);
                if (at < 0 || !deploy.environment().equals("staging")) {
                    continue;
                }
                check.inspected(other.file() + " " + deploy.where());
                check.require(deploy.steps().stream().anyMatch(s -> s.index() < at && (s.run().contains("await-no-game-day")
                        || s.run().contains(GAME_DAYS))), other.file(), deploy.where(), "steps",
                        "a deployment to staging must wait for a running game day before it deploys (.github/scripts/await-no-game-day.sh)");
            }
        }
    }

    // ---- AC-2.2: moto -----------------------------------------------------------------------

    static void ciInstallsMoto(PolicyInputs in, Check check) {
        String setup = read(in.file("bin/setup.sh"));
        Matcher pinned = Pattern.compile("(?m)^MOTO_VERSION=([0-9.]+)").matcher(setup);
        String version = pinned.find() ? pinned.group(1) : "";
        check.require(!version.isEmpty() && setup.contains("MOTO_REQUIRED"), "bin/setup.sh", "check_moto", "MOTO_VERSION",
                "bin/setup.sh must name moto's version (MOTO_VERSION=x.y.z) and fail without it when MOTO_REQUIRED=true");
        for (HarnessRuns.Run run : HarnessRuns.all(in.workflows())) {
            if (run.remote() || run.gameDay()) {
                continue;
            }
            String file = run.workflow().file();
            check.inspected(file + " " + run.where());
            Optional<Step> install = run.job().steps().stream().filter(s -> s.index() < run.step().index() && MOTO_INSTALL.matcher(s.run()).find())
                    .findFirst();
            if (check.require(install.isPresent(), file, run.where(), "steps", "runs the harness locally without installing moto's server "
                    + "before it (pipx install 'moto[server]==" + version + "'): the recovery drills would be reported skipped")) {
                Matcher m = MOTO_INSTALL.matcher(install.get().run());
                String installed = m.find() ? m.group(2) : "?";
                check.require(installed.equals(version), file, install.get().where(), "run",
                        "installs moto " + installed + ", bin/setup.sh names " + version);
            }
            String required = Stream.of(run.step().env(), run.job().node().path("env"), run.workflow().root().path("env"))
                    .map(e -> e.path("MOTO_REQUIRED").asText("")).filter(v -> !v.isEmpty()).findFirst().orElse("");
            check.require(required.equals("true"), file, run.where(), "env.MOTO_REQUIRED",
                    "the run must require moto (MOTO_REQUIRED: \"true\"), so that a failed install fails it instead of skipping the drills");
        }
    }

    // ---- AC-4.4: Dependabot -----------------------------------------------------------------

    private static final Map<String, String> MANIFESTS = Map.of("Dockerfile", "docker", "package.json", "npm", "pom.xml", "maven");

    static void dependabotCoversEveryManifest(PolicyInputs in, Check check) {
        Path file = in.file(".github/dependabot.yml");
        if (!check.require(Files.isRegularFile(file), ".github/dependabot.yml", "", "", "no Dependabot configuration")) {
            return;
        }
        JsonNode config;
        try {
            config = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> directories = new LinkedHashMap<>();
        for (JsonNode update : config.path("updates")) {
            List<String> dirs = directories.computeIfAbsent(update.path("package-ecosystem").asText(), k -> new ArrayList<>());
            if (update.has("directory")) {
                dirs.add(update.path("directory").asText());
            }
            update.path("directories").forEach(d -> dirs.add(d.asText()));
        }
        for (String ecosystem : List.of("github-actions", "terraform")) {
            check.require(directories.containsKey(ecosystem), ".github/dependabot.yml", "updates", "package-ecosystem",
                    "no " + ecosystem + " entry");
        }
        for (Map.Entry<String, String> manifest : manifests(in.projectRoot()).entrySet()) {
            String directory = manifest.getKey().contains("/") ? "/" + manifest.getKey().substring(0, manifest.getKey().lastIndexOf('/')) : "/";
            String ecosystem = MANIFESTS.get(manifest.getValue());
            check.inspected(manifest.getKey());
            List<String> watched = directories.getOrDefault(ecosystem, List.of());
            boolean covered = ecosystem.equals("maven")
                    ? watched.stream().anyMatch(d -> directory.equals(d) || directory.startsWith(d.endsWith("/") ? d : d + "/"))
                    : watched.stream().anyMatch(d -> covers(d, directory));
            check.require(covered, ".github/dependabot.yml", "updates[" + ecosystem + "]", "directory",
                    manifest.getKey() + " is not watched: a " + ecosystem + " entry must name " + directory + " (it has " + watched + ")");
        }
    }

    /** Whether a Dependabot directory (with * globs) names that directory. */
    private static boolean covers(String pattern, String directory) {
        String normal = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return directory.matches(Pattern.quote(normal).replace("*", "\\E[^/]+\\Q"));
    }

    /** The manifests of the repository (path relative to the root, file name), outside generated and installed folders. */
    private static Map<String, String> manifests(Path root) {
        Set<String> skipped = Set.of("node_modules", "target", ".git", "reports", ".terraform");
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root, 4)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> MANIFESTS.containsKey(p.getFileName().toString()))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').chars().filter(c -> c == '/').count() < 3)
                    .filter(p -> { for (Path part : root.relativize(p)) { if (skipped.contains(part.toString())) { return false; } } return true; })
                    .sorted()
                    .forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.entrySet().removeIf(e -> e.getValue().equals("pom.xml") && e.getKey().contains("/")); // modules of the root's Maven build
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
