package org.faithbot.chatbot.support;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the tests of the fault switches the drills use: one application context with the
 * {@code chaos-monkey} profile, a bad release (label, every chat failing, readiness never up) and a
 * tight per-user rate limit (5 requests a minute).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "chatbot.instance-id=drill-instance", "logging.structured.format.console=",
                "chatbot.release.label=canary-7", "chatbot.release.fault.chat-failure-ratio=1.0",
                "chatbot.release.fault.readiness-down=true", "chatbot.rate-limit.requests-per-minute=5" })
@ActiveProfiles("chaos-monkey")
@AutoConfigureMockMvc
@ExtendWith(DynaliteExtension.class)
public abstract class FaultDrillTest {

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void dynamoDbAndTokens(DynamicPropertyRegistry registry) {
        registry.add("chatbot.dynamodb.endpoint", () -> Dynalite.shared().endpoint().toString());
        registry.add("chatbot.dynamodb.table-prefix", () -> Dynalite.TABLE_PREFIX);
        registry.add("chatbot.security.jwt.hmac-secret", () -> TestTokens.SECRET_BASE64);
        registry.add("chatbot.security.jwt.issuer", () -> TestTokens.ISSUER);
    }
}
