package org.faithbot.chatbot.support;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the API tests: the whole service on a random port, backed by the shared dynalite, with
 * MockMvc and the port for real HTTP. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "chatbot.instance-id=test-instance", "logging.structured.format.console=" })
@AutoConfigureMockMvc
@ExtendWith(DynaliteExtension.class)
public abstract class ApiTest {

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dynamoDbAndTokens(DynamicPropertyRegistry registry) {
        registry.add("chatbot.dynamodb.endpoint", () -> Dynalite.shared().endpoint().toString());
        registry.add("chatbot.dynamodb.table-prefix", () -> Dynalite.TABLE_PREFIX);
        registry.add("chatbot.security.jwt.hmac-secret", () -> TestTokens.SECRET_BASE64);
        registry.add("chatbot.security.jwt.issuer", () -> TestTokens.ISSUER);
    }
}
