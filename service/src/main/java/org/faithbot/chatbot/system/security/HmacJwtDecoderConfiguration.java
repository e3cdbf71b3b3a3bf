package org.faithbot.chatbot.system.security;

import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Accepts HS256 tokens signed with {@code chatbot.security.jwt.hmac-secret} and issued by
 * {@code chatbot.security.jwt.issuer}. Only active when no issuer-uri / jwk-set-uri of Spring
 * Boot's resource server is set: then Boot's own decoder (real identity provider) is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${chatbot.security.jwt.hmac-secret:}' != '' "
        + "and '${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == '' "
        + "and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
class HmacJwtDecoderConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    static final int MAX_SUBJECT_LENGTH = 256;

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey(properties.hmacSecret()))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB,
                        sub -> sub != null && !sub.isBlank() && sub.length() <= MAX_SUBJECT_LENGTH)));
        return decoder;
    }

    static SecretKeySpec secretKey(String base64Secret) {
        byte[] secret = decodeBase64(base64Secret.strip());
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("chatbot.security.jwt.hmac-secret must decode to at least "
                    + MIN_SECRET_BYTES + " bytes, got " + secret.length);
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
                throw new IllegalStateException("chatbot.security.jwt.hmac-secret must be base64", ex);
            }
        }
    }
}
