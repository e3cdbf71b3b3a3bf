package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM of least privilege (AC-4.2) and the CI/CD roles (AC-2.11, AC-2.12): every policy document of
 * the configuration, read statement by statement. Deny statements are never held against these
 * rules (a TLS-only bucket policy denies s3:* on purpose).
 */
final class IamRules {

    static final String OIDC_HOST = "token.actions.githubusercontent.com";
    private static final Pattern ADMIN_POLICY = Pattern.compile("policy/(AdministratorAccess|PowerUserAccess|IAMFullAccess|[A-Za-z]*FullAccess)\\b");

    /**
     * Roles allowed to hold write actions on "*": the Terraform deployer, which creates resources
     * whose ARNs do not exist before the call. The rule still requires that such a role can be
     * assumed only from a protected GitHub environment.
     */
    static final List<String> UNSCOPED_WRITE_ROLES = List.of("modules/github-oidc:terraform_apply");

    private IamRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(
                new PolicyRule("iam-no-wildcard-actions", "AC-4.2",
                        "no Allow statement of any policy grants \"*\", \"<service>:*\" or any other wildcard action, nor uses NotAction",
                        IamRules::noWildcardActions),
                new PolicyRule("iam-unscoped-resources-only-where-aws-requires", "AC-4.2",
                        "an Allow on Resource \"*\" holds only metadata reads, actions AWS cannot scope, or is narrowed by a condition "
                                + "(key policies aside; the Terraform deployer role only when assumable solely from a GitHub environment)",
                        IamRules::unscopedResourcesJustified),
                new PolicyRule("iam-pass-role-scoped", "AC-4.2",
                        "iam:PassRole is granted on named roles only and only towards named services (iam:PassedToService)",
                        IamRules::passRoleScoped),
                new PolicyRule("iam-no-admin-managed-policies", "AC-4.2",
                        "no role gets AdministratorAccess, PowerUserAccess or any *FullAccess managed policy",
                        IamRules::noAdminManagedPolicies),
                new PolicyRule("iam-policies-are-checkable-documents", "AC-4.2",
                        "every IAM, key and resource policy is an aws_iam_policy_document (no inline JSON that these rules could not read)",
                        IamRules::policiesAreDocuments),
                new PolicyRule("github-oidc-provider-for-sts", "AC-2.11",
                        "GitHub's OIDC provider (token.actions.githubusercontent.com) is registered for the audience sts.amazonaws.com",
                        IamRules::oidcProvider),
                new PolicyRule("no-long-lived-aws-keys-in-terraform", "AC-2.11",
                        "Terraform creates no IAM user, access key or login profile: nothing long-lived to store in CI",
                        IamRules::noLongLivedKeys),
                new PolicyRule("ci-roles-trust-only-this-repository", "AC-2.12",
                        "every role trusted by GitHub's OIDC provider requires aud = sts.amazonaws.com and an exact sub of this repository (StringEquals, no wildcard)",
                        IamRules::ciRolesTrustOnlyThisRepository),
                new PolicyRule("ci-deploy-roles-only-from-github-environments", "AC-2.12",
                        "the roles that deploy (terraform-apply, app-deploy) are assumable only from a GitHub environment, never from a pull request or a branch",
                        IamRules::deployRolesOnlyFromEnvironments),
                new PolicyRule("ci-roles-no-wildcard-actions", "AC-2.12",
                        "the CI/CD roles' policies list every action explicitly: no \"*\" or \"<service>:*\" in any Allow",
                        IamRules::ciRolesNoWildcardActions),
                new PolicyRule("ci-roles-only-read-only-managed-policy", "AC-2.12",
                        "the only AWS managed policy attached to a CI/CD role is ReadOnlyAccess",
                        IamRules::ciRolesOnlyReadOnlyManagedPolicy));
    }

    /** Every policy document of every module, with its module. */
    private static List<TfBlock> documents(TerraformConfig tf) {
        return tf.data("aws_iam_policy_document");
    }

    static void noWildcardActions(PolicyInputs in, Check check) {
        for (TfBlock document : documents(in.terraform())) {
            wildcardActions(document, check);
        }
    }

    private static void wildcardActions(TfBlock document, Check check) {
        for (IamPolicies.Statement statement : IamPolicies.statements(document)) {
            check.inspected(statement.where());
            if (!statement.allows()) {
                continue;
            }
            if (statement.body().has("not_actions")) {
                check.fail(document.file(), statement.where(), "not_actions", "an Allow with NotAction grants everything it does not list");
            }
            JsonNode actions = statement.actions();
            if (!Expr.isList(actions)) {
                check.fail(document.file(), statement.where(), "actions", "actions are computed (" + Expr.text(actions)
                        + ") and cannot be checked; list them");
                continue;
            }
            for (String action : Expr.texts(actions)) {
                if (action.contains("*")) {
                    check.fail(document.file(), statement.where(), "actions", "\"" + action + "\" is a wildcard action in an Allow");
                } else if (action.contains("${")) {
                    check.fail(document.file(), statement.where(), "actions", "\"" + action + "\" is computed and cannot be checked");
                }
            }
        }
    }

    static void unscopedResourcesJustified(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (Module module : tf.modules()) {
            Map<String, List<IamPolicies.Usage>> uses = IamPolicies.usesByDocument(module);
            for (TfBlock document : module.data("aws_iam_policy_document")) {
                List<IamPolicies.Usage> usages = uses.getOrDefault(document.name(), List.of());
                boolean identity = usages.stream().anyMatch(u -> u.use() == IamPolicies.Use.IDENTITY);
                if (!identity) {
                    continue; // key, trust and resource policies: "*" there means the resource itself
                }
                List<String> exemptRoles = usages.stream().filter(u -> u.use() == IamPolicies.Use.IDENTITY)
                        .map(u -> IamPolicies.attachedRole(u.resource()).orElse(""))
                        .map(role -> module.directory() + ":" + role).toList();
                boolean deployer = !exemptRoles.isEmpty() && UNSCOPED_WRITE_ROLES.containsAll(exemptRoles);
                for (IamPolicies.Statement statement : IamPolicies.statements(document)) {
                    if (!statement.allows()) {
                        continue;
                    }
                    check.inspected(statement.where());
                    List<String> resources = Expr.texts(statement.resources());
                    boolean everything = resources.contains("*") || statement.body().has("not_resources");
                    if (!everything || !statement.conditions().isEmpty()) {
                        continue;
                    }
                    List<String> unjustified = Expr.texts(statement.actions()).stream()
                            .filter(a -> !IamPolicies.isMetadataRead(a) && !IamPolicies.UNSCOPABLE_ACTIONS.contains(a)).toList();
                    if (unjustified.isEmpty()) {
                        continue;
                    }
                    if (deployer) {
                        for (String role : exemptRoles) {
                            String name = role.substring(role.indexOf(':') + 1);
                            check.require(assumableOnlyFromEnvironments(tf, module, name), document.file(), statement.where(), "resources",
                                    "write actions on \"*\" are tolerated only in a deployer role assumable solely from a GitHub environment; "
                                            + "aws_iam_role." + name + " is not");
                        }
                        continue;
                    }
                    check.fail(document.file(), statement.where(), "resources", "Resource \"*\" without a condition for "
                            + unjustified + ": name the resources (or add a condition that scopes them)");
                }
            }
        }
    }

    static void passRoleScoped(PolicyInputs in, Check check) {
        for (TfBlock document : documents(in.terraform())) {
            for (IamPolicies.Statement statement : IamPolicies.statements(document)) {
                if (!statement.allows() || !Expr.texts(statement.actions()).contains("iam:PassRole")) {
                    continue;
                }
                check.inspected(statement.where());
                check.require(!Expr.texts(statement.resources()).contains("*"), document.file(), statement.where(), "resources",
                        "iam:PassRole on \"*\" lets the holder hand any role to a service");
                boolean toNamedServices = statement.conditions().stream()
                        .anyMatch(c -> Expr.text(c.get("variable")).equals("iam:PassedToService"));
                check.require(toNamedServices, document.file(), statement.where(), "condition",
                        "iam:PassRole without an iam:PassedToService condition");
            }
        }
    }

    static void noAdminManagedPolicies(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (String type : List.of("aws_iam_role_policy_attachment", "aws_iam_policy_attachment", "aws_iam_user_policy_attachment",
                "aws_iam_group_policy_attachment")) {
            for (TfBlock attachment : tf.resources(type)) {
                check.inspected(attachment.address());
                List<String> arns = new ArrayList<>(List.of(attachment.module().string(attachment.attr("policy_arn"))));
                if (attachment.attr("for_each") != null) {
                    arns.addAll(Expr.texts(attachment.attr("for_each")).stream().map(attachment.module()::expand).toList());
                }
                for (String arn : arns) {
                    check.require(!ADMIN_POLICY.matcher(arn).find(), attachment.file(), attachment.address(), "policy_arn",
                            arn + " is an administrator-level managed policy");
                }
            }
        }
        for (TfBlock role : tf.resources("aws_iam_role")) {
            for (String arn : Expr.texts(role.attr("managed_policy_arns"))) {
                check.require(!ADMIN_POLICY.matcher(arn).find(), role.file(), role.address(), "managed_policy_arns",
                        arn + " is an administrator-level managed policy");
            }
        }
    }

    static void policiesAreDocuments(PolicyInputs in, Check check) {
        for (Module module : in.terraform().modules()) {
            for (IamPolicies.Usage usage : IamPolicies.usages(module)) {
                check.inspected(usage.resource().address() + "." + usage.attribute());
                check.require(usage.documentName() != null, usage.resource().file(), usage.resource().address(), usage.attribute(),
                        "the policy is not a data.aws_iam_policy_document reference (" + abbreviate(usage.resource().text(usage.attribute()))
                                + "): inline JSON escapes the IAM rules");
            }
        }
    }

    static void oidcProvider(PolicyInputs in, Check check) {
        List<TfBlock> providers = in.terraform().resources("aws_iam_openid_connect_provider");
        for (TfBlock provider : providers) {
            check.inspected(provider.address());
            String url = provider.module().string(provider.attr("url"));
            check.require(url.equals("https://" + OIDC_HOST), provider.file(), provider.address(), "url",
                    "the provider must be GitHub Actions' issuer https://" + OIDC_HOST + ", not " + url);
            check.require(Expr.texts(provider.attr("client_id_list")).equals(List.of("sts.amazonaws.com")), provider.file(),
                    provider.address(), "client_id_list", "the only audience must be sts.amazonaws.com, not "
                            + Expr.texts(provider.attr("client_id_list")));
        }
    }

    static void noLongLivedKeys(PolicyInputs in, Check check) {
        for (TfBlock resource : in.terraform().allResources()) {
            check.inspected(resource.address());
            check.require(!List.of("aws_iam_access_key", "aws_iam_user", "aws_iam_user_login_profile", "aws_iam_user_policy",
                            "aws_iam_user_policy_attachment", "aws_iam_service_specific_credential").contains(resource.type()),
                    resource.file(), resource.address(), "", resource.type() + " creates a long-lived identity or credential");
        }
    }

    /** The trust documents of roles assumed through GitHub's OIDC provider, by role. */
    private record OidcRole(TfBlock role, TfBlock document, String key) {
    }

    private static List<OidcRole> oidcRoles(TerraformConfig tf) {
        List<OidcRole> out = new ArrayList<>();
        for (Module module : tf.modules()) {
            for (IamPolicies.Usage usage : IamPolicies.usages(module)) {
                if (usage.use() != IamPolicies.Use.TRUST || usage.documentName() == null) {
                    continue;
                }
                Optional<TfBlock> document = module.data("aws_iam_policy_document", usage.documentName());
                if (document.isPresent() && IamPolicies.statements(document.get()).stream().anyMatch(IamRules::federated)) {
                    out.add(new OidcRole(usage.resource(), document.get(), usage.key()));
                }
            }
        }
        return out;
    }

    private static boolean federated(IamPolicies.Statement statement) {
        return statement.principals().stream().anyMatch(p -> Expr.text(p.get("type")).equals("Federated"));
    }

    /** The sub values a trust statement condition allows, {@code each.value} resolved through the document's for_each. */
    private static List<String> values(OidcRole role, JsonNode condition) {
        JsonNode values = condition.get("values");
        if (Expr.expression(values).filter(e -> e.equals("each.value")).isPresent()) {
            values = role.document().attr("for_each") == null || role.key() == null ? null
                    : role.document().attr("for_each").get(role.key());
        }
        return Expr.texts(values).stream().map(role.document().module()::expand).toList();
    }

    private static String variable(OidcRole role, JsonNode condition) {
        return role.document().module().expand(Expr.text(condition.get("variable")));
    }

    static void ciRolesTrustOnlyThisRepository(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (OidcRole role : oidcRoles(tf)) {
            check.inspected(role.role().address());
            String file = role.document().file();
            for (IamPolicies.Statement statement : IamPolicies.statements(role.document())) {
                if (!statement.allows()) {
                    continue;
                }
                String where = statement.where() + (role.key() == null ? "" : " [\"" + role.key() + "\"]");
                check.require(Expr.texts(statement.actions()).equals(List.of("sts:AssumeRoleWithWebIdentity")), file, where, "actions",
                        "an OIDC trust statement must allow sts:AssumeRoleWithWebIdentity only");
                JsonNode aud = null;
                JsonNode sub = null;
                for (JsonNode condition : statement.conditions()) {
                    String variable = variable(role, condition);
                    if (variable.equals(OIDC_HOST + ":aud")) {
                        aud = condition;
                    } else if (variable.equals(OIDC_HOST + ":sub")) {
                        sub = condition;
                    }
                }
                if (check.require(aud != null, file, where, "condition", "no condition on " + OIDC_HOST + ":aud")) {
                    check.require(Expr.text(aud.get("test")).equals("StringEquals") && values(role, aud).equals(List.of("sts.amazonaws.com")),
                            file, where, "condition[aud]", "aud must be StringEquals sts.amazonaws.com, not " + Expr.text(aud.get("test"))
                                    + " " + values(role, aud));
                }
                if (check.require(sub != null, file, where, "condition", "no condition on " + OIDC_HOST + ":sub: any repository could assume the role")) {
                    check.require(Expr.text(sub.get("test")).equals("StringEquals"), file, where, "condition[sub].test",
                            "sub must be matched with StringEquals, not " + Expr.text(sub.get("test")));
                    List<String> subs = values(role, sub);
                    check.require(!subs.isEmpty(), file, where, "condition[sub].values", "no sub value");
                    for (String value : subs) {
                        check.require(value.startsWith("repo:${var.github_repository}:") && !value.contains("*"), file, where,
                                "condition[sub].values", "\"" + value + "\" is not an exact sub of this repository (repo:<owner>/<repo>:...)");
                    }
                }
            }
            Module module = role.document().module();
            check.require(module.validations("github_repository").stream().anyMatch(IamRules::acceptsOnlyOwnerSlashName),
                    module.variable("github_repository").map(TfBlock::file).orElse(file), "var.github_repository", "validation",
                    "the repository name must be validated as owner/name (no wildcard can slip into sub)");
        }
    }

    /** Whether a validation condition's regex accepts owner/name and rejects wildcards and anything else. */
    static boolean acceptsOnlyOwnerSlashName(String condition) {
        java.util.regex.Matcher m = Pattern.compile("regex\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(condition);
        if (!m.find()) {
            return false;
        }
        try {
            Pattern regex = Pattern.compile(m.group(1).replace("\\\\", "\\"));
            return regex.matcher("owner/repo").find() && !regex.matcher("owner/*").find() && !regex.matcher("*").find()
                    && !regex.matcher("owner/repo:ref:refs/heads/*").find() && !regex.matcher("other/x/y").find();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean assumableOnlyFromEnvironments(TerraformConfig tf, Module module, String roleName) {
        for (OidcRole role : oidcRoles(tf)) {
            if (role.role().module() == module && role.role().name().equals(roleName)) {
                for (IamPolicies.Statement statement : IamPolicies.statements(role.document())) {
                    for (JsonNode condition : statement.conditions()) {
                        if (variable(role, condition).equals(OIDC_HOST + ":sub")) {
                            List<String> subs = values(role, condition);
                            return !subs.isEmpty() && subs.stream().allMatch(s -> s.matches("repo:\\$\\{var\\.github_repository}:environment:.+"));
                        }
                    }
                }
            }
        }
        return false;
    }

    static void deployRolesOnlyFromEnvironments(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module oidc = tf.module("modules/github-oidc");
        for (String roleName : List.of("terraform_apply", "app_deploy")) {
            Optional<TfBlock> role = oidc.resource("aws_iam_role", roleName);
            if (check.require(role.isPresent(), "terraform/modules/github-oidc", "aws_iam_role." + roleName, "", "the deploy role is missing")) {
                check.inspected(role.get().address());
                check.require(assumableOnlyFromEnvironments(tf, oidc, roleName), role.get().file(), role.get().address(), "assume_role_policy",
                        "the trust policy must allow only sub repo:<repo>:environment:<env> (a protected GitHub environment)");
            }
        }
    }

    static void ciRolesNoWildcardActions(PolicyInputs in, Check check) {
        Module oidc = in.terraform().module("modules/github-oidc");
        for (TfBlock document : oidc.data("aws_iam_policy_document")) {
            wildcardActions(document, check);
        }
    }

    static void ciRolesOnlyReadOnlyManagedPolicy(PolicyInputs in, Check check) {
        Module oidc = in.terraform().module("modules/github-oidc");
        for (TfBlock attachment : oidc.resources("aws_iam_role_policy_attachment")) {
            check.inspected(attachment.address());
            String arn = attachment.module().string(attachment.attr("policy_arn"));
            check.require(arn.endsWith(":iam::aws:policy/ReadOnlyAccess"), attachment.file(), attachment.address(), "policy_arn",
                    arn + " is attached to a CI/CD role; only ReadOnlyAccess is");
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }
}
