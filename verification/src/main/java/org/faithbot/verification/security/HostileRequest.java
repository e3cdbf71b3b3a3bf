package org.faithbot.verification.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request a hostile or broken client sends, byte for byte: its request line and headers, raw bytes appended to the
 * last header, a body; and a marker, a text of its own in what it sends, that no log line may hold afterwards.
 */
public record HostileRequest(String name, String head, byte[] rawHeaderBytes, byte[] body, String marker) {

    private static final byte[] PRAYING_HANDS = "\uD83D\uDE4F".getBytes(StandardCharsets.UTF_8);

    /**
     * The catalogue: the causes of the 5xx found by hostile requests (issue 16), and the response classes the
     * container, the firewall and the application refuse (control bytes, TRACE, an oversized body).
     *
     * @param bearer an {@code Authorization: Bearer ...} header line of a test user
     * @param marker a text of the run's own, put in every body and query so that the log sweep can look for it
     */
    public static List<HostileRequest> catalogue(String bearer, String marker) {
        byte[] chat = ("{\"message\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
        return List.of(
                new HostileRequest("multipart without a boundary", "POST /api/v1/chat HTTP/1.1\r\n" + bearer
                        + "\r\nContent-Type: multipart/form-data", null, chat, marker),
                new HostileRequest("an emoji in Idempotency-Key", "POST /api/v1/chat HTTP/1.1\r\n" + bearer
                        + "\r\nContent-Type: application/json\r\nIdempotency-Key: k-", PRAYING_HANDS, chat, marker),
                new HostileRequest("an emoji in Sec-GPC", "GET /api/v1/conversations HTTP/1.1\r\n" + bearer + "\r\nSec-GPC: ", PRAYING_HANDS,
                        null, marker),
                new HostileRequest("Accept-Encoding: gzip\\x85 on the page", "GET / HTTP/1.1\r\nAccept-Encoding: gzip", new byte[] {(byte) 0x85},
                        null, marker),
                new HostileRequest("Content-Type: */*", "POST /api/v1/conversations HTTP/1.1\r\n" + bearer + "\r\nContent-Type: */*", null,
                        chat, marker),
                new HostileRequest("invalid UTF-8 in a cursor", "GET /api/v1/conversations?cursor=%ED%A0%80&m=" + marker + " HTTP/1.1\r\n"
                        + bearer, null, null, marker),
                new HostileRequest("invalid UTF-8 on info", "GET /actuator/info?x=%ED%A0%80&m=" + marker + " HTTP/1.1", null, null, marker),
                new HostileRequest("a path starting with //", "GET //api/v1/conversations HTTP/1.1\r\n" + bearer, null, null, marker),
                new HostileRequest("a malformed query string", "GET /api/v1/conversations?&&&=&%%&limit&=x&%ZZ=1&m=" + marker + " HTTP/1.1\r\n"
                        + bearer, null, null, marker),
                new HostileRequest("an empty Accept on prometheus", "GET /actuator/prometheus HTTP/1.1\r\nAccept: ", null, null, marker),
                new HostileRequest("a form body with CR and LF", "POST /api/v1/conversations HTTP/1.1\r\n" + bearer
                        + "\r\nContent-Type: application/x-www-form-urlencoded", null,
                        ("title=" + marker + "%0D%0Aforged-line\r\nnext=" + marker).getBytes(StandardCharsets.UTF_8), marker),
                new HostileRequest("control bytes in Accept", "GET /api/v1/conversations HTTP/1.1\r\n" + bearer + "\r\nAccept: application/json",
                        new byte[] {0x01, 0x02}, null, marker),
                new HostileRequest("TRACE", "TRACE /api/v1/conversations HTTP/1.1\r\n" + bearer, null, null, marker),
                new HostileRequest("a body over the limit", "POST /api/v1/chat HTTP/1.1\r\n" + bearer + "\r\nContent-Type: application/json", null,
                        ("{\"message\":\"" + marker + "x".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8), marker),
                new HostileRequest("JSON with a trailing token", "POST /api/v1/chat HTTP/1.1\r\n" + bearer + "\r\nContent-Type: application/json",
                        null, ("{\"message\":\"" + marker + "\"} {}").getBytes(StandardCharsets.UTF_8), marker));
    }
}
