package org.faithbot.verification.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request being made and mutated by the fuzzer, part by part: method, path, query parameters (as sent, encoded or
 * not), header lines, body and protocol version. Header values and the request line are ISO-8859-1 text: a char up to
 * U+00FF is one byte on the wire, so odd bytes (control bytes, UTF-8 sequences of an emoji) are written as such.
 * Carriage returns and line feeds are never in them: the framing of the request (its header lines, Host and
 * Content-Length, set by the client) stays the client's, so every request is one request to the service.
 */
final class RequestDraft {

    /** A query parameter as sent: its name and value (null: a bare name), neither decoded. */
    record QueryParameter(String name, String value) {
        String raw() {
            return value == null ? name : name + "=" + value;
        }
    }

    /** A header line: its name and value. */
    record Header(String name, String value) {
    }

    String method;
    String path;
    final List<QueryParameter> query = new ArrayList<>();
    final List<Header> headers = new ArrayList<>();
    byte[] body;
    String version = "HTTP/1.1";

    RequestDraft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    void header(String name, String value) {
        headers.add(new Header(name, value));
    }

    void replaceHeader(String name, String value) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new Header(name, value));
        }
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }

    void body(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
    }

    HostileRequest toRequest(String name, String marker) {
        StringBuilder head = new StringBuilder(oneLine(method)).append(' ').append(oneLine(path));
        if (!query.isEmpty()) {
            head.append('?').append(oneLine(String.join("&", query.stream().map(QueryParameter::raw).toList())));
        }
        head.append(' ').append(oneLine(version));
        headers.forEach(h -> head.append("\r\n").append(oneLine(h.name())).append(": ").append(oneLine(h.value())));
        return new HostileRequest(name, head.toString(), null, body, marker);
    }

    /** The text without a CR or LF (a space instead) and without chars beyond one byte ('?' instead). */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\r' || c == '\n' ? ' ' : c > 0xFF ? '?' : c);
        }
        return out.toString();
    }
}
