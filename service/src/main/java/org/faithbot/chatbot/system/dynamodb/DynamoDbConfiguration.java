package org.faithbot.chatbot.system.dynamodb;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DynamoDB clients: the low-level client (Apache HTTP client, short timeouts) and an enhanced
 * client without extensions (no version or counter extension gets in the way of batch writes).
 * The service never creates tables: Terraform does in AWS, the harness does locally.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbConfiguration {

    /** Credentials used against a local endpoint when none are configured (dynalite accepts any). */
    static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    @Bean
    DynamoDbActivity dynamoDbActivity() {
        return new DynamoDbActivity();
    }

    @Bean
    DynamoDbClient dynamoDbClient(DynamoDbProperties properties, TableCatalog tableCatalog,
            MeterRegistry meterRegistry, DynamoDbActivity activity) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
            .region(Region.of(properties.region()))
            .credentialsProvider(credentials(properties))
            .httpClientBuilder(ApacheHttpClient.builder()
                .connectionTimeout(properties.connectionTimeout())
                .socketTimeout(properties.apiCallAttemptTimeout())
                .connectionAcquisitionTimeout(properties.apiCallTimeout())
                .maxConnections(properties.maxConnections()))
            // one attempt is bounded by the HTTP client's socket timeout, the call with its retries by
            // the SDK's call timeout; an SDK attempt timeout as well would put a second timer task on
            // the SDK's scheduler for every call: measured at a tenth of a chat turn's CPU
            .overrideConfiguration(override -> override.apiCallTimeout(properties.apiCallTimeout())
                .addExecutionInterceptor(new DynamoDbOperationMetrics(meterRegistry, tableCatalog))
                .addExecutionInterceptor(activity));
        if (properties.hasEndpoint()) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDbClient) {
        return DynamoDbEnhancedClient.builder()
            .dynamoDbClient(dynamoDbClient)
            .extensions(new DynamoDbEnhancedClientExtension[0])
            .build();
    }

    @Bean
    TableCatalog tableCatalog(DynamoDbProperties properties) {
        return TableCatalog.load(properties.tablePrefix());
    }

    @Bean
    DocumentTables documentTables(DynamoDbEnhancedClient dynamoDbEnhancedClient, TableCatalog tableCatalog) {
        return new DocumentTables(dynamoDbEnhancedClient, tableCatalog);
    }

    @Bean
    ExpiredItemReaper expiredItemReaper(DynamoDbClient dynamoDbClient, TableCatalog tableCatalog, Clock clock,
            MeterRegistry meterRegistry) {
        return new ExpiredItemReaper(dynamoDbClient, tableCatalog, clock, meterRegistry);
    }

    @Bean
    BatchWriter batchWriter(DynamoDbClient dynamoDbClient) {
        return new BatchWriter(dynamoDbClient);
    }

    @Bean
    BatchDeleter batchDeleter(DynamoDbEnhancedClient dynamoDbEnhancedClient) {
        return new BatchDeleter(dynamoDbEnhancedClient);
    }

    @Bean
    UserPartitions userPartitions(DynamoDbClient dynamoDbClient, DocumentTables documentTables,
            BatchDeleter batchDeleter, ExpiredItemReaper expiredItemReaper) {
        return new UserPartitions(dynamoDbClient, documentTables, batchDeleter, expiredItemReaper);
    }

    @Bean
    UserKeyedTables userKeyedTables(TableCatalog tableCatalog, List<UserKeyedTable> owners) {
        return new UserKeyedTables(tableCatalog, owners);
    }

    private static AwsCredentialsProvider credentials(DynamoDbProperties properties) {
        if (properties.hasStaticCredentials()) {
            return StaticCredentialsProvider
                .create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
        }
        if (properties.hasEndpoint()) {
            return StaticCredentialsProvider.create(LOCAL_CREDENTIALS);
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
