package org.faithbot.verification.target;

import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.settings.Settings;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Base64;

/**
 * The staging environment in AWS. Its settings come from system properties or the environment
 * (in GitHub Actions, credentials come from OIDC through the default AWS credential chain):
 * <ul>
 *   <li>{@code staging.base-url} / {@code STAGING_BASE_URL}: the ALB or CloudFront URL</li>
 *   <li>{@code staging.region} / {@code AWS_REGION}</li>
 *   <li>{@code staging.table-prefix} / {@code STAGING_TABLE_PREFIX} (default {@code chatbot-staging-}, as Terraform names the tables)</li>
 *   <li>{@code staging.jwt-secret-id} / {@code STAGING_JWT_SECRET_ID}: the Secrets Manager secret holding the token signing key</li>
 *   <li>{@code staging.jwt-issuer} / {@code STAGING_JWT_ISSUER} (default {@code chatbot-staging}, the JWT_ISSUER Terraform gives the service)</li>
 * </ul>
 */
public final class StagingTarget implements Target {

    private final String baseUrl;
    private final String tablePrefix;
    private final DynamoDbClient dynamoDb;
    private final TokenIssuer tokens;
    private final TableDefinitions tables;

    private StagingTarget(String baseUrl, String tablePrefix, DynamoDbClient dynamoDb, TokenIssuer tokens, TableDefinitions tables) {
        this.baseUrl = baseUrl;
        this.tablePrefix = tablePrefix;
        this.dynamoDb = dynamoDb;
        this.tokens = tokens;
        this.tables = tables;
    }

    public static StagingTarget fromConfiguration() {
        String baseUrl = Settings.setting("staging.base-url", "STAGING_BASE_URL", null);
        if (baseUrl == null) {
            throw new IllegalStateException("-Dtarget=staging needs -Dstaging.base-url=https://... (or STAGING_BASE_URL)");
        }
        Region region = Region.of(Settings.stagingRegion());
        String secretId = Settings.setting("staging.jwt-secret-id", "STAGING_JWT_SECRET_ID", "chatbot-staging/jwt-signing-key");
        String issuer = Settings.setting("staging.jwt-issuer", "STAGING_JWT_ISSUER", "chatbot-staging");
        byte[] key;
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(region).build()) {
            key = Base64.getDecoder().decode(secrets.getSecretValue(r -> r.secretId(secretId)).secretString().trim());
        }
        return new StagingTarget(baseUrl.replaceAll("/+$", ""),
                Settings.setting("staging.table-prefix", "STAGING_TABLE_PREFIX", "chatbot-staging-"),
                DynamoDbClient.builder().region(region).build(),
                new TokenIssuer(key, issuer),
                TableDefinitions.read(Targets.projectRoot().resolve("service/src/main/resources/dynamodb/tables.json")));
    }

    @Override
    public String name() {
        return "staging";
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
