package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * One way the fuzzer changes a valid request at the HTTP level: its method, path, query string, headers (odd bytes,
 * names, repeats, lengths, the token), content type and encoding, and its body (types, sizes, nesting, encodings).
 * Every text a mutation adds carries the run's marker where the service might keep it, except the request id, which
 * the service logs by design.
 */
enum Mutation {

    METHOD("another method") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            draft.method = pick(random, "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "M-SEARCH",
                    "FOO", draft.method.toLowerCase(), "G\u00c9T", "GET\u0001");
        }
    },
    PATH_SEGMENT("a path segment replaced") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            String[] segments = draft.path.split("/", -1);
            int at = 1 + random.nextInt(Math.max(1, segments.length - 1));
            if (at < segments.length) {
                segments[at] = pick(random, marker, "%00", "%2F" + marker, "%ZZ", "..", "%2e%2e", ";jsessionid=" + marker, "%C0%AF",
                        "%ED%A0%80", "\u00e9" + marker, "~" + marker, "a".repeat(3000), "%F0%9F%99%8F" + marker, "", "*", "{id}", "%7B" + marker
                                + "%7D", "\\", "%5C", "..;", "%u0041", " " + marker);
            }
            draft.path = String.join("/", segments);
        }
    },
    PATH_SHAPE("a path of another shape") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            draft.path = switch (random.nextInt(8)) {
                case 0 -> draft.path + "/";
                case 1 -> draft.path.toUpperCase();
                case 2 -> "/api/v2" + draft.path.substring(Math.min(7, draft.path.length()));
                case 3 -> "/api/v1/" + marker;
                case 4 -> "http://127.0.0.1" + draft.path;
                case 5 -> draft.path.substring(1);
                case 6 -> draft.path + "/" + marker + "/../..";
                default -> "/api/v1";
            };
        }
    },
    QUERY_VALUE("a query value of another type or encoding") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            String name = draft.query.isEmpty() ? pick(random, "limit", "cursor", "topic", "status") : draft.query.get(
                    random.nextInt(draft.query.size())).name();
            draft.query.removeIf(q -> q.name().equals(name));
            draft.query.add(new RequestDraft.QueryParameter(name, pick(random, "-1", "0", "201", "abc" + marker, "1e3",
                    "99999999999999999999", "", "1.5", marker, "%", "%Z1", "%ED%A0%80", "%00", "%C3%28", "%F0%9F%99%8F" + marker,
                    "\u00ff\u00fe" + marker, "a".repeat(2000), "OPEN%00", "open", "ACKNOWLEDGED,OPEN", "%2B1", "+" + marker,
                    "eyJ" + marker, "AAAA", "____", "x".repeat(200))));
        }
    },
    QUERY_SHAPE("a query string of another shape") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            switch (random.nextInt(6)) {
                case 0 -> draft.query.addAll(new ArrayList<>(draft.query.isEmpty()
                        ? List.of(new RequestDraft.QueryParameter("limit", "5")) : draft.query));
                case 1 -> draft.query.add(new RequestDraft.QueryParameter(marker, marker));
                case 2 -> draft.query.add(new RequestDraft.QueryParameter("", marker));
                case 3 -> draft.query.add(new RequestDraft.QueryParameter("limit", null));
                case 4 -> draft.query.add(new RequestDraft.QueryParameter("q", marker + "x".repeat(random.nextBoolean() ? 6000 : 9000)));
                default -> draft.query.add(new RequestDraft.QueryParameter("&&=&" + marker, "=="));
            }
        }
    },
    HEADER_BYTES("odd bytes in a header value") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            String name = draft.headers.isEmpty() || random.nextInt(3) == 0 ? pick(random, "Accept", "User-Agent", "X-Fuzz", "Accept-Language")
                    : draft.headers.get(random.nextInt(draft.headers.size())).name();
            String value = draft.headers.stream().filter(h -> h.name().equals(name)).map(RequestDraft.Header::value).findFirst().orElse(
                    "X-Request-Id".equals(name) ? "id" : marker);
            draft.replaceHeader(name, value + oddBytes(random));
        }
    },
    HEADER_NAME("an odd header name or a repeated header") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            switch (random.nextInt(5)) {
                case 0 -> draft.header(pick(random, "X Fuzz", "X-Fuzz\u00e9", "(x)", "X-\u0001", "X=Fuzz", "\u00f0\u009f\u0099\u008f"), marker);
                case 1 -> draft.header("", marker);
                case 2 -> draft.header("Content-Type", pick(random, "text/plain", "application/xml", "application/json"));
                case 3 -> draft.header("Authorization", "Bearer " + marker);
                default -> draft.header("Accept", pick(random, "text/markdown", "application/json", "image/png"));
            }
        }
    },
    HEADER_LENGTH("a long header") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            draft.header(pick(random, "X-Fuzz", "Accept", "Idempotency-Key", "Cookie"), marker + "y".repeat(pick(random, 1000, 4000, 9000, 20000)));
        }
    },
    AUTHORIZATION("another token") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            String token = draft.headers.stream().filter(h -> h.name().equals("Authorization")).map(RequestDraft.Header::value)
                    .map(v -> v.substring(Math.min(7, v.length()))).findFirst().orElse("e30.e30.sig");
            draft.replaceHeader("Authorization", pick(random, null, "Bearer", "Bearer ", "Bearer " + marker, "Basic " + marker,
                    "Bearer " + token.substring(0, token.length() / 2), "Bearer " + flip(token, random), "bearer " + token, "Bearer  " + token,
                    "Bearer " + token + oddBytes(random), "Bearer " + token + "." + marker, "Bearer e30.e30.", "Bearer eyJhbGciOiJub25lIn0.e30.",
                    "Bearer " + "A".repeat(5000), "Bearer " + token + ", Bearer " + token));
        }
    },
    NEGOTIATION("odd content negotiation") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            String name = pick(random, "Accept", "Accept-Encoding", "Accept-Language", "Accept-Charset", "If-None-Match", "If-Modified-Since",
                    "Range", "Sec-GPC", "Idempotency-Key", "X-Request-Id", "Origin", "Cookie", "X-Forwarded-For", "Forwarded");
            String value = pick(random, "", "*/*", "text/html", "application/xml", "garbage" + marker, "application/json;q=x", ";;;",
                    "a/b/c", "gzip;q=abc", "*;q=2", "\"" + marker + "\"", "W/\"x\"", "bytes=0-1,5-2", "1", "2", "yes", marker + "!",
                    "k".repeat(200), "Tue, 99 Foo 2026", "null", "127.0.0.1, " + marker, "for=\"[::1]\";by=" + marker);
            draft.replaceHeader(name, "X-Request-Id".equals(name) ? value.replace(marker, "id") : value);
        }
    },
    CONTENT_TYPE("another content type") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            draft.replaceHeader("Content-Type", pick(random, null, "text/plain", "application/xml", "*/*", "application/*",
                    "multipart/form-data", "multipart/form-data; boundary=" + marker, "application/x-www-form-urlencoded",
                    "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/json; charset=bogus" + marker,
                    "application/json;;", "json", "", "application/merge-patch+json", "application/problem+json", "text/json",
                    "application/json; boundary=\"x", "APPLICATION/JSON", "application/json\u00e9"));
        }
    },
    CONTENT_ENCODING("a content encoding the body does not have, or has") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            if (random.nextBoolean() && draft.body != null) {
                draft.body = gzip(draft.body);
                draft.replaceHeader("Content-Encoding", "gzip");
            } else {
                draft.replaceHeader("Content-Encoding", pick(random, "gzip", "deflate", "br", "identity", marker, "gzip, gzip"));
            }
        }
    },
    BODY_TYPES("a body value of another type") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            JsonNode json = json(draft);
            if (json instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(marker, NODES.textNode(marker));
                    default -> object.set(name, otherType(random, marker));
                }
                draft.body(json.toString());
            } else {
                draft.body(otherType(random, marker).toString());
            }
        }
    },
    BODY_SHAPE("a body of another shape") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            int depth = pick(random, 10, 100, 999, 1001, 5000);
            String valid = draft.body == null ? "{\"text\":\"" + marker + "\"}" : new String(draft.body, StandardCharsets.UTF_8);
            draft.body(switch (random.nextInt(8)) {
                case 0 -> "[".repeat(depth) + "\"" + marker + "\"" + "]".repeat(depth);
                case 1 -> "{\"a\":".repeat(depth) + "\"" + marker + "\"" + "}".repeat(depth);
                case 2 -> valid.replaceFirst("\"" + "([^\"]*" + marker + ")", "\"" + "x".repeat(pick(random, 1000, 15000, 20000)) + "$1");
                case 3 -> valid.replaceFirst("\\{", "{\"n\":" + pick(random, "1e999", "123456789012345678901234567890", "-0", "NaN",
                        "0x10", "1_000", "Infinity") + ",");
                case 4 -> valid.replaceFirst("\\{", "{\"" + marker + "\":1,\"" + marker + "\":2,");
                case 5 -> "[" + (valid + ",").repeat(pick(random, 10, 300)) + valid + "]";
                case 6 -> valid.replace(marker, marker + pick(random, "\\u0000", "\\ud800", "\\udfff\\ud800", "\\u202e", "\\uffff", "\\\\",
                        "\\x41", "\\"));
                default -> valid + pick(random, " {}", ",", "]", " //" + marker, "\u0000");
            });
        }
    },
    BODY_BYTES("body bytes of another encoding") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            byte[] valid = draft.body == null ? ("{\"message\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8) : draft.body;
            String text = new String(valid, StandardCharsets.UTF_8);
            draft.body = switch (random.nextInt(9)) {
                case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(Math.max(1, valid.length)));
                case 1 -> withBytes(valid, Math.max(0, text.indexOf(marker)), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED,
                        (byte) 0xA0, (byte) 0x80});
                case 2 -> text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
                case 3 -> text.getBytes(StandardCharsets.UTF_16);
                case 4 -> withBytes(valid, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                case 5 -> text.getBytes(StandardCharsets.ISO_8859_1);
                case 6 -> randomBytes(random, pick(random, 1, 64, 4096));
                case 7 -> new byte[0];
                default -> ("<message>" + marker + "</message>").getBytes(StandardCharsets.UTF_8);
            };
        }
    },
    BODY_PRESENCE("a body where none belongs, or none where one does") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            if (draft.body == null) {
                draft.body(SchemaSamples.sample(null, random, marker).toString());
                draft.replaceHeader("Content-Type", "application/json");
            } else {
                draft.body = null;
            }
        }
    },
    VERSION("another protocol version") {
        @Override
        void apply(RequestDraft draft, SplittableRandom random, String marker) {
            draft.version = pick(random, "HTTP/1.0", "HTTP/1.1 ", "http/1.1", "HTTP/1.1x", "HTTX/1.1");
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String description;

    Mutation(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    abstract void apply(RequestDraft draft, SplittableRandom random, String marker);

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Bytes a header value must not hold: C0 controls but CR and LF, DEL, C1 controls, Latin-1, an emoji's UTF-8. */
    static String oddBytes(SplittableRandom random) {
        StringBuilder bytes = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes.append((char) pick(random, 0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F).intValue());
                case 1 -> bytes.append('\u007f');
                case 2 -> bytes.append((char) (0x80 + random.nextInt(0x20)));
                case 3 -> bytes.append((char) (0xA0 + random.nextInt(0x60)));
                default -> bytes.append("\u00f0\u009f\u0099\u008f");
            }
        }
        return bytes.toString();
    }

    private static JsonNode otherType(SplittableRandom random, String marker) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.textNode(marker);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode().add(marker);
            case 5 -> NODES.objectNode().put(marker, 1);
            default -> NODES.numberNode(1.5);
        };
    }

    private static JsonNode json(RequestDraft draft) {
        if (draft.body == null) {
            return NODES.objectNode();
        }
        try {
            return JSON.readTree(draft.body);
        } catch (IOException e) {
            return NODES.objectNode();
        }
    }

    private static String flip(String token, SplittableRandom random) {
        if (token.isEmpty()) {
            return "x";
        }
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static byte[] withBytes(byte[] body, int at, byte[] inserted) {
        int position = Math.max(0, Math.min(at, body.length));
        byte[] out = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, out, 0, position);
        System.arraycopy(inserted, 0, out, position, inserted.length);
        System.arraycopy(body, position, out, position + inserted.length, body.length - position);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
