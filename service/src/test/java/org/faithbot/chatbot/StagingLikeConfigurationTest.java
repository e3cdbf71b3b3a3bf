package org.faithbot.chatbot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.faithbot.chatbot.support.Dynalite;
import org.faithbot.chatbot.support.DynaliteExtension;
import org.faithbot.chatbot.support.SecretsManagerStub;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service configured as in staging: replies by Amazon Bedrock, the token signing key read from
 * Secrets Manager (no key on the command line). Both AWS APIs are stubbed by WireMock.
 */
@SpringBootTest(properties = { "chatbot.instance-id=staging-like", "logging.structured.format.console=",
        "chatbot.reply.generator=bedrock", "chatbot.reply.timeout=800ms",
        "chatbot.security.jwt.issuer=faithbot-staging",
        "chatbot.security.jwt.secret-id=faithbot-staging/jwt-signing-key",
        "chatbot.privacy.pseudonym-key=c3RhZ2luZy1saWtlLXBzZXVkb255bS1rZXktb2YtdGhlLXRlc3RzIQ==" })
@AutoConfigureMockMvc
@ExtendWith(DynaliteExtension.class)
class StagingLikeConfigurationTest {

    static final byte[] SIGNING_KEY = "the-staging-signing-key-from-secrets-manager".getBytes(StandardCharsets.UTF_8);

    static final WireMockServer AWS = new WireMockServer(wireMockConfig().dynamicPort());

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void awsStubs(DynamicPropertyRegistry registry) {
        if (!AWS.isRunning()) {
            AWS.start();
        }
        SecretsManagerStub.secret(AWS, "faithbot-staging/jwt-signing-key", "AWSCURRENT",
                Base64.getEncoder().encodeToString(SIGNING_KEY));
        SecretsManagerStub.noVersion(AWS, "faithbot-staging/jwt-signing-key", "AWSPREVIOUS");
        registry.add("chatbot.aws.endpoint", AWS::baseUrl);
        registry.add("chatbot.reply.bedrock.endpoint", AWS::baseUrl);
        registry.add("chatbot.dynamodb.endpoint", () -> Dynalite.shared().endpoint().toString());
        registry.add("chatbot.dynamodb.table-prefix", () -> Dynalite.TABLE_PREFIX);
    }

    @AfterAll
    static void stopStubs() {
        AWS.stop();
    }

    @BeforeEach
    void modelAnswers() {
        AWS.stubFor(post(urlPathMatching("/model/[^/]+/converse")).willReturn(okJson("""
                {"output":{"message":{"role":"assistant","content":[{"text":"Cast your cares on Him; 1 Peter 5:7 is for you today."}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"metrics":{"latencyMs":5}}
                """)));
    }

    @Test
    void aTokenSignedWithTheKeyFromSecretsManagerChatsAndBedrockWritesTheReply() throws Exception {
        this.mvc.perform(postJsonAs(token(SIGNING_KEY), "/api/v1/chat", "{\"message\": \"I am so anxious\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.reply.text").value("Cast your cares on Him; 1 Peter 5:7 is for you today."))
            .andExpect(jsonPath("$.reply.topic").value("anxiety"));
        assertThat(AWS.findAll(postRequestedFor(urlPathMatching("/model/.*/converse")))).isNotEmpty();
    }

    @Test
    void whenBedrockFailsTheChatStillAnswersFromTheLibrary() throws Exception {
        AWS.stubFor(post(urlPathMatching("/model/[^/]+/converse")).willReturn(serverError()));
        this.mvc.perform(postJsonAs(token(SIGNING_KEY), "/api/v1/chat", "{\"message\": \"I feel so alone\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.reply.topic").value("loneliness"))
            .andExpect(jsonPath("$.reply.scripture.reference").isNotEmpty());
    }

    @Test
    void aTokenSignedWithAnyOtherKeyIsRefused() throws Exception {
        this.mvc.perform(postJsonAs(token(TestTokens.SECRET), "/api/v1/chat", "{\"message\": \"hi\"}"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail").value(containsString("Invalid bearer token")));
    }

    private static String token(byte[] key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
            .subject(TestTokens.newUserId())
            .issuer("faithbot-staging")
            .audience("faithbot-chatbot")
            .claim("scope", "chat")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }
}
