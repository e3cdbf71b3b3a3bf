package org.faithbot.verification.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on loopback whose address the SSRF spec hands the service inside every caller-controlled text: any
 * connection made to it means the service (or anything it calls) fetched a URL a caller chose. It records the first
 * line of what each connection sent (an HTTP request line, or nothing) and answers nothing. Bound to 127.0.0.1 on a
 * free port; closed by {@link #close()}, which stops its acceptor thread.
 */
public final class SsrfCanary implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> hits = new ArrayList<>();
    private final Thread acceptor;

    private SsrfCanary(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofPlatform().daemon().name("ssrf-canary-" + socket.getLocalPort()).start(this::accept);
    }

    public static SsrfCanary open() {
        try {
            return new SsrfCanary(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SSRF canary on loopback", e);
        }
    }

    /** host:port of the canary. */
    public String authority() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** A URL of the canary, its path naming where it was planted. */
    public String url(String tag) {
        return "http://" + authority() + "/ssrf/" + tag;
    }

    /** The connections made so far, each as the first line it sent. */
    public synchronized List<String> hits() {
        return List.copyOf(hits);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(1_000);
                String first;
                try {
                    first = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                } catch (IOException silent) {
                    first = null;
                }
                synchronized (this) {
                    hits.add(first == null ? "(a connection that sent nothing)" : first);
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                synchronized (this) {
                    hits.add("(a connection that failed: " + e.getMessage() + ")");
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(2_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
