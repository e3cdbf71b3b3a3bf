package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.tagexpressions.TagExpressionParser;
import org.faithbot.verification.catalogue.SpecScenario;
import org.faithbot.verification.policy.Workflows.Job;
import org.faithbot.verification.policy.Workflows.Step;
import org.faithbot.verification.policy.Workflows.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflow steps that run the harness (bin/launch-readiness, bin/test), read from their command lines: the
 * target, the -D properties, the tag filter (its $VARIABLES followed to the step's, job's or workflow's env, a
 * {@code ${{ vars.X || inputs.y || 'default' }}} taken at its default and marked as overridable), the role the job
 * assumed before the step. What a run selects is computed as bin/setup.sh and verification/pom.xml compute it.
 */
final class HarnessRuns {

    static final Set<String> REMOTE_TARGETS = Set.of("staging", "production");
    /** What stands for a repository variable or a dispatch input that can replace a default: it selects what it likes. */
    static final String OVERRIDE = "@destructive";

    private static final Pattern HARNESS = Pattern.compile("(^|[\\s;&|(/])bin/(launch-readiness|test)\\b");
    private static final Pattern PROPERTY = Pattern.compile("-D([A-Za-z0-9_.-]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s)]+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern GITHUB_EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    private HarnessRuns() {
    }

    /** One step that runs the harness. */
    record Run(Workflow workflow, Job job, Step step, String target, boolean gameDay, Map<String, String> properties,
               Optional<String> filter, Optional<String> filterOverridden, Optional<Step> login) {

        String where() {
            return step.where();
        }

        boolean remote() {
            return REMOTE_TARGETS.contains(target);
        }

        Set<String> trueProperties() {
            Set<String> out = new TreeSet<>();
            properties.forEach((k, v) -> {
                if (v.equals("true")) {
                    out.add(k);
                }
            });
            return out;
        }

        /** The selection as the workflow writes it: the target's tag, and its filter (at its defaults) when it gives one. */
        String workflowSelection() {
            return selection(filter, false);
        }

        /** The same, with every overridable part of the filter replaced by what an override could select. */
        String workflowSelectionOverridden() {
            return selection(filterOverridden, false);
        }

        /** What the harness really selects: bin/setup.sh's expression, or the Maven profile's default without a filter. */
        String effectiveSelection() {
            return selection(filter, true);
        }

        private String selection(Optional<String> tags, boolean withHarnessGuards) {
            String guard = withHarnessGuards && target.equals("production") ? " and not @destructive" : "";
            if (tags.isPresent()) {
                return "@" + target + " and not @wip" + guard + " and (" + tags.get() + ")";
            }
            if (gameDay) {
                return "@chaos and @" + target + " and not @wip";
            }
            return "@" + target + " and not @wip" + guard;
        }

        /** The role the job assumed before this step (the variable role-to-assume reads), or "". */
        String roleVariable() {
            return login.map(l -> {
                Matcher m = Pattern.compile("vars\\.([A-Za-z0-9_]+)").matcher(l.with("role-to-assume"));
                return m.find() ? m.group(1) : "";
            }).orElse("");
        }

        /** The Terraform role the variable names (APP_DEPLOY_ROLE_ARN, STAGING_GAME_DAY_ROLE_ARN: app_deploy, game_day). */
        String roleName() {
            return roleVariable().replaceFirst("^(STAGING|PRODUCTION)_", "").replaceFirst("_ROLE_ARN$", "").toLowerCase(java.util.Locale.ROOT);
        }

        /** The environment whose role and settings the job uses: its GitHub environment, else the role variable's prefix. */
        String environment() {
            if (!job.environment().isEmpty()) {
                return job.environment();
            }
            String variable = roleVariable();
            return variable.startsWith("STAGING_") ? "staging" : variable.startsWith("PRODUCTION_") ? "production" : "";
        }
    }

    static List<Run> all(Workflows workflows) {
        List<Run> runs = new ArrayList<>();
        for (Workflow w : workflows.all()) {
            for (Job job : w.jobs()) {
                for (Step step : job.steps()) {
                    String run = step.run();
                    if (!HARNESS.matcher(run).find() || run.contains("--merge")) {
                        continue;
                    }
                    runs.add(read(w, job, step));
                }
            }
        }
        return runs;
    }

    private static Run read(Workflow w, Job job, Step step) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher m = PROPERTY.matcher(step.run());
        while (m.find()) {
            properties.put(m.group(1), unquote(m.group(2)));
        }
        String target = properties.getOrDefault("target", "local");
        boolean gameDay = Pattern.compile("(^|[\\s(\"'])-Pgame-day\\b").matcher(step.run()).find();
        Optional<String> filter = Optional.empty();
        Optional<String> overridden = Optional.empty();
        String raw = properties.get("cucumber.filter.tags");
        if (raw != null) {
            filter = Optional.of(expand(raw, w, job, step, false));
            overridden = Optional.of(expand(raw, w, job, step, true));
        }
        Optional<Step> login = job.steps().stream().filter(s -> s.index() < step.index() && s.usesAction(WorkflowRules.CONFIGURE_AWS))
                .reduce((a, b) -> b);
        return new Run(w, job, step, target, gameDay, properties, filter, overridden, login);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The filter with every $VARIABLE replaced by its env value, each GitHub expression by its default (or the override). */
    private static String expand(String raw, Workflow w, Job job, Step step, boolean overridden) {
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env(m.group(1), w, job, step);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : github(value, overridden)));
        }
        m.appendTail(out);
        return github(out.toString(), overridden);
    }

    private static String env(String name, Workflow w, Job job, Step step) {
        for (JsonNode env : List.of(step.env(), job.node().path("env"), w.root().path("env"))) {
            if (env.has(name)) {
                return env.get(name).asText();
            }
        }
        return null;
    }

    /** {@code ${{ vars.X || 'default' }}}: the default, or the override when a variable or input could replace it. */
    static String github(String text, boolean overridden) {
        Matcher m = GITHUB_EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            boolean overridable = expression.contains("vars.") || expression.contains("inputs.") || expression.contains("github.event");
            String fallback = "";
            Matcher literal = LITERAL.matcher(expression);
            while (literal.find()) {
                fallback = literal.group(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(overridden && overridable ? OVERRIDE : fallback));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The scenarios of the features that a selection (a Cucumber tag expression) selects. */
    static List<SpecScenario> selected(List<SpecScenario> scenarios, String selection) {
        var expression = TagExpressionParser.parse(selection);
        return scenarios.stream().filter(s -> expression.evaluate(List.copyOf(s.tags()))).toList();
    }
}
