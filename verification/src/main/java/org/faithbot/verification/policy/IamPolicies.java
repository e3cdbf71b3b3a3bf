package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM policy documents of the configuration ({@code data "aws_iam_policy_document"}), their
 * statements, and what each document is used as: an identity policy of a role, a trust policy, a
 * key policy or another resource policy.
 */
final class IamPolicies {

    static final Pattern DOCUMENT_REF = Pattern.compile("data\\.aws_iam_policy_document\\.([A-Za-z0-9_-]+)(?:\\[\"?([^\"\\]]*)\"?])?\\.json");

    /** Attributes that hold a policy document, by resource type, and what the document is there. */
    static final Map<String, Map<String, Use>> POLICY_ATTRIBUTES = Map.ofEntries(
            Map.entry("aws_iam_role_policy", Map.of("policy", Use.IDENTITY)),
            Map.entry("aws_iam_policy", Map.of("policy", Use.IDENTITY)),
            Map.entry("aws_iam_user_policy", Map.of("policy", Use.IDENTITY)),
            Map.entry("aws_iam_group_policy", Map.of("policy", Use.IDENTITY)),
            Map.entry("aws_iam_role", Map.of("assume_role_policy", Use.TRUST)),
            Map.entry("aws_kms_key", Map.of("policy", Use.KEY)),
            Map.entry("aws_kms_key_policy", Map.of("policy", Use.KEY)),
            Map.entry("aws_s3_bucket_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_sns_topic_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_sqs_queue_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_secretsmanager_secret_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_ecr_repository_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_backup_vault_policy", Map.of("policy", Use.RESOURCE)),
            Map.entry("aws_cloudwatch_log_resource_policy", Map.of("policy_document", Use.RESOURCE)),
            Map.entry("aws_lambda_permission", Map.of()));

    enum Use { IDENTITY, TRUST, KEY, RESOURCE }

    /** One statement of a document, with where it is written. */
    record Statement(TfBlock document, int index, JsonNode body) {

        String sid() {
            return Expr.text(body.get("sid"));
        }

        String effect() {
            String effect = Expr.text(body.get("effect"));
            return effect.isEmpty() ? "Allow" : effect;
        }

        boolean allows() {
            return effect().equals("Allow");
        }

        JsonNode actions() {
            return body.get("actions");
        }

        JsonNode resources() {
            return body.get("resources");
        }

        List<JsonNode> conditions() {
            return TfBlock.blocks(body, "condition");
        }

        List<JsonNode> principals() {
            return TfBlock.blocks(body, "principals");
        }

        /** data.aws_iam_policy_document.task › statement "ChatbotTables" */
        String where() {
            return document.address() + " › statement " + (sid().isEmpty() ? "#" + (index + 1) : "\"" + sid() + "\"");
        }
    }

    /** One use of a document by a resource. */
    record Usage(TfBlock resource, String attribute, Use use, String documentName, String key) {
    }

    private IamPolicies() {
    }

    static List<Statement> statements(TfBlock document) {
        List<Statement> out = new ArrayList<>();
        List<JsonNode> bodies = document.blocks("statement");
        for (int i = 0; i < bodies.size(); i++) {
            out.add(new Statement(document, i, bodies.get(i)));
        }
        return out;
    }

    /** Every policy-valued attribute of the module's resources, with the document it references (if it does). */
    static List<Usage> usages(Module module) {
        List<Usage> out = new ArrayList<>();
        for (TfBlock resource : module.resources()) {
            Map<String, Use> attributes = POLICY_ATTRIBUTES.getOrDefault(resource.type(), Map.of());
            attributes.forEach((attribute, use) -> {
                JsonNode value = resource.attr(attribute);
                if (value != null) {
                    out.add(usage(resource, attribute, use, value));
                }
            });
            if (resource.type().equals("aws_iam_role")) {
                for (JsonNode inline : resource.blocks("inline_policy")) {
                    if (inline.has("policy")) {
                        out.add(usage(resource, "inline_policy.policy", Use.IDENTITY, inline.get("policy")));
                    }
                }
            }
        }
        return out;
    }

    private static Usage usage(TfBlock resource, String attribute, Use use, JsonNode value) {
        Matcher m = DOCUMENT_REF.matcher(Expr.text(value));
        boolean whole = Expr.expression(value).map(e -> DOCUMENT_REF.matcher(e).matches()).orElse(false);
        if (whole && m.find()) {
            return new Usage(resource, attribute, use, m.group(1), m.group(2));
        }
        return new Usage(resource, attribute, use, null, null);
    }

    /** The uses of each document of the module, documents that are only sources of others inheriting their users' uses. */
    static Map<String, List<Usage>> usesByDocument(Module module) {
        Map<String, List<Usage>> byDocument = new LinkedHashMap<>();
        for (Usage usage : usages(module)) {
            if (usage.documentName() != null) {
                byDocument.computeIfAbsent(usage.documentName(), k -> new ArrayList<>()).add(usage);
            }
        }
        for (int round = 0; round < 4; round++) {
            for (TfBlock document : module.data("aws_iam_policy_document")) {
                List<Usage> users = byDocument.getOrDefault(document.name(), List.of());
                for (String source : Expr.texts(document.attr("source_policy_documents"))) {
                    Matcher m = DOCUMENT_REF.matcher(source);
                    if (m.find()) {
                        List<Usage> inherited = byDocument.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                        users.stream().filter(u -> !inherited.contains(u)).forEach(inherited::add);
                    }
                }
            }
        }
        return byDocument;
    }

    /** The role an identity-policy resource is attached to (aws_iam_role.NAME), if it names one. */
    static Optional<String> attachedRole(TfBlock policyResource) {
        Matcher m = Pattern.compile("aws_iam_role\\.([A-Za-z0-9_-]+)").matcher(policyResource.text("role"));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the action is one AWS reads metadata with (Describe*, List*, Get* other than data reads). */
    static boolean isMetadataRead(String action) {
        String verb = action.contains(":") ? action.substring(action.indexOf(':') + 1) : action;
        if (DATA_READS.contains(action)) {
            return false;
        }
        return verb.startsWith("Describe") || verb.startsWith("List") || verb.startsWith("Get");
    }

    /** Reads of data (user data, secret values, objects): never acceptable on every resource. */
    static final List<String> DATA_READS = List.of(
            "s3:GetObject", "s3:GetObjectVersion", "secretsmanager:GetSecretValue", "ssm:GetParameter",
            "ssm:GetParameters", "ssm:GetParametersByPath", "dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:GetRecords", "kms:GetParametersForImport", "logs:GetLogEvents", "sqs:ReceiveMessage");

    /** Write actions that AWS authorizes without a resource ARN ("*" is the only resource they accept). */
    static final List<String> UNSCOPABLE_ACTIONS = List.of(
            "ecr:GetAuthorizationToken", "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:UpdateLogDelivery",
            "logs:PutResourcePolicy", "logs:DeleteResourcePolicy", "ssm:CancelCommand", "ssm:DeleteActivation", "cloudwatch:PutMetricData",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "sts:GetCallerIdentity");
}
