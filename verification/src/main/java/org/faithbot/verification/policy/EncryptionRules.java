package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Criterion NFR-SEC-2, all data encrypted at rest and in transit: one rule over every Terraform
 * resource that stores data (DynamoDB tables, S3 buckets, CloudWatch log groups, SNS topics, ECR
 * repositories, Secrets Manager secrets, backup vaults) and every one that carries it to or from
 * the outside (load-balancer listeners, CloudFront distributions, S3 bucket access, SNS
 * subscriptions). Its evidence counts the resources checked, so the coverage is "N of N".
 *
 * <p>Not in its scope, and said so in the spec: the hop from the load balancer to the tasks inside
 * the private subnets (plain HTTP in the VPC) and the AWS APIs the service calls (always HTTPS).
 */
final class EncryptionRules {

    static final String CRITERION = "NFR-SEC-2";

    /** The attribute that names a store's key, by resource type (a block path for the nested ones). */
    private static final Map<String, String> KEY_ATTRIBUTE = Map.of(
            "aws_cloudwatch_log_group", "kms_key_id",
            "aws_sns_topic", "kms_master_key_id",
            "aws_secretsmanager_secret", "kms_key_id",
            "aws_backup_vault", "kms_key_arn");

    private static final Set<String> S3_ALGORITHMS = Set.of("aws:kms", "aws:kms:dsse", "AES256");

    private EncryptionRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(new PolicyRule("every-store-and-channel-encrypted", CRITERION,
                "every store of data is encrypted at rest with a key (DynamoDB, S3, CloudWatch Logs, SNS, ECR, Secrets Manager, backup vaults) "
                        + "and every channel to the outside is TLS only (listeners, CloudFront, bucket access, subscriptions)",
                EncryptionRules::everyStoreAndChannelEncrypted));
    }

    static void everyStoreAndChannelEncrypted(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        KEY_ATTRIBUTE.forEach((type, attribute) -> tf.resources(type).forEach(store -> {
            check.inspected(store.address());
            check.require(store.attr(attribute) != null, store.file(), store.address(), attribute, "stored without a KMS key of the account");
        }));
        tf.resources("aws_dynamodb_table").forEach(table -> dynamoDbTable(table, check));
        tf.resources("aws_ecr_repository").forEach(repository -> ecrRepository(repository, check));
        tf.resources("aws_s3_bucket").forEach(bucket -> s3Bucket(bucket, check));
        tf.resources("aws_sns_topic_subscription").forEach(subscription -> {
            check.inspected(subscription.address());
            check.require(!subscription.text("protocol").equals("http"), subscription.file(), subscription.address(), "protocol",
                    "notifications delivered over plain HTTP");
        });
        PlatformRules.albHttpsListener(in, check);
        PlatformRules.albHttpRedirects(in, check);
        PlatformRules.cdnHttpsOnly(in, check);
    }

    private static void dynamoDbTable(TfBlock table, Check check) {
        check.inspected(table.address());
        JsonNode encryption = PlatformRules.first(table.blocks("server_side_encryption"));
        check.require(encryption != null && Expr.isLiteralTrue(encryption.get("enabled")) && encryption.has("kms_key_arn"), table.file(),
                table.address(), "server_side_encryption", "the table is not encrypted with a customer managed key (enabled = true, kms_key_arn)");
    }

    private static void ecrRepository(TfBlock repository, Check check) {
        check.inspected(repository.address());
        JsonNode encryption = PlatformRules.first(repository.blocks("encryption_configuration"));
        check.require(encryption != null && Expr.text(encryption.get("encryption_type")).equals("KMS") && encryption.has("kms_key"),
                repository.file(), repository.address(), "encryption_configuration", "images are not encrypted with a KMS key");
    }

    private static void s3Bucket(TfBlock bucket, Check check) {
        check.inspected(bucket.address());
        Optional<TfBlock> encryption = PlatformRules.forBucket(bucket.module(), "aws_s3_bucket_server_side_encryption_configuration", bucket.address());
        String algorithm = encryption.map(e -> PlatformRules.first(e.blocks("rule")))
                .map(rule -> PlatformRules.first(TfBlock.blocks(rule, "apply_server_side_encryption_by_default")))
                .map(byDefault -> Expr.text(byDefault.get("sse_algorithm"))).orElse("");
        check.require(S3_ALGORITHMS.contains(algorithm), bucket.file(), "aws_s3_bucket_server_side_encryption_configuration for " + bucket.address(),
                "rule.apply_server_side_encryption_by_default.sse_algorithm", "no default encryption ('" + algorithm + "')");
        PlatformRules.requireTlsOnly(bucket, check);
    }
}
