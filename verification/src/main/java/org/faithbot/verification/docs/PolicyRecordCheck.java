package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privacy policy's record of processing (the fenced YAML block of docs/legal/privacy-policy.md) against the system:
 * every table of tables.json holding personal data is listed with the retention the service configures for it
 * ({@code chatbot.retention.*} of application.yaml; "account" for a table without a TTL attribute, kept until the account
 * is deleted); every log's retention equals its Terraform variable; every AWS service the Terraform uses to hold or carry
 * members' data is a listed processor, and so is Bedrock; the policy version is the one consent is recorded against.
 */
public final class PolicyRecordCheck {

    public static final Path POLICY = Path.of("docs/legal/privacy-policy.md");
    static final Path TABLES = Path.of("service/src/main/resources/dynamodb/tables.json");
    static final Path SERVICE_CONFIG = Path.of("service/src/main/resources/application.yaml");
    static final Path PUBLISHED_POLICY = Path.of("service/src/main/resources/documents/privacy-policy.md");

    /** Which retention setting sets each table's expiresAt (the service's code: ChatService, PrayerService, ...). */
    static final Map<String, String> RETENTION_SETTING = Map.of(
            "messages", "messages", "conversations", "messages",
            "prayers", "prayers", "prayer-responses", "prayers", "prayer-flags", "prayers",
            "escalations", "escalations", "idempotency-keys", "idempotency-keys", "privacy-audit", "privacy-audit");

    /** Terraform resource-type prefixes of services that hold or carry members' data, and the name the policy gives them. */
    static final Map<String, String> PROCESSOR_SERVICES = Map.of(
            "aws_dynamodb_", "DynamoDB", "aws_ecs_", "ECS", "aws_lb", "Load Balancing", "aws_cloudfront_", "CloudFront",
            "aws_wafv2_", "WAF", "aws_s3_", "S3", "aws_cloudwatch_", "CloudWatch", "aws_secretsmanager_", "Secrets Manager",
            "aws_kms_", "KMS", "aws_backup_", "Backup");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One retention compared: the table or log, what the policy states, what the system does. */
    public record Comparison(String subject, String policy, String system) {
        public boolean matches() {
            return policy.equals(system);
        }
    }

    public record Result(List<Comparison> retentions, int processorsRequired, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private PolicyRecordCheck() {
    }

    public static Result check(Path root) {
        return check(root, MarkdownDocument.read(root.resolve(POLICY)).yamlBlock());
    }

    public static Result check(Path root, JsonNode record) {
        List<String> problems = new ArrayList<>();
        List<Comparison> retentions = new ArrayList<>();
        Map<String, String> stated = new LinkedHashMap<>();
        record.path("data").forEach(row -> stated.put(row.path("table").asText(), row.path("retention").asText()));
        JsonNode retention = yaml(root.resolve(SERVICE_CONFIG)).path("chatbot").path("retention");
        for (JsonNode table : yaml(root.resolve(TABLES)).path("tables")) {
            String name = table.path("name").asText();
            if (!table.path("holdsPersonalData").asBoolean() && !stated.containsKey(name)) {
                continue;
            }
            String system = systemRetention(name, table, retention);
            String policy = stated.get(name);
            if (policy == null) {
                problems.add("table " + name + " holds personal data but the privacy policy does not list it");
                continue;
            }
            Comparison comparison = new Comparison("table " + name, normalise(policy), system);
            retentions.add(comparison);
            if (!comparison.matches()) {
                problems.add("table " + name + ": the privacy policy states a retention of " + policy + ", the system keeps it " + system);
            }
        }
        for (JsonNode log : record.path("logs")) {
            String variable = log.path("terraform").asText();
            String system = terraformDays(root, variable);
            Comparison comparison = new Comparison("log " + variable, normalise(log.path("retention").asText()), system);
            retentions.add(comparison);
            if (!comparison.matches()) {
                problems.add("log " + log.path("what").asText() + ": the privacy policy states " + log.path("retention").asText()
                        + ", the Terraform (" + variable + ") keeps it " + system);
            }
        }
        List<String> required = requiredProcessors(root);
        String listed = record.path("processors").toString();
        for (String service : required) {
            if (!listed.contains(service)) {
                problems.add("processor " + service + " is used by the system but not listed in the privacy policy");
            }
        }
        String published = publishedVersion(root);
        if (!published.equals(record.path("policyVersion").asText())) {
            problems.add("the record's policyVersion " + record.path("policyVersion").asText() + " is not the version consent is recorded against ("
                    + published + ", " + PUBLISHED_POLICY + ")");
        }
        return new Result(retentions, required.size(), problems);
    }

    private static String systemRetention(String table, JsonNode definition, JsonNode retention) {
        boolean ttl = !definition.path("ttlAttribute").isNull() && !definition.path("ttlAttribute").isMissingNode();
        if (!ttl) {
            return "account";
        }
        String setting = RETENTION_SETTING.get(table);
        if (setting == null || retention.path(setting).isMissingNode()) {
            return "a TTL with no retention setting known to this check";
        }
        return normalise(retention.path(setting).asText());
    }

    /** A period as written in the policy or the configuration ("365d", "24h", "P1D") in one form: whole days or hours. */
    static String normalise(String period) {
        Matcher m = Pattern.compile("(\\d+)\\s*([dhm])").matcher(period.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return period.trim();
        }
        Duration d = switch (m.group(2)) {
            case "d" -> Duration.ofDays(Long.parseLong(m.group(1)));
            case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
            default -> Duration.ofMinutes(Long.parseLong(m.group(1)));
        };
        return d.toHours() % 24 == 0 && !d.isZero() ? d.toDays() + "d" : d.toHours() + "h";
    }

    /** The default of a module's variable ("alb/access_log_retention_days"), in days. */
    static String terraformDays(Path root, String moduleVariable) {
        String[] parts = moduleVariable.split("/");
        if (parts.length != 2) {
            return "no Terraform variable named";
        }
        Path variables = root.resolve("terraform/modules").resolve(parts[0]).resolve("variables.tf");
        Matcher m = Pattern.compile("variable \"" + Pattern.quote(parts[1]) + "\"\\s*\\{[^}]*?default\\s*=\\s*(\\d+)", Pattern.DOTALL)
                .matcher(read(variables));
        return m.find() ? m.group(1) + "d" : "no default of " + moduleVariable;
    }

    static List<String> requiredProcessors(Path root) {
        String terraform = terraformText(root);
        List<String> required = new ArrayList<>();
        PROCESSOR_SERVICES.forEach((prefix, service) -> {
            if (terraform.contains("resource \"" + prefix)) {
                required.add(service);
            }
        });
        if (read(root.resolve(SERVICE_CONFIG)).contains("bedrock")) {
            required.add("Bedrock");
        }
        required.sort(null);
        return required;
    }

    private static String terraformText(Path root) {
        try (var files = Files.walk(root.resolve("terraform"))) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".tf")).forEach(f -> all.append(read(f)));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String publishedVersion(Path root) {
        Matcher m = Pattern.compile("(?m)^version:\\s*(\\S+)").matcher(read(root.resolve(PUBLISHED_POLICY)));
        return m.find() ? m.group(1) : "none";
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
