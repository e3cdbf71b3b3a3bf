package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.policy.Workflows.Job;
import org.faithbot.verification.policy.Workflows.Step;
import org.faithbot.verification.policy.Workflows.Workflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipelines held against criteria AC-2.1 to AC-2.15 and AC-4.4, read from the workflow YAML,
 * the composite actions and the scripts they run. These rules show that a step, a scanner or a
 * gate is wired into a workflow; whether it passes is only known when GitHub runs it.
 */
final class WorkflowRules {

    static final String INFRA_CI = "infrastructure-ci.yml";
    static final String APP_CI = "application-ci.yml";
    static final String INFRA_CD = "infrastructure-cd.yml";
    static final String APP_CD = "application-cd.yml";
    static final String COORDINATED = "coordinated-cicd.yml";
    static final String DRIFT = "drift-detection.yml";
    static final String CONFIGURE_AWS = "aws-actions/configure-aws-credentials";
    static final Set<String> STRATEGIES = Set.of("rolling", "blue-green", "canary");

    /** "terraform [-chdir=...] " at the start of a shell command (not inside a message string). */
    static final String TF = "(?m)(^|[;&|({]|\\$\\()\\s*terraform\\s+(-chdir=(\"[^\"]*\"|\\S+)\\s+)?";
    private static final Pattern FULL_SHA = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$");
    private static final Pattern AWS_CLI = Pattern.compile("(^|[\\s;&|($`])aws\\s+[a-z0-9-]+\\s");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern STORED_KEY = Pattern.compile("(?i)secrets\\.[A-Z0-9_]*(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|ACCESS_KEY|SECRET_KEY)");
    private static final Set<String> KEY_INPUTS = Set.of("aws-access-key-id", "aws-secret-access-key", "aws-session-token");
    private static final Set<String> KEY_VARIABLES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private WorkflowRules() {
    }

    static List<PolicyRule> rules() {
        List<PolicyRule> r = new ArrayList<>();
        // AC-2.1
        r.add(new PolicyRule("infra-ci-on-pull-requests", "AC-2.1",
                "Infrastructure CI runs on pull requests that touch terraform/", WorkflowRules::infraCiOnPullRequests));
        r.add(new PolicyRule("infra-ci-fmt-validate-plan", "AC-2.1",
                "Infrastructure CI runs terraform fmt -check, validate and plan (per environment, with a read-only role)",
                WorkflowRules::infraCiFmtValidatePlan));
        r.add(new PolicyRule("infra-ci-never-applies", "AC-2.1",
                "nothing in Infrastructure CI can apply: no terraform apply, no apply action, no deploy role",
                WorkflowRules::infraCiNeverApplies));
        // AC-2.2
        r.add(new PolicyRule("app-ci-runs-the-test-command", "AC-2.2",
                "Application CI runs on pull requests and runs bin/test (service tests, harness tests, launch-readiness specs)",
                WorkflowRules::appCiRunsTests));
        r.add(new PolicyRule("app-ci-coverage-gate-80", "AC-2.2",
                "Application CI fails below 80 % line coverage (coverage-gate.py --min >= 80 on the JaCoCo report)",
                WorkflowRules::appCiCoverageGate));
        r.add(new PolicyRule("app-ci-codeql-wired", "AC-2.2",
                "Application CI includes a CodeQL job (init + analyze)", (in, check) -> codeql(in, check)));
        // AC-2.3
        r.add(new PolicyRule("infra-ci-checkov-sarif-gate", "AC-2.3",
                "Infrastructure CI runs Checkov on terraform/, uploads its SARIF to code scanning and fails on findings (gate step)",
                WorkflowRules::checkov));
        // AC-2.4
        r.add(new PolicyRule("app-ci-codeql-security-queries", "AC-2.4",
                "CodeQL analyses java-kotlin with the security-extended queries and may write security events",
                WorkflowRules::codeqlSecurity));
        // AC-2.5
        r.add(new PolicyRule("infra-ci-pr-comment-with-plan-and-findings", "AC-2.5",
                "a job with pull-requests: write comments on the PR with both plans and the Checkov findings, after plan and Checkov",
                WorkflowRules::prComment));
        // AC-2.6
        r.add(new PolicyRule("infra-cd-applies-on-main", "AC-2.6",
                "Infrastructure CD runs for main (push or the coordinated pipeline) and applies the saved plan, staging then production behind its environment",
                WorkflowRules::infraCdApplies));
        // AC-2.7
        r.add(new PolicyRule("app-cd-deploys-to-ecs", "AC-2.7",
                "Application CD pushes the image to ECR and updates the ECS service (ECS or CodeDeploy) in staging, then production behind its environment",
                WorkflowRules::appCdDeploys));
        // AC-2.8
        r.add(new PolicyRule("coordinated-infrastructure-before-application", "AC-2.8",
                "the coordinated pipeline detects changes, deploys infrastructure first and the application only after it (needs)",
                WorkflowRules::coordinatedOrder));
        r.add(new PolicyRule("deploys-serialised-by-concurrency-groups", "AC-2.8",
                "every job that deploys to an environment shares that environment's concurrency group and never cancels a running deploy",
                WorkflowRules::concurrency));
        // AC-2.9
        r.add(new PolicyRule("drift-detection-scheduled-with-alert", "AC-2.9",
                "drift detection runs on a schedule, plans with -detailed-exitcode, and on exit code 2 alerts (SNS), opens an issue and fails",
                WorkflowRules::drift));
        // AC-2.10 (state backups are a pipeline step)
        r.add(new PolicyRule("state-backed-up-before-apply", "AC-2.10",
                "the apply action copies the state object to state-backups/ before terraform apply runs",
                WorkflowRules::stateBackup));
        // AC-2.11
        r.add(new PolicyRule("aws-access-only-through-oidc-roles", "AC-2.11",
                "every AWS login is configure-aws-credentials with role-to-assume in a job with id-token: write, never with access keys",
                WorkflowRules::oidcOnly));
        r.add(new PolicyRule("no-stored-aws-keys-in-workflows", "AC-2.11",
                "no workflow, action or script reads a stored AWS key (secrets.AWS_*, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY env, AKIA...)",
                WorkflowRules::noStoredKeys));
        r.add(new PolicyRule("aws-calls-after-oidc-login", "AC-2.11",
                "every step that calls AWS (aws CLI, terraform with the S3 backend, deploy scripts, ECR login, staging specs) runs after the job's OIDC login",
                WorkflowRules::awsCallsAfterLogin));
        // AC-2.12
        r.add(new PolicyRule("workflows-start-without-permissions", "AC-2.12",
                "every workflow grants no token permission by default (permissions: {}) and each job asks for what it needs; id-token only where a role is assumed",
                WorkflowRules::leastPermissions));
        // AC-2.13
        r.add(new PolicyRule("deployment-strategy-input", "AC-2.13",
                "the deploy workflows take a strategy input (rolling, blue-green, canary) that the deploy script and Terraform both support",
                WorkflowRules::strategies));
        // AC-2.14
        r.add(new PolicyRule("automatic-rollback-on-failure", "AC-2.14",
                "every deploy job rolls back to the previous task definition when it fails, and ECS / CodeDeploy roll back by themselves",
                WorkflowRules::rollback));
        // AC-2.15
        r.add(new PolicyRule("post-deployment-validation", "AC-2.15",
                "each deployment is followed by health, alarm and latency / error-rate checks and smoke specs, and the coordinated pipeline validates after both deploys",
                WorkflowRules::postDeploymentValidation));
        // AC-4.4
        r.add(new PolicyRule("security-scanners-wired", "AC-4.4",
                "CodeQL, SpotBugs with Find Security Bugs, dependency review, Trivy (CI and before deploy) and Checkov are wired into the pipelines as gates",
                WorkflowRules::scannersWired));
        r.add(new PolicyRule("third-party-actions-pinned", "AC-4.4",
                "every third-party action is pinned to a full 40-character commit SHA", WorkflowRules::actionsPinned));
        return r;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<Step> allSteps(Workflow workflow) {
        List<Step> steps = new ArrayList<>();
        workflow.jobs().forEach(j -> steps.addAll(j.steps()));
        return steps;
    }

    private static Optional<Step> stepWhere(Job job, Predicate<Step> predicate) {
        return job.steps().stream().filter(predicate).findFirst();
    }

    private static int indexOf(Job job, Predicate<Step> predicate) {
        return stepWhere(job, predicate).map(Step::index).orElse(-1);
    }

    private static boolean runs(Step step, String regex) {
        return Pattern.compile(regex).matcher(step.run()).find();
    }

    /** The role names a login step may use: the literal input, or the values of the matrix variable it names. */
    static List<String> roleNames(Job job, Step login) {
        String role = login.with("role-to-assume");
        Matcher m = Pattern.compile("matrix\\.([A-Za-z0-9_-]+)").matcher(role);
        if (!m.find()) {
            return List.of(role);
        }
        List<String> names = new ArrayList<>();
        JsonNode matrix = job.node().path("strategy").path("matrix");
        matrix.path("include").forEach(entry -> names.add(entry.path(m.group(1)).asText("")));
        matrix.path(m.group(1)).forEach(v -> names.add(v.asText()));
        return names.isEmpty() ? List.of(role) : names;
    }

    private static List<Job> jobsIn(Workflow workflow, Predicate<Job> predicate) {
        return workflow.jobs().stream().filter(predicate).toList();
    }

    private static boolean pathsInclude(Workflow workflow, String event, String path) {
        JsonNode paths = workflow.on().path(event).path("paths");
        for (JsonNode p : paths) {
            if (p.asText().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pushToMain(Workflow workflow) {
        JsonNode branches = workflow.on().path("push").path("branches");
        for (JsonNode b : branches) {
            if (b.asText().equals("main")) {
                return true;
            }
        }
        return false;
    }

    /** The jobs of any workflow that call the reusable workflow file. */
    private static List<Job> callersOf(Workflows workflows, String file) {
        List<Job> out = new ArrayList<>();
        for (Workflow w : workflows.all()) {
            for (Job j : w.jobs()) {
                if (j.calls().endsWith("/" + file)) {
                    out.add(j);
                }
            }
        }
        return out;
    }

    private static String f(Workflow w) {
        return w.file();
    }

    // ---- AC-2.1 -----------------------------------------------------------------------------

    static void infraCiOnPullRequests(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(INFRA_CI);
        check.inspected(w.file());
        check.require(w.triggeredBy("pull_request"), f(w), "on", "pull_request", "Infrastructure CI must run on pull requests");
        check.require(pathsInclude(w, "pull_request", "terraform/**"), f(w), "on.pull_request", "paths",
                "the pull-request trigger must include terraform/**");
        check.require(!w.triggeredBy("push"), f(w), "on", "push", "Infrastructure CI is for pull requests (main is Infrastructure CD's)");
    }

    static void infraCiFmtValidatePlan(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(INFRA_CI);
        List<Step> steps = allSteps(w);
        for (String[] wanted : List.of(new String[] {"terraform fmt\\b.*-check", "terraform fmt -check"},
                new String[] {TF + "validate", "terraform validate"},
                new String[] {TF + "plan\\b", "terraform plan"})) {
            Optional<Step> step = steps.stream().filter(s -> runs(s, wanted[0])).findFirst();
            if (check.require(step.isPresent(), f(w), "jobs", "steps", "no step runs " + wanted[1])) {
                check.inspected(step.get().where());
            }
        }
        for (Job job : w.jobs()) {
            for (Step step : job.steps()) {
                if (runs(step, TF + "plan\\b")) {
                    Optional<Step> login = stepWhere(job, s -> s.usesAction(CONFIGURE_AWS) && s.index() < step.index());
                    check.require(login.isPresent() && roleNames(job, login.get()).stream().allMatch(r -> r.contains("PLAN_ROLE")), f(w), job.where(),
                            "role-to-assume", "the plan must run with the read-only plan role");
                }
            }
        }
    }

    static void infraCiNeverApplies(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(INFRA_CI);
        for (Job job : w.jobs()) {
            for (Step step : job.steps()) {
                check.inspected(step.where());
                check.require(!runs(step, TF + "(apply|destroy|import|state\\s+(rm|mv|push))\\b"), f(w), step.where(), "run", "a pull request must never change infrastructure or state");
                check.require(!step.uses().contains("terraform-apply"), f(w), step.where(), "uses", "the apply action must not run on pull requests");
                if (step.usesAction(CONFIGURE_AWS)) {
                    check.require(roleNames(job, step).stream().noneMatch(r -> r.contains("APPLY") || r.contains("DEPLOY")), f(w),
                            step.where(), "with.role-to-assume", "a pull request must not assume a role that can write");
                }
            }
            check.require(job.environment().isEmpty(), f(w), job.where(), "environment",
                    "an environment gives access to its deploy roles; CI needs none");
        }
    }

    // ---- AC-2.2 / AC-2.4 --------------------------------------------------------------------

    static void appCiRunsTests(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(APP_CI);
        check.inspected(w.file());
        check.require(w.triggeredBy("pull_request"), f(w), "on", "pull_request", "Application CI must run on pull requests");
        check.require(pathsInclude(w, "pull_request", "service/**"), f(w), "on.pull_request", "paths", "the trigger must include service/**");
        Optional<Step> test = allSteps(w).stream().filter(s -> runs(s, "(^|\\s)bin/test\\b")).findFirst();
        if (check.require(test.isPresent(), f(w), "jobs", "steps", "no step runs bin/test")) {
            check.inspected(test.get().where());
        }
    }

    static void appCiCoverageGate(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(APP_CI);
        Optional<Step> gate = allSteps(w).stream().filter(s -> runs(s, "coverage-gate\\.py")).findFirst();
        if (!check.require(gate.isPresent(), f(w), "jobs", "steps", "no step runs .github/scripts/coverage-gate.py")) {
            return;
        }
        check.inspected(gate.get().where());
        Matcher min = Pattern.compile("--min\\s+\"?\\$?\\{?([A-Za-z0-9_.]+)}?\"?").matcher(gate.get().run());
        double minimum = -1;
        if (min.find()) {
            String value = min.group(1);
            if (value.matches("\\d+(\\.\\d+)?")) {
                minimum = Double.parseDouble(value);
            } else {
                String env = w.root().path("env").path(value).asText("");
                minimum = env.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(env) : -1;
            }
        }
        check.require(minimum >= 80, f(w), gate.get().where(), "run", "the coverage gate's --min must be at least 80, not "
                + (minimum < 0 ? "unknown" : minimum));
        check.require(gate.get().condition().isEmpty() || !gate.get().condition().contains("always"), f(w), gate.get().where(), "if",
                "the gate must not be skipped");
        String script = in.workflows().scripts().getOrDefault(".github/scripts/coverage-gate.py", "");
        check.require(script.contains("sys.exit") || script.contains("return 1") || script.contains("exit(1"), ".github/scripts/coverage-gate.py",
                "coverage-gate.py", "", "the gate script must exit non-zero below the minimum");
    }

    private static Optional<Job> codeqlJob(Workflow w) {
        return w.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> s.usesAction("github/codeql-action/init"))).findFirst();
    }

    static void codeql(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(APP_CI);
        Optional<Job> job = codeqlJob(w);
        if (!check.require(job.isPresent(), f(w), "jobs", "", "no CodeQL job (github/codeql-action/init)")) {
            return;
        }
        check.inspected(job.get().where());
        check.require(job.get().steps().stream().anyMatch(s -> s.usesAction("github/codeql-action/analyze")), f(w), job.get().where(),
                "steps", "CodeQL is initialised but never analyses");
    }

    static void codeqlSecurity(PolicyInputs in, Check check) {
        codeql(in, check);
        Workflow w = in.workflows().workflow(APP_CI);
        codeqlJob(w).ifPresent(job -> {
            Step init = stepWhere(job, s -> s.usesAction("github/codeql-action/init")).orElseThrow();
            check.require(init.with("languages").contains("java"), f(w), init.where(), "with.languages", "CodeQL must analyse java-kotlin");
            check.require(init.with("queries").contains("security"), f(w), init.where(), "with.queries",
                    "CodeQL must run the security query suites (security-extended or security-and-quality)");
            check.require(job.permission("security-events").equals("write"), f(w), job.where(), "permissions.security-events",
                    "CodeQL needs security-events: write to report its alerts");
            check.require(w.triggeredBy("pull_request"), f(w), "on", "pull_request", "CodeQL must run on pull requests");
        });
    }

    // ---- AC-2.3 -----------------------------------------------------------------------------

    static void checkov(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(INFRA_CI);
        Optional<Job> job = w.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> s.usesAction("bridgecrewio/checkov-action")))
                .findFirst();
        if (!check.require(job.isPresent(), f(w), "jobs", "", "no job runs bridgecrewio/checkov-action")) {
            return;
        }
        check.inspected(job.get().where());
        Step scan = stepWhere(job.get(), s -> s.usesAction("bridgecrewio/checkov-action")).orElseThrow();
        check.require(scan.with("directory").equals("terraform") || scan.with("directory").startsWith("terraform"), f(w), scan.where(),
                "with.directory", "Checkov must scan terraform/");
        check.require(scan.with("output_format").contains("sarif"), f(w), scan.where(), "with.output_format", "Checkov must write SARIF");
        Optional<Step> upload = stepWhere(job.get(), s -> s.usesAction("github/codeql-action/upload-sarif") && s.with("sarif_file").contains("checkov"));
        check.require(upload.isPresent() && upload.get().index() > scan.index(), f(w), job.get().where(), "steps",
                "the Checkov SARIF must be uploaded to code scanning (github/codeql-action/upload-sarif) after the scan");
        check.require(job.get().permission("security-events").equals("write"), f(w), job.get().where(), "permissions.security-events",
                "uploading SARIF needs security-events: write");
        boolean softFail = scan.with("soft_fail").equals("true");
        boolean gate = job.get().steps().stream().anyMatch(s -> s.index() > scan.index() && runs(s, "exit 1") && s.node().toString().toLowerCase().contains("checkov"));
        check.require(!softFail || gate, f(w), scan.where(), "with.soft_fail", "Checkov findings never fail the job (soft_fail without a gate step)");
    }

    // ---- AC-2.5 -----------------------------------------------------------------------------

    static void prComment(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(INFRA_CI);
        Optional<Job> job = w.jobs().stream().filter(j -> j.permission("pull-requests").equals("write")).findFirst();
        if (!check.require(job.isPresent(), f(w), "jobs", "permissions", "no job may write to the pull request")) {
            return;
        }
        check.inspected(job.get().where());
        String text = job.get().node().toString();
        check.require(text.contains("createComment") || text.contains("updateComment") || text.contains("gh pr comment"), f(w),
                job.get().where(), "steps", "the job never comments on the pull request");
        check.require(text.contains("plan-staging") && text.contains("plan-production"), f(w), job.get().where(), "steps",
                "the comment must carry both environments' plans");
        check.require(text.toLowerCase().contains("checkov"), f(w), job.get().where(), "steps", "the comment must carry the Checkov findings");
        Set<String> needs = new TreeSet<>(job.get().needs());
        Set<String> producers = new TreeSet<>();
        for (Job other : w.jobs()) {
            String body = other.node().toString();
            if (body.contains("terraform -chdir") && body.contains(" plan ") || other.steps().stream().anyMatch(s -> s.usesAction("bridgecrewio/checkov-action"))) {
                producers.add(other.id());
            }
        }
        check.require(needs.containsAll(producers) && !producers.isEmpty(), f(w), job.get().where(), "needs",
                "the comment job must wait for " + producers + " (needs " + needs + ")");
        check.require(job.get().condition().contains("always()"), f(w), job.get().where(), "if",
                "the comment must also be posted when the plan or Checkov fails (if: always())");
    }

    // ---- AC-2.6 / AC-2.7 --------------------------------------------------------------------

    static void infraCdApplies(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow w = workflows.workflow(INFRA_CD);
        check.inspected(w.file());
        boolean forMain = pushToMain(w) || callersOf(workflows, INFRA_CD).stream().anyMatch(j -> pushToMain(j.workflow()));
        check.require(forMain, f(w), "on", "push", "Infrastructure CD must run for main (push, or called by a workflow on push to main)");
        Optional<Workflow> action = workflows.action(".github/actions/terraform-apply");
        boolean actionApplies = action.map(a -> a.actionSteps().stream().anyMatch(s -> runs(s, TF + "apply\\b.*tfplan")))
                .orElse(false);
        check.require(actionApplies, ".github/actions/terraform-apply/action.yml", "runs.steps", "run",
                "the apply action must run terraform apply on the saved plan");
        List<String> order = new ArrayList<>();
        for (Job job : w.jobs()) {
            boolean applies = job.steps().stream().anyMatch(s -> s.uses().endsWith("actions/terraform-apply")
                    || runs(s, TF + "apply\\b"));
            if (!applies) {
                continue;
            }
            check.inspected(job.where());
            order.add(job.environment());
            check.require(!job.environment().isEmpty(), f(w), job.where(), "environment", "an apply job must run in its GitHub environment");
            check.require(job.steps().stream().anyMatch(s -> s.usesAction(CONFIGURE_AWS) && s.with("role-to-assume").contains("TF_APPLY_ROLE")),
                    f(w), job.where(), "steps", "the apply must assume the environment's terraform-apply role");
            if (job.environment().equals("production")) {
                check.require(!job.needs().isEmpty() && jobsIn(w, j -> job.needs().contains(j.id())).stream()
                        .anyMatch(j -> j.environment().equals("staging")), f(w), job.where(), "needs", "production must be applied after staging");
            }
        }
        check.require(order.contains("staging") && order.contains("production"), f(w), "jobs", "environment",
                "both staging and production must be applied, found " + order);
    }

    static void appCdDeploys(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow w = workflows.workflow(APP_CD);
        boolean forMain = pushToMain(w) || callersOf(workflows, APP_CD).stream().anyMatch(j -> pushToMain(j.workflow()));
        check.require(forMain, f(w), "on", "workflow_call", "Application CD must run for main (called by the coordinated pipeline)");
        boolean ecrLogin = allSteps(w).stream().anyMatch(s -> s.usesAction("aws-actions/amazon-ecr-login"));
        boolean push = allSteps(w).stream().anyMatch(s -> s.usesAction("docker/build-push-action") && s.with("push").equals("true")
                && s.with("tags").contains("ECR_REPOSITORY_URI"));
        check.require(ecrLogin && push, f(w), "jobs", "steps", "the image must be built and pushed to the ECR repository");
        String deployScript = workflows.scripts().getOrDefault(".github/scripts/ecs-deploy.sh", "");
        check.require(deployScript.contains("aws ecs update-service") && deployScript.contains("aws deploy create-deployment")
                        && deployScript.contains("aws ecs register-task-definition"), ".github/scripts/ecs-deploy.sh", "ecs-deploy.sh", "",
                "the deploy script must register a task definition and update the service (ECS) or create a CodeDeploy deployment");
        List<String> deployed = new ArrayList<>();
        for (Job job : w.jobs()) {
            Optional<Step> deploy = stepWhere(job, s -> runs(s, "ecs-deploy\\.sh"));
            if (deploy.isEmpty()) {
                continue;
            }
            check.inspected(job.where());
            deployed.add(job.environment());
            check.require(indexOf(job, s -> s.usesAction(CONFIGURE_AWS)) >= 0 && indexOf(job, s -> s.usesAction(CONFIGURE_AWS)) < deploy.get().index(),
                    f(w), job.where(), "steps", "the deploy must run after the OIDC login");
            if (job.environment().equals("production")) {
                check.require(jobsIn(w, j -> job.needs().contains(j.id())).stream().anyMatch(j -> j.environment().equals("staging")
                                && j.steps().stream().anyMatch(s -> runs(s, "ecs-deploy\\.sh"))), f(w), job.where(), "needs",
                        "production must be deployed after staging");
            }
        }
        check.require(deployed.contains("staging") && deployed.contains("production"), f(w), "jobs", "environment",
                "the service must be deployed to staging and to production (behind its environment), found " + deployed);
    }

    // ---- AC-2.8 -----------------------------------------------------------------------------

    static void coordinatedOrder(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(COORDINATED);
        check.inspected(w.file());
        check.require(pushToMain(w), f(w), "on", "push", "the coordinated pipeline must run on pushes to main");
        Optional<Job> detect = w.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> s.usesAction("dorny/paths-filter")
                || runs(s, "git diff"))).findFirst();
        if (!check.require(detect.isPresent(), f(w), "jobs", "", "no job detects infrastructure vs application changes")) {
            return;
        }
        check.require(detect.get().node().path("outputs").has("infrastructure") && detect.get().node().path("outputs").has("application"),
                f(w), detect.get().where(), "outputs", "the change detection must output infrastructure and application");
        Optional<Job> infra = w.jobs().stream().filter(j -> j.calls().endsWith("/" + INFRA_CD)).findFirst();
        Optional<Job> app = w.jobs().stream().filter(j -> j.calls().endsWith("/" + APP_CD)).findFirst();
        if (check.require(infra.isPresent(), f(w), "jobs", "uses", "no job calls " + INFRA_CD)
                & check.require(app.isPresent(), f(w), "jobs", "uses", "no job calls " + APP_CD)) {
            check.require(infra.get().needs().contains(detect.get().id()) && infra.get().condition().contains("infrastructure"), f(w),
                    infra.get().where(), "if", "the infrastructure deploy must depend on the detected infrastructure changes");
            check.require(app.get().needs().contains(infra.get().id()), f(w), app.get().where(), "needs",
                    "the application deploy must wait for the infrastructure deploy");
            check.require(app.get().condition().contains(infra.get().id() + ".result == 'success'") && app.get().condition().contains("'skipped'"),
                    f(w), app.get().where(), "if", "the application may deploy only after a successful (or skipped) infrastructure deploy");
        }
    }

    static void concurrency(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow coordinated = workflows.workflow(COORDINATED);
        JsonNode top = coordinated.root().path("concurrency");
        check.require(top.isObject() && !top.path("group").asText("").isEmpty() && top.path("cancel-in-progress").asText("true").equals("false"),
                f(coordinated), "concurrency", "", "the coordinated pipeline must queue its runs (a group, cancel-in-progress: false)");
        for (Workflow w : workflows.all()) {
            for (Job job : w.jobs()) {
                String environment = job.environment();
                boolean deploys = job.steps().stream().anyMatch(s -> s.uses().endsWith("actions/terraform-apply") || runs(s, "ecs-deploy\\.sh")
                        || runs(s, "ecs-rollback\\.sh"));
                if (!deploys) {
                    continue;
                }
                check.inspected(w.file() + " " + job.where());
                check.require(job.concurrencyGroup().equals("deploy-" + environment), f(w), job.where(), "concurrency.group",
                        "a deploy to " + environment + " must be in the concurrency group deploy-" + environment + ", not '"
                                + job.concurrencyGroup() + "'");
                check.require(!job.cancelsInProgress(), f(w), job.where(), "concurrency.cancel-in-progress",
                        "a deploy must never be cancelled half-way by the next one");
            }
        }
    }

    // ---- AC-2.9 -----------------------------------------------------------------------------

    static void drift(PolicyInputs in, Check check) {
        Workflow w = in.workflows().workflow(DRIFT);
        check.inspected(w.file());
        JsonNode schedule = w.on().path("schedule");
        check.require(schedule.isArray() && !schedule.isEmpty() && !schedule.get(0).path("cron").asText("").isEmpty(), f(w), "on", "schedule",
                "drift detection must run on a cron schedule");
        for (Job job : w.jobs()) {
            Optional<Step> plan = stepWhere(job, s -> runs(s, TF + "plan\\b.*-detailed-exitcode"));
            if (plan.isEmpty()) {
                continue;
            }
            check.inspected(job.where());
            check.require(!runs(plan.get(), TF + "apply"), f(w), plan.get().where(), "run", "drift detection must not apply");
            String id = plan.get().id();
            Predicate<Step> onDrift = s -> s.condition().contains("steps." + id + ".outputs.exit_code == '2'");
            check.require(!id.isEmpty() && job.steps().stream().anyMatch(s -> onDrift.test(s) && runs(s, "aws sns publish")), f(w), job.where(),
                    "steps", "on drift (exit code 2) an SNS alert must be published");
            check.require(job.steps().stream().anyMatch(s -> onDrift.test(s) && s.node().toString().contains("issues.create")), f(w), job.where(),
                    "steps", "on drift a GitHub issue must be opened");
            check.require(job.steps().stream().anyMatch(s -> onDrift.test(s) && runs(s, "exit 1")), f(w), job.where(), "steps",
                    "on drift the job must fail");
        }
    }

    // ---- AC-2.10 ----------------------------------------------------------------------------

    static void stateBackup(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Optional<Workflow> action = workflows.action(".github/actions/terraform-apply");
        if (!check.require(action.isPresent(), ".github/actions/terraform-apply/action.yml", "", "", "no apply action")) {
            return;
        }
        List<Step> steps = action.get().actionSteps();
        Optional<Step> backup = steps.stream().filter(s -> runs(s, "aws s3 cp") && s.run().contains("state-backup") || runs(s, "aws s3 cp")
                && s.run().contains("BACKUP_PREFIX")).findFirst();
        Optional<Step> apply = steps.stream().filter(s -> runs(s, TF + "apply\\b")).findFirst();
        check.inspected(action.get().file());
        if (check.require(backup.isPresent(), action.get().file(), "runs.steps", "run", "no step copies the state to state-backups/")
                & check.require(apply.isPresent(), action.get().file(), "runs.steps", "run", "no apply step")) {
            check.require(backup.get().index() < apply.get().index(), action.get().file(), backup.get().where(), "",
                    "the state must be backed up before the apply");
            String prefix = action.get().root().path("inputs").path("state-backup-prefix").path("default").asText("");
            check.require(prefix.equals("state-backups"), action.get().file(), "inputs.state-backup-prefix", "default",
                    "the backups must go to state-backups/ (the prefix the state bucket's lifecycle and the apply role allow)");
        }
        Workflow cd = workflows.workflow(INFRA_CD);
        for (Job job : cd.jobs()) {
            for (Step step : job.steps()) {
                if (runs(step, TF + "apply\\b")) {
                    check.fail(cd.file(), step.where(), "run", "applies without the backup action");
                }
            }
        }
    }

    // ---- AC-2.11 ----------------------------------------------------------------------------

    static void oidcOnly(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        for (Workflow w : workflows.all()) {
            for (Job job : w.jobs()) {
                for (Step step : job.steps()) {
                    if (!step.usesAction(CONFIGURE_AWS) && !step.uses().startsWith(CONFIGURE_AWS + "@")) {
                        continue;
                    }
                    check.inspected(w.file() + " " + job.where() + " " + step.where());
                    check.require(!step.with("role-to-assume").isEmpty(), f(w), step.where(), "with.role-to-assume",
                            "the AWS login must assume a role through OIDC");
                    for (Iterator<String> it = step.with().fieldNames(); it.hasNext(); ) {
                        String input = it.next();
                        check.require(!KEY_INPUTS.contains(input), f(w), step.where(), "with." + input,
                                "logs in with a stored access key instead of OIDC");
                    }
                    check.require(job.permission("id-token").equals("write"), f(w), job.where(), "permissions.id-token",
                            "the job needs id-token: write to get an OIDC token");
                }
            }
        }
        for (Workflow action : workflows.actions()) {
            for (Step step : action.actionSteps()) {
                if (step.usesAction(CONFIGURE_AWS)) {
                    check.inspected(action.file() + " " + step.where());
                    check.require(!step.with("role-to-assume").isEmpty() && KEY_INPUTS.stream().noneMatch(k -> step.with().has(k)),
                            action.file(), step.where(), "with", "the AWS login must assume a role through OIDC, without keys");
                }
            }
        }
    }

    static void noStoredKeys(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        List<Workflow> files = new ArrayList<>(workflows.all());
        files.addAll(workflows.actions());
        for (Workflow w : files) {
            check.inspected(w.file());
            scanForKeys(w.file(), "", w.root(), check);
        }
        for (Map.Entry<String, String> script : workflows.scripts().entrySet()) {
            check.inspected(script.getKey());
            String[] lines = script.getValue().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (ACCESS_KEY_ID.matcher(lines[i]).find() || lines[i].matches(".*\\b(export\\s+)?AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)=.*")) {
                    check.fail(script.getKey(), "line " + (i + 1), "", "sets or embeds a long-lived AWS access key");
                }
            }
        }
    }

    private static void scanForKeys(String file, String path, JsonNode node, Check check) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (KEY_INPUTS.contains(e.getKey())) {
                    check.fail(file, path, e.getKey(), "an AWS access-key input: use role-to-assume (OIDC)");
                } else if (KEY_VARIABLES.contains(e.getKey()) && (path.endsWith("env") || path.equals("env"))) {
                    check.fail(file, path, e.getKey(), "sets " + e.getKey() + ": a long-lived key in the environment");
                }
                scanForKeys(file, child, e.getValue(), check);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scanForKeys(file, path + "[" + i + "]", node.get(i), check);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (STORED_KEY.matcher(text).find()) {
                check.fail(file, path, "", "reads a stored AWS key (" + firstMatch(STORED_KEY, text) + ")");
            }
            if (ACCESS_KEY_ID.matcher(text).find()) {
                check.fail(file, path, "", "embeds an AWS access key id");
            }
        }
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : "";
    }

    /** Whether a step talks to AWS and so needs the job's OIDC credentials first. */
    static boolean callsAws(Step step) {
        String run = step.run();
        return AWS_CLI.matcher(run).find()
                || Pattern.compile(TF + "(plan|apply)\\b").matcher(run).find()
                || run.contains("terraform-init.sh") || run.contains("ecs-deploy.sh") || run.contains("ecs-rollback.sh")
                || run.contains("validate-deployment.sh") || run.contains("-Dtarget=staging") || run.contains("-Dtarget=production")
                || step.uses().endsWith("actions/terraform-apply") || step.usesAction("aws-actions/amazon-ecr-login");
    }

    static void awsCallsAfterLogin(PolicyInputs in, Check check) {
        for (Workflow w : in.workflows().all()) {
            for (Job job : w.jobs()) {
                int login = indexOf(job, s -> s.usesAction(CONFIGURE_AWS));
                for (Step step : job.steps()) {
                    if (!callsAws(step)) {
                        continue;
                    }
                    check.inspected(w.file() + " " + job.where() + " " + step.where());
                    check.require(login >= 0 && login < step.index(), f(w), step.where(), "run",
                            "calls AWS without the job's OIDC login before it (configure-aws-credentials with role-to-assume)");
                }
            }
        }
    }

    // ---- AC-2.12 ----------------------------------------------------------------------------

    static void leastPermissions(PolicyInputs in, Check check) {
        for (Workflow w : in.workflows().all()) {
            check.inspected(w.file());
            JsonNode top = w.root().path("permissions");
            check.require(top.isObject() && top.isEmpty(), f(w), "permissions", "", "the workflow must start from no permissions (permissions: {})");
            for (Job job : w.jobs()) {
                check.require(job.node().has("permissions"), f(w), job.where(), "permissions", "the job must state the permissions it needs");
                JsonNode permissions = job.node().path("permissions");
                check.require(!permissions.isTextual() || !permissions.asText().contains("write"), f(w), job.where(), "permissions",
                        "write-all is never needed");
                if (job.permission("id-token").equals("write")) {
                    boolean assumes = job.steps().stream().anyMatch(s -> s.usesAction(CONFIGURE_AWS)) || !job.calls().isEmpty()
                            || job.steps().stream().anyMatch(s -> s.usesAction("actions/deploy-pages"));
                    check.require(assumes, f(w), job.where(), "permissions.id-token", "id-token: write without an OIDC login in the job");
                }
            }
        }
    }

    // ---- AC-2.13 ----------------------------------------------------------------------------

    private static Set<String> options(JsonNode input) {
        Set<String> out = new TreeSet<>();
        input.path("options").forEach(o -> out.add(o.asText()));
        return out;
    }

    static void strategies(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        for (String file : List.of(APP_CD, COORDINATED)) {
            Workflow w = workflows.workflow(file);
            check.inspected(w.file());
            JsonNode input = w.on().path("workflow_dispatch").path("inputs").path("strategy");
            check.require(input.path("type").asText("").equals("choice") && options(input).equals(STRATEGIES), f(w),
                    "on.workflow_dispatch.inputs.strategy", "options", "a choice of rolling, blue-green and canary, not " + options(input));
        }
        Workflow cd = workflows.workflow(APP_CD);
        check.require(cd.on().path("workflow_call").path("inputs").has("strategy"), f(cd), "on.workflow_call.inputs", "strategy",
                "the coordinated pipeline must be able to pass the strategy");
        Workflow coordinated = workflows.workflow(COORDINATED);
        check.require(coordinated.jobs().stream().anyMatch(j -> j.calls().endsWith("/" + APP_CD) && j.node().path("with").path("strategy").asText("")
                .contains("strategy")), f(coordinated), "jobs", "with.strategy", "the coordinated pipeline must hand the strategy to Application CD");
        String script = workflows.scripts().getOrDefault(".github/scripts/ecs-deploy.sh", "");
        for (String strategy : STRATEGIES) {
            check.require(script.contains(strategy), ".github/scripts/ecs-deploy.sh", "ecs-deploy.sh", "", "the deploy script does not handle " + strategy);
        }
        check.require(script.contains("ECSCanary") && script.contains("ECSAllAtOnce"), ".github/scripts/ecs-deploy.sh", "ecs-deploy.sh", "",
                "canary and blue-green must map to their CodeDeploy configurations");
        Module ecs = in.terraform().module("modules/ecs-service");
        check.require(ecs.validations("deployment_strategy").stream().anyMatch(v -> STRATEGIES.stream().allMatch(v::contains)),
                "terraform/modules/ecs-service/variables.tf", "var.deployment_strategy", "validation",
                "Terraform must accept the three strategies");
        String configs = Expr.text(ecs.locals().get("codedeploy_config"));
        check.require(configs.contains("blue-green") && configs.contains("canary") && configs.contains("ECSCanary"), ecs.localFile("codedeploy_config"),
                "local.codedeploy_config", "", "Terraform must map blue-green and canary to CodeDeploy configurations");
    }

    // ---- AC-2.14 ----------------------------------------------------------------------------

    static void rollback(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow w = workflows.workflow(APP_CD);
        for (Job job : w.jobs()) {
            Optional<Step> deploy = stepWhere(job, s -> runs(s, "ecs-deploy\\.sh"));
            if (deploy.isEmpty()) {
                continue;
            }
            check.inspected(job.where());
            Optional<Step> rollback = stepWhere(job, s -> runs(s, "ecs-rollback\\.sh"));
            check.require(rollback.isPresent() && rollback.get().index() > deploy.get().index() && rollback.get().condition().contains("failure()"),
                    f(w), job.where(), "steps", "no rollback step after the deploy that runs on failure()");
            rollback.ifPresent(r -> check.require(r.node().toString().contains("previous_task_definition"), f(w), r.where(), "env",
                    "the rollback must target the previous task definition recorded by the deploy step"));
        }
        String script = workflows.scripts().getOrDefault(".github/scripts/ecs-rollback.sh", "");
        check.require(script.contains("aws ecs update-service") && script.contains("stop-deployment"), ".github/scripts/ecs-rollback.sh",
                "ecs-rollback.sh", "", "the rollback script must restore the previous revision (ECS) and stop / roll back CodeDeploy");
        Module ecs = in.terraform().module("modules/ecs-service");
        for (TfBlock service : ecs.resources("aws_ecs_service")) {
            JsonNode controller = service.blocks("deployment_controller").stream().findFirst().orElse(null);
            if (controller != null && Expr.text(controller.get("type")).equals("ECS")) {
                check.inspected(service.address());
                JsonNode breaker = service.blocks("deployment_circuit_breaker").stream().findFirst().orElse(null);
                check.require(breaker != null && Expr.isLiteralTrue(breaker.get("enable")) && Expr.isLiteralTrue(breaker.get("rollback")),
                        service.file(), service.address(), "deployment_circuit_breaker", "rolling deployments must roll back on the circuit breaker");
            }
        }
        for (TfBlock group : ecs.resources("aws_codedeploy_deployment_group")) {
            check.inspected(group.address());
            JsonNode auto = group.blocks("auto_rollback_configuration").stream().findFirst().orElse(null);
            check.require(auto != null && Expr.isLiteralTrue(auto.get("enabled")) && Expr.texts(auto.get("events")).contains("DEPLOYMENT_FAILURE"),
                    group.file(), group.address(), "auto_rollback_configuration", "CodeDeploy must roll back automatically on failure");
        }
    }

    // ---- AC-2.15 ----------------------------------------------------------------------------

    static void postDeploymentValidation(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow w = workflows.workflow(APP_CD);
        for (Job job : w.jobs()) {
            Optional<Step> deploy = stepWhere(job, s -> runs(s, "ecs-deploy\\.sh"));
            if (deploy.isEmpty()) {
                continue;
            }
            check.inspected(job.where());
            int validate = indexOf(job, s -> runs(s, "validate-deployment\\.sh"));
            int smoke = indexOf(job, s -> runs(s, "bin/launch-readiness") && runs(s, "-Dtarget=(staging|production)\\b"));
            check.require(validate > deploy.get().index(), f(w), job.where(), "steps", "no health / alarm / metric validation after the deploy");
            check.require(smoke > deploy.get().index(), f(w), job.where(), "steps", "no smoke specs after the deploy");
        }
        String script = workflows.scripts().getOrDefault(".github/scripts/validate-deployment.sh", "");
        check.require(script.contains("readiness") && script.contains("describe-alarms") && script.contains("get-metric-data"),
                ".github/scripts/validate-deployment.sh", "validate-deployment.sh", "",
                "the validation must check readiness, firing alarms and the latency / error-rate metrics");
        Workflow coordinated = workflows.workflow(COORDINATED);
        Optional<Job> post = coordinated.jobs().stream().filter(j -> j.steps().stream().anyMatch(s -> runs(s, "validate-deployment\\.sh"))).findFirst();
        if (check.require(post.isPresent(), f(coordinated), "jobs", "", "no post-deployment validation job")) {
            check.inspected(post.get().where());
            Set<String> deployJobs = new TreeSet<>();
            coordinated.jobs().stream().filter(j -> !j.calls().isEmpty()).forEach(j -> deployJobs.add(j.id()));
            check.require(post.get().needs().containsAll(deployJobs) && !deployJobs.isEmpty(), f(coordinated), post.get().where(), "needs",
                    "the validation must run after " + deployJobs);
        }
    }

    // ---- AC-4.4 -----------------------------------------------------------------------------

    static void scannersWired(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        Workflow ci = workflows.workflow(APP_CI);
        codeql(in, check);
        Optional<Step> spotbugs = allSteps(ci).stream().filter(s -> s.run().contains("spotbugs-maven-plugin") && s.run().contains(":check")).findFirst();
        if (check.require(spotbugs.isPresent(), f(ci), "jobs", "steps", "no SpotBugs check")) {
            check.inspected(spotbugs.get().where());
            String all = ci.root().toString();
            check.require(spotbugs.get().run().contains("pluginList") && all.contains("findsecbugs-plugin"), f(ci), spotbugs.get().where(), "run",
                    "SpotBugs must run with the Find Security Bugs plugin");
            check.require(spotbugs.get().run().contains("failOnError=true"), f(ci), spotbugs.get().where(), "run", "SpotBugs findings must fail the job");
        }
        Optional<Step> review = allSteps(ci).stream().filter(s -> s.usesAction("actions/dependency-review-action")).findFirst();
        if (check.require(review.isPresent(), f(ci), "jobs", "steps", "no dependency review")) {
            check.inspected(review.get().where());
            check.require(List.of("low", "moderate", "high").contains(review.get().with("fail-on-severity")), f(ci), review.get().where(),
                    "with.fail-on-severity", "new vulnerable dependencies must fail the PR (high or lower)");
        }
        boolean trivyGateCi = allSteps(ci).stream().anyMatch(s -> s.usesAction("aquasecurity/trivy-action") && s.with("exit-code").equals("1"));
        check.require(trivyGateCi, f(ci), "jobs", "steps", "no Trivy image scan that fails on findings in Application CI");
        Workflow cd = workflows.workflow(APP_CD);
        for (Job job : cd.jobs()) {
            int push = indexOf(job, s -> s.usesAction("docker/build-push-action") && s.with("push").equals("true"));
            if (push < 0) {
                continue;
            }
            check.inspected(job.where());
            int trivy = indexOf(job, s -> s.usesAction("aquasecurity/trivy-action") && s.with("exit-code").equals("1"));
            check.require(trivy > push, f(cd), job.where(), "steps", "the pushed image must be scanned by Trivy (failing on CRITICAL) before any deploy");
        }
        Workflow infra = workflows.workflow(INFRA_CI);
        boolean checkov = allSteps(infra).stream().anyMatch(s -> s.usesAction("bridgecrewio/checkov-action"));
        check.require(checkov, f(infra), "jobs", "steps", "no Checkov scan of the infrastructure");
    }

    static void actionsPinned(PolicyInputs in, Check check) {
        Workflows workflows = in.workflows();
        List<Workflow> files = new ArrayList<>(workflows.all());
        files.addAll(workflows.actions());
        for (Workflow w : files) {
            List<Step> steps = new ArrayList<>(w.actionSteps());
            steps.addAll(allSteps(w));
            for (Step step : steps) {
                String uses = step.uses();
                if (uses.isEmpty() || uses.startsWith("./") || uses.startsWith("docker://")) {
                    continue;
                }
                check.inspected(uses);
                check.require(FULL_SHA.matcher(uses).matches(), w.file(), step.where(), "uses",
                        "'" + uses + "' is not pinned to a full commit SHA");
            }
            for (Job job : w.jobs()) {
                String calls = job.calls();
                if (!calls.isEmpty() && !calls.startsWith("./")) {
                    check.require(FULL_SHA.matcher(calls).matches(), w.file(), job.where(), "uses", "'" + calls + "' is not pinned to a full commit SHA");
                }
            }
        }
    }
}
