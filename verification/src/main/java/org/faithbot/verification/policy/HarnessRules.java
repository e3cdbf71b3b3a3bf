package org.faithbot.verification.policy;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import org.faithbot.verification.catalogue.SpecScenario;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workflows that run the harness against AWS, as an SRE reads them: the role each job assumes can make every
 * call of the scenarios it selects (SC-DEPLOY-5); the pipeline roles read no secret but the token signing key and no
 * table but the service's, and none that exists in production writes to DynamoDB (SC-SEC-2); a run against an
 * environment uses that environment's target, never selects a scenario that changes production, and never a
 * self-test; every scenario that changes its target says so with @destructive (AC-2.15).
 */
final class HarnessRules {

    static final String OIDC = "modules/github-oidc";
    static final List<String> DYNAMODB_READS = List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:GetRecords",
            "dynamodb:PartiQLSelect", "dynamodb:Query", "dynamodb:Scan");
    static final List<String> DYNAMODB_WRITES = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete",
            "dynamodb:RestoreTableFromBackup", "dynamodb:RestoreTableToPointInTime", "dynamodb:ImportTable");
    /** How a statement may name the service's tables: the harness's tables, every table of the environment, or its own name prefix. */
    static final List<String> SERVICE_TABLES = List.of("var.harness_table_arns", "local.harness_table_resources", "var.table_arns",
            ":table/${var.name}-");
    static final String JWT_SECRET = "${var.jwt_signing_key_secret_arn}";
    private static final Set<String> REMOTE_PROFILES = Set.of("staging", "production", "game-day");

    private HarnessRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(
                new PolicyRule("harness-jobs-roles-allow-their-calls", "SC-DEPLOY-5",
                        "every workflow step that runs the harness against AWS runs after an OIDC login to a role that allows every AWS call "
                                + "of the scenarios it selects (the calls of policy/harness-aws-calls.yaml: the target's, the drivers')",
                        HarnessRules::rolesAllowTheirCalls),
                new PolicyRule("pipeline-roles-read-only-the-signing-key-and-the-service-tables", "SC-SEC-2",
                        "no pipeline role reads a secret value but the JWT signing key's (its ARN alone), nor a table but the service's; "
                                + "no pipeline role that exists in production may write to DynamoDB",
                        HarnessRules::rolesReadOnlyWhatTheHarnessNeeds),
                new PolicyRule("remote-runs-use-their-own-target", "AC-2.15",
                        "a step that runs the harness in a job of an environment (or with its role) targets that environment with its own "
                                + "settings (-Dtarget=production -Dproduction.base-url=..., never staging's secret, issuer and tables)",
                        HarnessRules::remoteRunsUseTheirOwnTarget),
                new PolicyRule("production-runs-select-nothing-destructive", "AC-2.15",
                        "no step that runs the harness against production selects a @destructive scenario, and its tag expression "
                                + "excludes @destructive outside anything a repository variable or input can replace",
                        HarnessRules::productionRunsSelectNothingDestructive),
                new PolicyRule("scenarios-that-change-the-target-are-destructive", "AC-2.15",
                        "every scenario that changes its target (deployments, faults, restores, loads: policy/harness-aws-calls.yaml) "
                                + "is tagged @destructive",
                        HarnessRules::scenariosThatChangeTheTargetAreDestructive),
                new PolicyRule("remote-runs-select-no-self-test", "AC-2.15",
                        "the remote profiles of verification/pom.xml (staging, production, game-day) select no *SelfTestIT, no remote step "
                                + "names one, and every self-test refuses a remote target (@LocalTargetOnly)",
                        HarnessRules::remoteRunsSelectNoSelfTest));
    }

    // ---- SC-DEPLOY-5 ------------------------------------------------------------------------

    static void rolesAllowTheirCalls(PolicyInputs in, Check check) {
        HarnessAwsCalls calls = in.harnessCalls();
        Module oidc = in.terraform().module(OIDC);
        for (HarnessRuns.Run run : HarnessRuns.all(in.workflows())) {
            if (!run.remote()) {
                continue;
            }
            String file = run.workflow().file();
            String where = run.job().where() + " › " + run.where().replaceFirst("^jobs\\.[^ ]+ › ", "");
            check.inspected(file + " " + where);
            if (!check.require(run.login().isPresent() && !run.roleVariable().isEmpty(), file, where, "steps",
                    "runs the harness against " + run.target() + " without an OIDC login to a role (configure-aws-credentials with role-to-assume: ${{ vars.X }}) before it")) {
                continue;
            }
            Optional<RolePermissions> role = RolePermissions.of(oidc, run.roleName());
            if (!check.require(role.isPresent(), file, where, "role-to-assume", "vars." + run.roleVariable()
                    + " names no role of terraform/" + OIDC + " (expected aws_iam_role." + run.roleName() + ")")) {
                continue;
            }
            List<SpecScenario> selected = HarnessRuns.selected(in.scenarios(), run.effectiveSelection());
            if (!check.require(!selected.isEmpty(), file, where, "cucumber.filter.tags", "selects no scenario (" + run.effectiveSelection()
                    + "): the job proves nothing")) {
                continue;
            }
            for (HarnessAwsCalls.Driver driver : calls.usedBy(selected)) {
                for (HarnessAwsCalls.Call call : HarnessAwsCalls.callsMade(driver, run.trueProperties())) {
                    role.get().refusal(call, calls.references(call.resource())).ifPresent(why -> check.fail(file, where,
                            "role " + run.roleName() + " (vars." + run.roleVariable() + ")",
                            "cannot " + call.describe() + ", which " + driver.name() + " calls: " + why));
                }
            }
        }
    }

    // ---- SC-SEC-2 ---------------------------------------------------------------------------

    static void rolesReadOnlyWhatTheHarnessNeeds(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module oidc = tf.module(OIDC);
        for (TfBlock roleBlock : oidc.resources("aws_iam_role")) {
            RolePermissions role = RolePermissions.of(oidc, roleBlock.name()).orElseThrow();
            check.inspected(roleBlock.address());
            boolean inProduction = existsIn(tf, roleBlock, "production");
            for (IamPolicies.Statement statement : role.statements()) {
                if (!statement.allows()) {
                    continue;
                }
                List<String> actions = Expr.texts(statement.actions());
                List<String> resources = Expr.texts(statement.resources());
                String file = statement.document().file();
                if (actions.stream().anyMatch(a -> RolePermissions.actionMatches(a, "secretsmanager:GetSecretValue"))) {
                    check.require(resources.equals(List.of(JWT_SECRET)), file, statement.where(), "resources",
                            "aws_iam_role." + roleBlock.name() + " may read secret values of " + resources + ": only the JWT signing key ("
                                    + JWT_SECRET + ")");
                }
                List<String> reads = DYNAMODB_READS.stream().filter(r -> actions.stream().anyMatch(a -> RolePermissions.actionMatches(a, r))).toList();
                if (!reads.isEmpty()) {
                    for (String resource : resources) {
                        check.require(!resource.equals("*") && SERVICE_TABLES.stream().anyMatch(resource::contains), file, statement.where(), "resources",
                                "aws_iam_role." + roleBlock.name() + " may read (" + reads + ") " + resource + ", which is not one of the service's tables");
                    }
                }
                if (inProduction) {
                    List<String> writes = DYNAMODB_WRITES.stream().filter(w -> actions.stream().anyMatch(a -> RolePermissions.actionMatches(a, w))).toList();
                    check.require(writes.isEmpty(), file, statement.where(), "actions", "aws_iam_role." + roleBlock.name()
                            + " exists in production and may write to DynamoDB: " + writes);
                }
            }
        }
        // the signing key and the tables are the ones the platform builds
        for (TfBlock call : tf.callsTo(OIDC)) {
            check.inspected(call.file() + " › " + call.address());
            String jwt = call.text("jwt_signing_key_secret_arn");
            check.require(Expr.refersTo(jwt, "module.secrets.jwt_signing_key_secret_arn"), call.file(), call.address(), "jwt_signing_key_secret_arn",
                    "must be the secrets module's JWT signing key (module.secrets.jwt_signing_key_secret_arn), not '" + jwt + "'");
            String tables = call.text("harness_table_arns");
            check.require(tables.isEmpty() || Expr.refersTo(tables, "module.dynamodb.table_arn_list") && !tables.contains("*"), call.file(), call.address(),
                    "harness_table_arns", "must be the dynamodb module's tables (module.dynamodb.table_arn_list) or nothing, not '" + tables + "'");
        }
        String resources = Expr.text(oidc.locals().get("harness_table_resources"));
        check.require(resources.isEmpty() || resources.contains("var.harness_table_arns") && !resources.contains("\"*\""), oidc.localFile("harness_table_resources"),
                "local.harness_table_resources", "", "must be var.harness_table_arns and their indexes, not '" + resources + "'");
    }

    /** Whether a resource of the module exists in that environment: its count is not a variable set false there. */
    static boolean existsIn(TerraformConfig tf, TfBlock resource, String environment) {
        String count = resource.text("count");
        java.util.regex.Matcher m = Pattern.compile("^\\$\\{\\s*var\\.([A-Za-z0-9_-]+)\\s*\\?\\s*1\\s*:\\s*0\\s*}$").matcher(count.strip());
        if (count.isEmpty() || !m.matches()) {
            return true;
        }
        List<TfValues.Value> values = TfValues.reaching(tf, resource.module(), m.group(1)).stream()
                .filter(v -> v.where().contains("environments/" + environment + "/")).toList();
        return values.isEmpty() || values.stream().anyMatch(v -> !v.value().isBoolean() || v.value().asBoolean());
    }

    // ---- AC-2.15 ----------------------------------------------------------------------------

    static void remoteRunsUseTheirOwnTarget(PolicyInputs in, Check check) {
        for (HarnessRuns.Run run : HarnessRuns.all(in.workflows())) {
            String environment = run.environment();
            if (!run.remote() && environment.isEmpty()) {
                continue;
            }
            String file = run.workflow().file();
            String where = run.job().where() + " › " + run.where().replaceFirst("^jobs\\.[^ ]+ › ", "");
            check.inspected(file + " " + where);
            if (!environment.isEmpty()) {
                check.require(run.target().equals(environment), file, where, "-Dtarget", "the job works in " + environment
                        + " (its environment or role) but runs the harness with -Dtarget=" + run.target() + ": "
                        + (run.remote() ? run.target() + "'s secret id, issuer and tables against " + environment + "'s service" : "not against " + environment));
            }
            if (!run.remote()) {
                continue;
            }
            check.require(run.properties().containsKey(run.target() + ".base-url"), file, where, "-D" + run.target() + ".base-url",
                    "a run against " + run.target() + " must name its URL with -D" + run.target() + ".base-url");
            for (String other : HarnessRuns.REMOTE_TARGETS) {
                if (other.equals(run.target())) {
                    continue;
                }
                run.properties().keySet().stream().filter(k -> k.startsWith(other + ".")).forEach(k -> check.fail(file, where, "-D" + k,
                        "a run against " + run.target() + " is given " + other + "'s setting " + k));
            }
        }
    }

    static void productionRunsSelectNothingDestructive(PolicyInputs in, Check check) {
        List<SpecScenario> scenarios = in.scenarios();
        for (HarnessRuns.Run run : HarnessRuns.all(in.workflows())) {
            if (!run.target().equals("production") && !run.environment().equals("production")) {
                continue;
            }
            String file = run.workflow().file();
            String where = run.job().where() + " › " + run.where().replaceFirst("^jobs\\.[^ ]+ › ", "");
            check.inspected(file + " " + where);
            List<String> destructive = HarnessRuns.selected(scenarios, run.workflowSelection()).stream()
                    .filter(s -> s.tags().contains("@destructive")).map(s -> s.uri() + ": " + s.name()).toList();
            check.require(destructive.isEmpty(), file, where, "cucumber.filter.tags", "selects @destructive scenarios against production ("
                    + run.workflowSelection() + "): " + destructive);
            Expression overridden = TagExpressionParser.parse(run.workflowSelectionOverridden());
            List<String> reachable = scenarios.stream().filter(s -> {
                List<String> tags = new ArrayList<>(s.tags());
                tags.add("@destructive");
                return overridden.evaluate(tags);
            }).map(s -> s.uri() + ": " + s.name()).toList();
            check.require(reachable.isEmpty(), file, where, "cucumber.filter.tags", "its tag expression does not exclude @destructive where a "
                    + "repository variable or input cannot undo it (with an override: " + run.workflowSelectionOverridden() + "); it could select "
                    + reachable.size() + " scenario(s) if they changed their target, e.g. " + reachable.stream().limit(2).toList());
        }
    }

    static void scenariosThatChangeTheTargetAreDestructive(PolicyInputs in, Check check) {
        List<HarnessAwsCalls.Change> changes = in.harnessCalls().changes();
        for (SpecScenario scenario : in.scenarios()) {
            for (HarnessAwsCalls.Change change : changes) {
                if (change.matches(scenario)) {
                    check.inspected(scenario.uri() + ": " + scenario.name());
                    check.require(scenario.tags().contains("@destructive"), "features/" + scenario.uri(), scenario.name(), "tags",
                            "changes its target (" + change.describe() + ") but is not tagged @destructive");
                    break;
                }
            }
        }
    }

    static void remoteRunsSelectNoSelfTest(PolicyInputs in, Check check) {
        Path pom = in.file("verification/pom.xml");
        Document document = xml(pom);
        NodeList profiles = document.getElementsByTagName("profile");
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String id = text(profile, "id");
            if (!REMOTE_PROFILES.contains(id)) {
                continue;
            }
            seen.add(id);
            check.inspected("verification/pom.xml profile " + id);
            Optional<Element> includes = failsafeIncludes(profile);
            boolean overrides = includes.isPresent() && includes.get().getAttribute("combine.self").equals("override");
            List<String> patterns = includes.map(HarnessRules::includePatterns).orElse(List.of());
            check.require(overrides && patterns.stream().noneMatch(p -> p.contains("SelfTest")) && !patterns.isEmpty(), "verification/pom.xml",
                    "profile " + id, "maven-failsafe-plugin includes", "must replace the build's includes (combine.self=\"override\") with the specs alone, "
                            + "without *SelfTestIT: " + (overrides ? patterns : "the build's includes, self-tests among them, are inherited"));
        }
        for (String id : REMOTE_PROFILES) {
            check.require(seen.contains(id), "verification/pom.xml", "profiles", "profile " + id, "no " + id + " profile keeps self-tests out of "
                    + (id.equals("game-day") ? "game days" : "runs against " + id));
        }
        for (HarnessRuns.Run run : HarnessRuns.all(in.workflows())) {
            if (run.remote()) {
                check.require(!run.step().run().contains("SelfTest"), run.workflow().file(), run.where(), "run", "a run against "
                        + run.target() + " names a self-test");
            }
        }
        Path selfTests = in.file("verification/src/test/java/org/faithbot/verification/selftest");
        if (Files.isDirectory(selfTests)) {
            try (Stream<Path> files = Files.list(selfTests)) {
                for (Path test : files.filter(p -> p.getFileName().toString().endsWith("SelfTestIT.java")).sorted().toList()) {
                    String relative = in.projectRoot().relativize(test).toString();
                    check.inspected(relative);
                    check.require(Pattern.compile("(?m)^@LocalTargetOnly\\s*$").matcher(Files.readString(test)).find(), relative,
                            test.getFileName().toString().replace(".java", ""), "@LocalTargetOnly",
                            "a self-test must refuse a remote target (annotate the class @LocalTargetOnly)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Optional<Element> failsafeIncludes(Element profile) {
        NodeList plugins = profile.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("maven-failsafe-plugin")) {
                NodeList includes = plugin.getElementsByTagName("includes");
                return includes.getLength() == 0 ? Optional.empty() : Optional.of((Element) includes.item(0));
            }
        }
        return Optional.empty();
    }

    private static List<String> includePatterns(Element includes) {
        List<String> out = new ArrayList<>();
        NodeList include = includes.getElementsByTagName("include");
        for (int i = 0; i < include.getLength(); i++) {
            out.add(include.item(i).getTextContent().strip());
        }
        return out;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static Document xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
