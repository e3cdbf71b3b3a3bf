package org.faithbot.verification.target;

import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.settings.Settings;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * An environment in AWS: staging, or production (read-only: only scenarios that change nothing run there). Each
 * environment has settings of its own, from system properties or the environment (in GitHub Actions, credentials
 * come from OIDC through the default AWS credential chain), {@code <env>} being staging or production:
 * <ul>
 *   <li>{@code <env>.base-url} / {@code <ENV>_BASE_URL}: the ALB or CloudFront URL (required)</li>
 *   <li>{@code <env>.region} / {@code AWS_REGION} (default {@value Settings#DEFAULT_REGION}, where terraform/environments deploy)</li>
 *   <li>{@code <env>.table-prefix} / {@code <ENV>_TABLE_PREFIX} (default {@code chatbot-<env>-}, as Terraform names the tables)</li>
 *   <li>{@code <env>.jwt-secret-id} / {@code <ENV>_JWT_SECRET_ID}: the Secrets Manager secret holding the token signing key
 *       (default {@code chatbot-<env>/jwt-signing-key}, as terraform/modules/secrets names it)</li>
 *   <li>{@code <env>.jwt-issuer} / {@code <ENV>_JWT_ISSUER} (default {@code chatbot-<env>}, the JWT_ISSUER Terraform gives the service)</li>
 * </ul>
 * Creating the target reads the signing key: {@code secretsmanager:GetSecretValue} on that secret (and {@code kms:Decrypt}
 * through Secrets Manager), the calls policy/harness-aws-calls.yaml lists for every remote run.
 */
public final class AwsTarget implements Target {

    /** The environments in AWS a run can target. */
    public static final Set<String> ENVIRONMENTS = Set.of("staging", "production");

    private final String environment;
    private final String baseUrl;
    private final String tablePrefix;
    private final DynamoDbClient dynamoDb;
    private final TokenIssuer tokens;
    private final TableDefinitions tables;

    private AwsTarget(String environment, String baseUrl, String tablePrefix, DynamoDbClient dynamoDb, TokenIssuer tokens,
                      TableDefinitions tables) {
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.tablePrefix = tablePrefix;
        this.dynamoDb = dynamoDb;
        this.tokens = tokens;
        this.tables = tables;
    }

    /** The settings of one environment, as read from the run's properties and environment variables. */
    public record Configuration(String environment, String baseUrl, String region, String tablePrefix, String jwtSecretId,
                                String jwtIssuer) {

        public static Configuration of(String environment) {
            if (!ENVIRONMENTS.contains(environment)) {
                throw new IllegalArgumentException("unknown AWS environment '" + environment + "': use " + ENVIRONMENTS);
            }
            String upper = environment.toUpperCase(Locale.ROOT);
            String baseUrl = Settings.setting(environment + ".base-url", upper + "_BASE_URL", null);
            if (baseUrl == null) {
                throw new IllegalStateException("-Dtarget=" + environment + " needs -D" + environment + ".base-url=https://... (or "
                        + upper + "_BASE_URL)");
            }
            String name = "chatbot-" + environment;
            return new Configuration(environment, baseUrl.replaceAll("/+$", ""), Settings.region(environment),
                    Settings.setting(environment + ".table-prefix", upper + "_TABLE_PREFIX", name + "-"),
                    Settings.setting(environment + ".jwt-secret-id", upper + "_JWT_SECRET_ID", name + "/jwt-signing-key"),
                    Settings.setting(environment + ".jwt-issuer", upper + "_JWT_ISSUER", name));
        }
    }

    /** The environment's target: reads its token signing key from Secrets Manager. */
    public static AwsTarget fromConfiguration(String environment) {
        Configuration configuration = Configuration.of(environment);
        Region region = Region.of(configuration.region());
        byte[] key;
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(region).build()) {
            key = Base64.getDecoder().decode(secrets.getSecretValue(r -> r.secretId(configuration.jwtSecretId())).secretString().trim());
        }
        return new AwsTarget(environment, configuration.baseUrl(), configuration.tablePrefix(),
                DynamoDbClient.builder().region(region).build(),
                new TokenIssuer(key, configuration.jwtIssuer()),
                TableDefinitions.read(Targets.projectRoot().resolve("service/src/main/resources/dynamodb/tables.json")));
    }

    @Override
    public String name() {
        return environment;
    }

    @Override
    public boolean readOnly() {
        return "production".equals(environment);
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public String tablePrefix() {
        return tablePrefix;
    }

    @Override
    public TableDefinitions tables() {
        return tables;
    }

    @Override
    public TokenIssuer tokens() {
        return tokens;
    }
}
