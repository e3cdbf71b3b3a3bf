package org.faithbot.chatbot.system.dynamodb;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the service reaches DynamoDB ({@code chatbot.dynamodb.*}).
 *
 * @param endpoint endpoint override (local DynamoDB such as dynalite); empty means the AWS default
 * @param region AWS region
 * @param tablePrefix prefix of every physical table name (physical name = prefix + logical name)
 * @param accessKeyId static access key id; when empty the AWS default credentials chain is used,
 * or dummy static credentials when an endpoint is set
 * @param secretAccessKey static secret access key, with {@code accessKeyId}
 * @param apiCallTimeout time limit of one SDK call, retries included
 * @param apiCallAttemptTimeout time limit of one attempt: the HTTP client's socket timeout (no response byte for this long)
 * @param connectionTimeout time limit to open a connection
 * @param maxConnections size of the HTTP connection pool
 * @param healthCheckTimeout time limit of each DescribeTable of the health check
 * @param healthCheckCache how long a health check's result is reused (the probes come more often)
 * @param healthRecentSuccess a call answered this recently shows the data store reachable without a check
 */
@ConfigurationProperties("chatbot.dynamodb")
public record DynamoDbProperties(@Nullable URI endpoint, @DefaultValue("us-east-1") String region,
        @DefaultValue("") String tablePrefix, @Nullable String accessKeyId, @Nullable String secretAccessKey,
        @DefaultValue("2s") Duration apiCallTimeout, @DefaultValue("1s") Duration apiCallAttemptTimeout,
        @DefaultValue("1s") Duration connectionTimeout, @DefaultValue("200") int maxConnections,
        @DefaultValue("1s") Duration healthCheckTimeout, @DefaultValue("1s") Duration healthCheckCache,
        @DefaultValue("3s") Duration healthRecentSuccess) {

    public boolean hasEndpoint() {
        return this.endpoint != null && !this.endpoint.toString().isBlank();
    }

    public boolean hasStaticCredentials() {
        return this.accessKeyId != null && !this.accessKeyId.isBlank() && this.secretAccessKey != null
                && !this.secretAccessKey.isBlank();
    }
}
