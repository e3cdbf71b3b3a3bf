package org.faithbot.chatbot.system.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.faithbot.chatbot.support.SecretsManagerStub;
import org.faithbot.chatbot.system.aws.AwsClients;
import org.faithbot.chatbot.system.aws.AwsProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token signing key read from Secrets Manager (a stub of its API), across a key rotation. */
class SecretsManagerSigningKeysTest {

    private static final String SECRET_ID = "faithbot-staging/jwt-signing-key";

    private static final byte[] FIRST_KEY = "first-signing-key-of-the-faithbot-service!".getBytes(StandardCharsets.UTF_8);

    private static final byte[] SECOND_KEY = "second-signing-key-after-the-rotation!!!!!".getBytes(StandardCharsets.UTF_8);

    private static WireMockServer secretsManager;

    private SecretsManagerClient client;

    @BeforeAll
    static void startStub() {
        secretsManager = new WireMockServer(wireMockConfig().dynamicPort());
        secretsManager.start();
    }

    @AfterAll
    static void stopStub() {
        secretsManager.stop();
    }

    @BeforeEach
    void firstKeyOnly() {
        secretsManager.resetAll();
        SecretsManagerStub.secret(secretsManager, SECRET_ID, "AWSCURRENT", base64(FIRST_KEY));
        SecretsManagerStub.noVersion(secretsManager, SECRET_ID, "AWSPREVIOUS");
        this.client = AwsClients.secretsManager(
                new AwsProperties("us-east-1", URI.create(secretsManager.baseUrl()), null, null));
    }

    @Test
    void verifiesTokensSignedWithTheSecretsKeyAndRefusesOthers() throws Exception {
        JwtDecoder decoder = HmacJwtDecoderConfiguration.decoder(keys(Duration.ofMinutes(5)), "staging-issuer", "faithbot-chatbot");
        assertThat(decoder.decode(token(FIRST_KEY, "staging-issuer")).getSubject()).isEqualTo("user-1");
        assertThatThrownBy(() -> decoder.decode(token(SECOND_KEY, "staging-issuer"))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(FIRST_KEY, "someone-else"))).hasMessageContaining("iss");
    }

    @Test
    void afterARotationBothTheNewAndThePreviousKeyVerify() throws Exception {
        SecretsManagerSigningKeys keys = keys(Duration.ZERO);
        JwtDecoder decoder = HmacJwtDecoderConfiguration.decoder(keys, "staging-issuer", "faithbot-chatbot");
        String before = token(FIRST_KEY, "staging-issuer");
        assertThat(decoder.decode(before).getSubject()).isEqualTo("user-1");

        SecretsManagerStub.secret(secretsManager, SECRET_ID, "AWSCURRENT", base64(SECOND_KEY));
        SecretsManagerStub.secret(secretsManager, SECRET_ID, "AWSPREVIOUS", base64(FIRST_KEY));
        keys.refresh();

        assertThat(keys.current()).hasSize(2);
        assertThat(decoder.decode(token(SECOND_KEY, "staging-issuer")).getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(before).getSubject()).isEqualTo("user-1");
    }

    @Test
    void aTokenOfARetiredKeyIsRefusedEvenAfterItWasAccepted() throws Exception {
        SecretsManagerSigningKeys keys = keys(Duration.ZERO);
        JwtDecoder decoder = HmacJwtDecoderConfiguration.decoder(keys, "staging-issuer", "faithbot-chatbot");
        String before = token(FIRST_KEY, "staging-issuer");
        assertThat(decoder.decode(before).getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(before).getSubject()).isEqualTo("user-1");

        SecretsManagerStub.secret(secretsManager, SECRET_ID, "AWSCURRENT", base64(SECOND_KEY));
        keys.refresh();

        assertThat(keys.current()).hasSize(1);
        assertThatThrownBy(() -> decoder.decode(before)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void keepsTheLastKeysWhenARefreshFails() {
        SecretsManagerSigningKeys keys = keys(Duration.ZERO);
        secretsManager.resetAll();
        keys.refresh();
        assertThat(keys.current()).hasSize(1);
    }

    private SecretsManagerSigningKeys keys(Duration refresh) {
        return new SecretsManagerSigningKeys(this.client, SECRET_ID, refresh, Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private static String token(byte[] key, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("user-1")
            .issuer(issuer)
            .audience("faithbot-chatbot")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
