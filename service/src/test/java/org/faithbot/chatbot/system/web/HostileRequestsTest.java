package org.faithbot.chatbot.system.web;

import java.nio.charset.StandardCharsets;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a hostile or broken client sends, byte for byte over a socket: each is answered 4xx with a problem body and
 * every header the service promises on every response (the instance's, the request id, the security headers), never a
 * 500; and nothing the caller sent reaches a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest extends ApiTest {

    private String bearer() {
        return "Authorization: " + TestTokens.bearer(TestTokens.user(TestTokens.newUserId()));
    }

    private static void assertProblemWithHeaders(RawHttp.Answer answer, String what) {
        assertThat(answer.status()).as(what + ": status (body %s)", answer.body()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(what + ": content type").startsWith("application/problem+json");
        assertThat(answer.body()).as(what + ": problem body").contains("\"status\":" + answer.status()).contains("\"title\"")
                .doesNotContain("Exception", "\tat ", "org.springframework", "org.apache");
        assertPromisedHeaders(answer, what);
    }

    static void assertPromisedHeaders(RawHttp.Answer answer, String what) {
        assertThat(answer.headers()).as(what + ": headers").containsKeys("x-request-id", "x-served-by", "x-app-version",
                "x-content-type-options", "content-security-policy", "strict-transport-security", "referrer-policy", "x-frame-options");
    }

    @Test
    void multipartWithoutABoundaryIsA4xxProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/chat HTTP/1.1\r\n" + bearer() + "\r\nContent-Type: multipart/form-data",
                "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        assertProblemWithHeaders(answer, "multipart without a boundary");
    }

    @Test
    void headerValuesWithBytesAbove0x7fAreA4xxProblemOrIgnored() throws Exception {
        byte[] prayingHands = "\uD83D\uDE4F".getBytes(StandardCharsets.UTF_8); // F0 9F 99 8F
        RawHttp.Answer idempotency = RawHttp.send(port, "POST /api/v1/chat HTTP/1.1\r\n" + bearer()
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: key-", prayingHands, "{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        assertProblemWithHeaders(idempotency, "an emoji in Idempotency-Key");

        RawHttp.Answer encoding = RawHttp.send(port, "GET / HTTP/1.1\r\nAccept-Encoding: gzip", new byte[] {(byte) 0x85}, null);
        assertThat(encoding.status()).as("Accept-Encoding: gzip\\x85 on the page").isLessThan(500);
        assertPromisedHeaders(encoding, "Accept-Encoding: gzip\\x85");
        if (encoding.status() >= 400) {
            assertProblemWithHeaders(encoding, "Accept-Encoding: gzip\\x85");
        }

        RawHttp.Answer gpc = RawHttp.send(port, "GET /api/v1/conversations HTTP/1.1\r\n" + bearer() + "\r\nSec-GPC: ", prayingHands, null);
        assertThat(gpc.status()).as("an emoji in Sec-GPC").isLessThan(500);
        assertPromisedHeaders(gpc, "an emoji in Sec-GPC");
    }

    @Test
    void aWildcardContentTypeIsA415Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/conversations HTTP/1.1\r\n" + bearer() + "\r\nContent-Type: */*",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertProblemWithHeaders(answer, "Content-Type: */*");
    }

    @Test
    void invalidUtf8InAPercentEncodingIsA400Problem() throws Exception {
        assertProblemWithHeaders(RawHttp.send(port, "GET /api/v1/conversations?cursor=%ED%A0%80 HTTP/1.1\r\n" + bearer(), null),
                "a lone surrogate in a cursor");
        assertProblemWithHeaders(RawHttp.send(port, "GET /actuator/info?x=%ED%A0%80 HTTP/1.1", null), "a lone surrogate on info");
    }

    @Test
    void aPathStartingWithTwoSlashesIsA4xxProblem() throws Exception {
        assertProblemWithHeaders(RawHttp.send(port, "GET //api/v1/conversations HTTP/1.1\r\n" + bearer(), null), "//api/v1/conversations");
        assertProblemWithHeaders(RawHttp.send(port, "GET //evil.example/x HTTP/1.1", null), "//evil.example/x");
    }

    @Test
    void aMalformedQueryStringIsA400Problem() throws Exception {
        assertProblemWithHeaders(RawHttp.send(port, "GET /api/v1/conversations?&&&=&%%&limit&=x&%ZZ=1 HTTP/1.1\r\n" + bearer(), null),
                "a malformed query on a listing");
        assertProblemWithHeaders(RawHttp.send(port, "GET /actuator/health?&&&=&%%&limit&=x&%ZZ=1 HTTP/1.1", null),
                "a malformed query on health");
    }

    @Test
    void anEmptyAcceptOnPrometheusIsNoServerError() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET /actuator/prometheus HTTP/1.1\r\nAccept: ", null);
        assertThat(answer.status()).as("empty Accept on prometheus (body %s)", answer.body()).isLessThan(500);
        assertPromisedHeaders(answer, "empty Accept on prometheus");
    }

    @Test
    void aFormBodyWithLineBreaksIsA4xxProblemAndNeverLogged(CapturedOutput output) throws Exception {
        String words = "I-feel-hopeless-" + TestTokens.newUserId();
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/conversations HTTP/1.1\r\n" + bearer()
                + "\r\nContent-Type: application/x-www-form-urlencoded", ("title=" + words + "%0D%0Aline\r\nnext=" + words).getBytes(StandardCharsets.UTF_8));
        assertProblemWithHeaders(answer, "a form body with CR/LF");
        assertThat(output.getAll()).as("the log").doesNotContain(words);
    }

    @Test
    void anAcceptWithControlBytesIsA400WithAProblemBody() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/conversations HTTP/1.1\r\n" + bearer() + "\r\nAccept: application/json",
                new byte[] {0x01, 0x02}, null);
        assertProblemWithHeaders(answer, "Accept with control bytes");
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithTheHeaders() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/chat HTTP/1.1\r\n" + bearer() + "\r\nContent-Type: application/json",
                ("{\"message\":\"" + "x".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(413);
        assertProblemWithHeaders(answer, "a body over the limit");
    }

    @Test
    void aMethodTheServiceDoesNotAnswerIsA405AndNeverLoggedAsSent(CapturedOutput output) throws Exception {
        String method = "PRAYFOR" + TestTokens.newUserId().replaceAll("[^A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
        RawHttp.Answer answer = RawHttp.send(port, method + " /api/v1/conversations HTTP/1.1\r\n" + bearer(), null);
        assertThat(answer.status()).isEqualTo(405);
        assertProblemWithHeaders(answer, "an unknown method");
        assertThat(output.getAll()).as("the log").doesNotContain(method);
        assertProblemWithHeaders(RawHttp.send(port, "GET // HTTP/1.1", null), "the path //");
    }

    @Test
    void aTraceIsA405ProblemWithTheHeaders() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "TRACE /api/v1/conversations HTTP/1.1", null);
        assertProblemWithHeaders(answer, "TRACE");
    }
}
