package org.faithbot.chatbot.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The token signing key read from AWS Secrets Manager (the secret string is the base64 key): the
 * {@code AWSCURRENT} version and, when there is one, {@code AWSPREVIOUS}, so tokens signed just
 * before a rotation still verify. Read at startup (the service does not start without a key) and
 * again every refresh interval; when a refresh fails the keys read last stay in use.
 */
public class SecretsManagerSigningKeys implements SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretsManagerSigningKeys.class);

    private final SecretsManagerClient secrets;

    private final String secretId;

    private final Duration refreshInterval;

    private final Clock clock;

    private volatile List<SecretKey> keys;

    private volatile Instant readAt;

    public SecretsManagerSigningKeys(SecretsManagerClient secrets, String secretId, Duration refreshInterval,
            Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.keys = read();
        this.readAt = clock.instant();
    }

    @Override
    public List<SecretKey> current() {
        if (this.clock.instant().isAfter(this.readAt.plus(this.refreshInterval))) {
            refresh();
        }
        return this.keys;
    }

    /** Reads the secret again now; keeps the current keys when that fails. */
    public synchronized void refresh() {
        try {
            this.keys = read();
        }
        catch (SdkException | IllegalStateException ex) {
            log.warn("Could not refresh the token signing key from Secrets Manager ({}); keeping the current one",
                    ex.getClass().getSimpleName());
        }
        this.readAt = this.clock.instant();
    }

    private List<SecretKey> read() {
        List<SecretKey> read = new ArrayList<>();
        read.add(version("AWSCURRENT"));
        try {
            SecretKey previous = version("AWSPREVIOUS");
            if (!previous.equals(read.getFirst())) {
                read.add(previous);
            }
        }
        catch (ResourceNotFoundException noPreviousVersion) {
            // a secret that was never rotated has no previous version
        }
        return List.copyOf(read);
    }

    private SecretKey version(String stage) {
        String secret = this.secrets.getSecretValue(request -> request.secretId(this.secretId).versionStage(stage))
            .secretString();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the secret " + this.secretId + " has no string value");
        }
        return HmacJwtDecoderConfiguration.secretKey(secret);
    }
}
