package org.faithbot.chatbot.system.aws;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AWS services other than DynamoDB ({@code chatbot.aws.*}): today Secrets Manager.
 *
 * @param region the AWS region
 * @param endpoint endpoint override for a local AWS emulator (moto); empty for AWS
 * @param accessKeyId static access key id (with an endpoint, dummy credentials are used when unset)
 * @param secretAccessKey static secret access key
 */
@ConfigurationProperties("chatbot.aws")
public record AwsProperties(@DefaultValue("us-east-1") String region, @Nullable URI endpoint,
        @Nullable String accessKeyId, @Nullable String secretAccessKey) {

    public boolean hasEndpoint() {
        return this.endpoint != null && !this.endpoint.toString().isBlank();
    }
}
