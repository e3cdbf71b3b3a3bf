package org.faithbot.verification.chaos;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelStubTest {

    private static HttpResponse<String> converse(ModelStub stub) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stub.endpoint() + "/model/amazon.nova-lite-v1%3A0/converse"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheConverseApiHealthySlowOrDown() throws Exception {
        try (ModelStub stub = ModelStub.start()) {
            HttpResponse<String> healthy = converse(stub);
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"stopReason\":\"end_turn\"").contains("\"text\":");

            stub.slow(Duration.ofMillis(400));
            long started = System.nanoTime();
            assertThat(converse(stub).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);

            stub.down();
            HttpResponse<String> down = converse(stub);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("x-amzn-ErrorType")).contains("ServiceUnavailableException");

            stub.healthy();
            assertThat(converse(stub).statusCode()).isEqualTo(200);
            assertThat(stub.calls()).isEqualTo(4);
            assertThat(stub.slowCalls()).isEqualTo(1);
            assertThat(stub.refusedCalls()).isEqualTo(1);
        }
    }
}
