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

    /** POST /api/v1/chat as the token's user; returns the answer's body. */
    protected String chatAs(String token, String message, String conversationId) throws Exception {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return this.mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/chat")
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body)))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    @DynamicPropertySource
    static void dynamoDbAndTokens(DynamicPropertyRegistry registry) {
        registry.add("chatbot.dynamodb.endpoint", () -> Dynalite.shared().endpoint().toString());
        registry.add("chatbot.dynamodb.table-prefix", () -> Dynalite.TABLE_PREFIX);
        registry.add("chatbot.security.jwt.hmac-secret", () -> TestTokens.SECRET_BASE64);
        registry.add("chatbot.security.jwt.issuer", () -> TestTokens.ISSUER);
    }
}
