package org.faithbot.verification.security;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a loopback service, so that a request arrives byte for byte as written (header
 * bytes a client library refuses, malformed request lines and percent-encodings): one request a connection
 * ({@link #send}), or many in a row on a kept-alive one ({@link #connect}). Plain HTTP only: it speaks to the local
 * target's instances and balancer.
 */
public final class RawHttpClient {

    /** What came back: the status, the headers (names in lower case, repeated ones joined) and the body as UTF-8. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;

    public RawHttpClient(String baseUrl) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("raw requests go to a plain-HTTP loopback service, not " + baseUrl);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** Sends the request line and headers ({@code head}, CRLF-separated, no blank line) as ISO-8859-1, with raw bytes appended. */
    public Answer send(String head, byte[] rawHeaderBytes, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (rawHeaderBytes != null) {
                request.write(rawHeaderBytes);
            }
            request.write(("\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** A connection for many requests in a row (keep-alive), opened again when the service closed it. */
    public Connection connect() {
        return new Connection();
    }

    /**
     * Requests in a row on one connection: each answer is read to its end by its framing (Content-Length, chunked,
     * none for HEAD, 1xx, 204 and 304, else up to the close), and the connection is opened again after the service
     * closed it or said {@code Connection: close}. The framing headers (Host, Content-Length) are the client's.
     */
    public final class Connection implements AutoCloseable {

        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean reused;

        private Connection() {
        }

        /** Sends the request ({@code head} as in {@link #send}) and reads its answer. */
        public Answer send(String head, byte[] rawHeaderBytes, byte[] body) throws IOException {
            try {
                return exchange(head, rawHeaderBytes, body);
            } catch (IOException e) {
                if (!reused) {
                    throw e;
                }
                close(); // the service closed the kept-alive connection before this request: once more on a new one
                return exchange(head, rawHeaderBytes, body);
            }
        }

        private Answer exchange(String head, byte[] rawHeaderBytes, byte[] body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(15_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
                reused = false;
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
            request.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (rawHeaderBytes != null) {
                request.write(rawHeaderBytes);
            }
            request.write(("\r\nHost: " + host + ":" + port + "\r\n" + (body == null ? "" : "Content-Length: " + body.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // a service may answer before it has read the whole body (413) and close: its answer is still there to
                // read; when there is none either (a kept-alive connection closed before this request), reading fails too
            }
            boolean headRequest = head.startsWith("HEAD ");
            Answer answer;
            boolean closing;
            do {
                String[] lines = readHead(in).split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                Map<String, String> headers = headers(lines);
                closing = lines[0].startsWith("HTTP/1.0") || "close".equalsIgnoreCase(headers.get("connection"));
                byte[] content = readBody(in, status, headers, headRequest);
                answer = new Answer(status, headers, new String(content, StandardCharsets.UTF_8));
            } while (answer.status() >= 100 && answer.status() < 200);
            reused = true;
            if (closing) {
                close();
            }
            return answer;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a loopback socket: nothing left to do
                }
            }
            socket = null;
            reused = false;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed before a complete response head (" + head.size() + " bytes)");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static byte[] readBody(InputStream in, int status, Map<String, String> headers, boolean headRequest) throws IOException {
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            byte[] body = in.readNBytes(Integer.parseInt(length.trim()));
            if (body.length < Integer.parseInt(length.trim())) {
                throw new EOFException("the connection closed within the response body");
            }
            return body;
        }
        return in.readAllBytes();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed within a chunked body");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }

    static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response (" + raw.length + " bytes)");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = headers(lines);
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0 || lineEnd + 2 + size > chunked.length()) {
                break;
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
