package org.faithbot.verification.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The local alarm fires when more than its threshold of failures fall within its window, and not before. */
class AuthFailureAlarmTest {

    private final AtomicInteger failures = new AtomicInteger();
    private HttpServer server;

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = ("# TYPE security_authentication_failures_total counter\n"
                    + "security_authentication_failures_total{reason=\"signature\"} " + failures.get() + ".0\n"
                    + "security_authentication_failures_total{reason=\"missing\"} 2.0\n"
                    + "http_server_requests_seconds_count 900.0\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void failuresUpToTheThresholdDoNotFireAndOneMoreDoes() throws IOException {
        failures.set(100); // failures before the watch started are not the attack's
        try (AuthFailureAlarm alarm = AuthFailureAlarm.watch(serve(), 5)) {
            failures.addAndGet(5);
            assertThat(alarm.awaitFiring(Duration.ofMillis(2500))).as("exactly the threshold").isEmpty();
            failures.incrementAndGet();
            assertThat(alarm.awaitFiring(Duration.ofSeconds(5))).as("one more than the threshold").isPresent();
            assertThat(alarm.lastCount()).isEqualTo(108);
        }
    }
}
