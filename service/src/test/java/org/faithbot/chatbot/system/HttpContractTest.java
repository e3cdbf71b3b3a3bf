package org.faithbot.chatbot.system;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract over real HTTP (Tomcat, the error page, the servlet filters), as the harness sees it. */
class HttpContractTest extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aMissingTokenIsA401ProblemWithWwwAuthenticateAndTheInstanceHeaders() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/chat"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"hi\"}")));
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] body = ("{\"message\": \"" + "a".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/chat"))
            .header("Content-Type", "application/json")
            .header("Authorization", TestTokens.bearer(TestTokens.user(TestTokens.newUserId())))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertProblem(response, 413);
    }

    @Test
    void aBodyWithADeclaredLengthOverTheLimitIsA413Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/chat"))
            .header("Content-Type", "application/json")
            .header("Authorization", TestTokens.bearer(TestTokens.user(TestTokens.newUserId())))
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"" + "a".repeat(20_000) + "\"}")));
        assertProblem(response, 413);
    }

    @Test
    void aUrlTheFirewallRejectsIsA400Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/me%2Fexport"))
            .header("Authorization", TestTokens.bearer(TestTokens.user(TestTokens.newUserId())))
            .GET());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aUriTomcatCannotDecodeIsA400Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                .write("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/problem+json")
                .contains("X-Served-By: test-instance")
                .contains("\"status\":400")
                .doesNotContain("<html", "Exception");
        }
    }

    @Test
    void theErrorPathItselfAnswersWithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/error")).GET());
        assertProblem(response, 404);
    }

    @Test
    void aValidChatOverHttpCarriesTheInstanceHeaders() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/chat"))
            .header("Content-Type", "application/json")
            .header("Authorization", TestTokens.bearer(TestTokens.user(TestTokens.newUserId())))
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"I need hope\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("test-instance");
        assertThat(response.headers().firstValue("X-App-Version")).isPresent();
        assertThat(response.body()).contains("\"topic\":\"hope\"");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("test-instance");
        assertThat(response.headers().firstValue("X-App-Version")).isPresent();
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\":");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
    }
}
