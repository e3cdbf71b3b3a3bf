package org.faithbot.verification.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.nio.file.Path;

/**
 * A local Secrets Manager for the security drill: moto's server on a loopback port, started by the
 * drill and stopped by its PID. What the drill measures against it is emulator evidence, never
 * staging's.
 */
public final class SecretsManagerEmulator implements AutoCloseable {

    public static final String REGION = "eu-central-1";

    private final LocalMoto moto;
    private final SecretsManagerClient client;

    private SecretsManagerEmulator(LocalMoto moto) {
        this.moto = moto;
        this.client = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    /** Starts moto's server for a drill writing its log under {@code runDirectory}; fails when moto is not installed. */
    public static SecretsManagerEmulator start(Path runDirectory) {
        return new SecretsManagerEmulator(LocalMoto.started("moto-secrets-" + ProcessHandle.current().pid(), runDirectory));
    }

    public URI endpoint() {
        return moto.endpoint();
    }

    public SecretsManagerClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        moto.stop();
    }
}
