package org.faithbot.verification.security;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgements of the OWASP probes: the SSRF canary hears a connection, 429s and response classes are judged as promised. */
class OwaspProbesTest {

    private static final Map<String, String> ALL_HEADERS = Map.of("x-request-id", "r", "x-served-by", "s1", "x-app-version", "2.0.0",
            "x-content-type-options", "nosniff", "content-security-policy", "default-src 'self'", "strict-transport-security", "max-age=1",
            "referrer-policy", "no-referrer", "x-frame-options", "DENY");

    @Test
    void theCanaryRecordsEveryConnectionWithItsFirstLine() throws Exception {
        try (SsrfCanary canary = SsrfCanary.open()) {
            assertThat(canary.hits()).isEmpty();
            URI url = URI.create(canary.url("body"));
            try (Socket socket = new Socket(url.getHost(), url.getPort()); OutputStream out = socket.getOutputStream()) {
                out.write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                long deadline = System.currentTimeMillis() + 5_000;
                while (canary.hits().isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            }
            assertThat(canary.hits()).containsExactly("GET /ssrf/body HTTP/1.1");
        }
    }

    @Test
    void aRefusalOfTheFloodLacksWhatItDoesNotCarry() {
        Map<String, String> complete = Map.of("content-type", "application/problem+json", "retry-after", "3", "ratelimit-limit", "600",
                "ratelimit-remaining", "0");
        assertThat(RateLimitFlood.lacks(new RawHttpClient.Answer(429, complete, "{\"status\":429,\"detail\":\"Too many requests\"}"))).isEmpty();
        assertThat(RateLimitFlood.lacks(new RawHttpClient.Answer(429, Map.of("content-type", "text/plain"), "slow down")))
                .contains("a problem with its reason", "a Retry-After of whole seconds", "RateLimit-Limit and RateLimit-Remaining: 0");
    }

    @Test
    void theFloodMayPassABurstAndTheRefillPerInstanceAndNoMore() {
        RateLimitFlood flood = new RateLimitFlood(2500, Map.of(200, 1230, 429, 1270), List.of(), 600, Duration.ofSeconds(2));
        assertThat(flood.allowedThrough(2)).isEqualTo(2 * (600 + 10 * 3.0));
        assertThat(flood.other()).isZero();
    }

    @Test
    void everyClassOfAnswerIsJudgedOnItsHeadersAndARefusalOnItsProblem() {
        List<ResponseClasses.Probe> probes = ResponseClasses.probes("Authorization: Bearer t", "\"etag\"");
        ResponseClasses.Probe chat = probes.stream().filter(p -> p.name().contains("chat (500)")).findFirst().orElseThrow();
        ResponseClasses.Probe readiness = probes.stream().filter(p -> p.name().contains("readiness")).findFirst().orElseThrow();
        assertThat(ResponseClasses.lacks(chat, new RawHttpClient.Answer(500, withType("application/problem+json"),
                "{\"status\":500,\"detail\":\"failed\"}"))).isEmpty();
        assertThat(ResponseClasses.lacks(chat, new RawHttpClient.Answer(500, Map.of(), "java.lang.IllegalStateException\n\tat x")))
                .contains("the header x-request-id", "a body free of stack traces and class names", "a problem with its reason");
        assertThat(ResponseClasses.lacks(readiness, new RawHttpClient.Answer(503, withType("application/json"), "{\"status\":\"OUT_OF_SERVICE\"}")))
                .as("the actuator's probe answers its own JSON").isEmpty();
        assertThat(probes.stream().map(ResponseClasses.Probe::expectedClass).distinct().sorted().toList()).containsExactly(2, 3, 4, 5);
    }

    private static Map<String, String> withType(String type) {
        Map<String, String> headers = new java.util.HashMap<>(ALL_HEADERS);
        headers.put("content-type", type);
        return headers;
    }
}
