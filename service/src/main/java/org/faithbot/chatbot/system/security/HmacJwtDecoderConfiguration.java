package org.faithbot.chatbot.system.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.faithbot.chatbot.system.aws.AwsClients;
import org.faithbot.chatbot.system.aws.AwsProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Accepts HS256 tokens issued by {@code chatbot.security.jwt.issuer} for the audience
 * {@code chatbot.security.jwt.audience} and signed with any of the
 * {@link SigningKeys}: the static {@code chatbot.security.jwt.hmac-secret} and/or the key in the
 * Secrets Manager secret {@code chatbot.security.jwt.secret-id}. Only active when no issuer-uri /
 * jwk-set-uri of Spring Boot's resource server is set: then Boot's own decoder (a real identity
 * provider) is used. Verified tokens are remembered ({@link CachingJwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("('${chatbot.security.jwt.hmac-secret:}' != '' or '${chatbot.security.jwt.secret-id:}' != '') "
        + "and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == '' "
        + "and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
class HmacJwtDecoderConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    static final int MAX_SUBJECT_LENGTH = 256;

    /** Verified tokens remembered at once (a few kB each). */
    static final long REMEMBERED_TOKENS = 10_000;

    /** How long a verified token is remembered at most (less when it expires sooner). */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    @Bean
    SigningKeys signingKeys(JwtProperties properties, AwsProperties aws, Clock clock) {
        List<SigningKeys> sources = new ArrayList<>();
        if (properties.hasHmacSecret()) {
            List<SecretKey> staticKey = List.of(secretKey(properties.hmacSecret()));
            sources.add(() -> staticKey);
        }
        if (properties.hasSecretId()) {
            sources.add(new SecretsManagerSigningKeys(AwsClients.secretsManager(aws), properties.secretId().strip(),
                    properties.secretRefreshInterval(), clock));
        }
        return () -> sources.stream().flatMap(source -> source.current().stream()).toList();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, SigningKeys signingKeys) {
        return decoder(signingKeys, properties.issuer(), properties.audience());
    }

    static JwtDecoder decoder(SigningKeys signingKeys, String issuer, String audience) {
        JWKSource<SecurityContext> keys = new SigningKeySource(signingKeys);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // claims are validated by the OAuth2TokenValidator below, with Spring Security's messages
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB,
                        sub -> sub != null && !sub.isBlank() && sub.length() <= MAX_SUBJECT_LENGTH)));
        // the validators' clock is the system's; the cache judges expiry by the same one
        return new CachingJwtDecoder(decoder, signingKeys, Clock.systemUTC(), REMEMBERED_TOKENS, REMEMBERED_FOR);
    }

    /** The signing keys as a JWK set, rebuilt only when the keys change (a rotation). */
    static final class SigningKeySource implements JWKSource<SecurityContext> {

        private final SigningKeys signingKeys;

        private volatile List<SecretKey> keys = List.of();

        private volatile JWKSet jwkSet = new JWKSet();

        SigningKeySource(SigningKeys signingKeys) {
            this.signingKeys = signingKeys;
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) {
            List<SecretKey> current = this.signingKeys.current();
            if (!current.equals(this.keys)) {
                this.jwkSet = new JWKSet(current.stream().<JWK>map(key -> new OctetSequenceKey.Builder(key).build()).toList());
                this.keys = current;
            }
            return selector.select(this.jwkSet);
        }
    }

    static SecretKeySpec secretKey(String base64Secret) {
        byte[] secret = decodeBase64(base64Secret.strip());
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("the token signing key must decode to at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.length);
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Standard base64, or its URL-safe variant. */
    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalStateException("the token signing key must be base64", ex);
            }
        }
    }
}
