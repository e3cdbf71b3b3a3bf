package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one role of a module may do, read from the identity policies attached to it (their documents and the
 * documents they merge through source_policy_documents) and its managed policies: whether it allows a call, that is
 * an Allow statement lists the action on a resource of the call's kind (under a kms:ViaService condition naming the
 * service the call goes through, when it has one) and no unconditional Deny statement covers it.
 * Statements of dynamic blocks count as present; conditions other than kms:ViaService are not evaluated (the
 * statement counts as allowing, and the answer says so).
 */
final class RolePermissions {

    private static final String VIA_SERVICE = "kms:ViaService";

    private final Module module;
    private final String role;
    private final List<IamPolicies.Statement> statements;
    private final boolean readOnlyAccess;

    private RolePermissions(Module module, String role, List<IamPolicies.Statement> statements, boolean readOnlyAccess) {
        this.module = module;
        this.role = role;
        this.statements = statements;
        this.readOnlyAccess = readOnlyAccess;
    }

    /** The role aws_iam_role.NAME of the module, if the module defines it. */
    static Optional<RolePermissions> of(Module module, String roleName) {
        if (module.resource("aws_iam_role", roleName).isEmpty()) {
            return Optional.empty();
        }
        Set<String> documents = new LinkedHashSet<>();
        for (IamPolicies.Usage usage : IamPolicies.usages(module)) {
            if (usage.use() == IamPolicies.Use.IDENTITY && usage.documentName() != null
                    && IamPolicies.attachedRole(usage.resource()).filter(roleName::equals).isPresent()) {
                collect(module, usage.documentName(), documents, 0);
            }
        }
        List<IamPolicies.Statement> statements = new ArrayList<>();
        for (String name : documents) {
            module.data("aws_iam_policy_document", name).ifPresent(d -> statements.addAll(IamPolicies.statements(d)));
        }
        boolean readOnly = module.resources("aws_iam_role_policy_attachment").stream()
                .filter(a -> Expr.refersTo(a.text("role"), "aws_iam_role." + roleName))
                .anyMatch(a -> module.string(a.attr("policy_arn")).endsWith("policy/ReadOnlyAccess"));
        return Optional.of(new RolePermissions(module, roleName, List.copyOf(statements), readOnly));
    }

    private static void collect(Module module, String document, Set<String> into, int depth) {
        if (depth > 5 || !into.add(document)) {
            return;
        }
        module.data("aws_iam_policy_document", document).ifPresent(d -> {
            for (String source : Expr.texts(d.attr("source_policy_documents"))) {
                Matcher m = IamPolicies.DOCUMENT_REF.matcher(source);
                while (m.find()) {
                    collect(module, m.group(1), into, depth + 1);
                }
            }
        });
    }

    String role() {
        return role;
    }

    Module module() {
        return module;
    }

    List<IamPolicies.Statement> statements() {
        return statements;
    }

    /** Why the role cannot make the call, or empty when it can. */
    Optional<String> refusal(HarnessAwsCalls.Call call, List<String> references) {
        for (IamPolicies.Statement statement : statements) {
            if (!statement.allows() && denies(statement, call, references)) {
                return Optional.of("denied by " + statement.where());
            }
        }
        boolean allowed = statements.stream().anyMatch(s -> s.allows() && allows(s, call, references))
                || readOnlyAccess && call.via().isEmpty() && IamPolicies.isMetadataRead(call.action());
        return allowed ? Optional.empty() : Optional.of("no Allow statement of aws_iam_role." + role + " grants it");
    }

    static boolean allows(IamPolicies.Statement statement, HarnessAwsCalls.Call call, List<String> references) {
        if (Expr.texts(statement.actions()).stream().noneMatch(a -> actionMatches(a, call.action()))) {
            return false;
        }
        if (Expr.texts(statement.resources()).stream().noneMatch(r -> covers(r, references))) {
            return false;
        }
        Optional<JsonNode> via = statement.conditions().stream().filter(c -> Expr.text(c.get("variable")).equals(VIA_SERVICE)).findFirst();
        if (via.isEmpty()) {
            return true;
        }
        return !call.via().isEmpty() && Expr.texts(via.get().get("values")).stream().anyMatch(v -> v.startsWith(call.via() + "."));
    }

    private static boolean denies(IamPolicies.Statement statement, HarnessAwsCalls.Call call, List<String> references) {
        if (!statement.conditions().isEmpty() || Expr.texts(statement.actions()).stream().noneMatch(a -> actionMatches(a, call.action()))) {
            return false;
        }
        JsonNode notResources = statement.body().get("not_resources");
        if (notResources != null) {
            return Expr.texts(notResources).stream().noneMatch(r -> covers(r, references));
        }
        return Expr.texts(statement.resources()).stream().anyMatch(r -> r.equals("*") || covers(r, references));
    }

    /** Whether a statement's resource (as written) is one of the kind's: "*" is every resource; otherwise it names one of the kind's references. */
    static boolean covers(String resource, List<String> references) {
        if (resource.equals("*")) {
            return true;
        }
        return references.stream().anyMatch(ref -> !ref.equals("*") && resource.contains(ref));
    }

    /** An IAM action pattern (with * and ?) against an action, case-insensitively as IAM compares them. */
    static boolean actionMatches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }
}
