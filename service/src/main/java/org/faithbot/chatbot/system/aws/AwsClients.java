package org.faithbot.chatbot.system.aws;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/** Builds AWS clients from {@link AwsProperties}: region, optional endpoint override, credentials. */
public final class AwsClients {

    private AwsClients() {
    }

    public static SecretsManagerClient secretsManager(AwsProperties properties) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
            .region(Region.of(properties.region()))
            .credentialsProvider(credentials(properties))
            .httpClientBuilder(ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5)))
            .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofSeconds(10)));
        if (properties.hasEndpoint()) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    static AwsCredentialsProvider credentials(AwsProperties properties) {
        if (properties.accessKeyId() != null && !properties.accessKeyId().isBlank()
                && properties.secretAccessKey() != null && !properties.secretAccessKey().isBlank()) {
            return StaticCredentialsProvider
                .create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
        }
        if (properties.hasEndpoint()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
