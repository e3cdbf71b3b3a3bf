package org.faithbot.verification.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzerTest {

    private static final String DESCRIPTION = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/prayers/{prayerId}/flags":{"post":{"parameters":[{"name":"prayerId","in":"path","required":true,
                "schema":{"type":"string","format":"uuid"}}],
                "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/FlagRequest"}}}}}},
              "/api/v1/conversations":{"get":{"parameters":[{"name":"limit","in":"query","required":true,
                "schema":{"type":"integer","minimum":1,"maximum":100}},{"$ref":"#/components/parameters/Cursor"}]}}},
             "components":{"parameters":{"Cursor":{"name":"cursor","in":"query","schema":{"type":"string"}}},
               "schemas":{"FlagRequest":{"type":"object","required":["reason"],"properties":{"reason":{"type":"string","maxLength":500},
                 "tags":{"type":"array","items":{"$ref":"#/components/schemas/Tag"}}}},
                 "Tag":{"type":"string","enum":["spam","abuse"]}}}}
            """;

    @Test
    void theDescriptionIsReadWithItsReferencesResolved() throws IOException {
        ApiDescription description = ApiDescription.parse(DESCRIPTION);

        assertThat(description.operations()).extracting(ApiDescription.Operation::describe)
                .containsExactlyInAnyOrder("POST /api/v1/prayers/{prayerId}/flags", "GET /api/v1/conversations");
        ApiDescription.Operation flag = description.operations().stream().filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        assertThat(flag.bodySchema().path("required").get(0).asText()).isEqualTo("reason");
        assertThat(flag.bodySchema().path("properties").path("tags").path("items").path("enum").size()).isEqualTo(2);
        ApiDescription.Operation list = description.operations().stream().filter(o -> o.method().equals("GET")).findFirst().orElseThrow();
        assertThat(list.parameters()).extracting(ApiDescription.Parameter::name).containsExactly("limit", "cursor");
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() throws IOException {
        ApiDescription description = ApiDescription.parse(DESCRIPTION);
        RequestFuzzer one = new RequestFuzzer(description, List.of("t1", "t2"), 42, "fzmark");
        RequestFuzzer again = new RequestFuzzer(description, List.of("t1", "t2"), 42, "fzmark");
        RequestFuzzer other = new RequestFuzzer(description, List.of("t1", "t2"), 43, "fzmark");

        int differing = 0;
        for (long i = 0; i < 200; i++) {
            HostileRequest a = one.request(i);
            HostileRequest b = again.request(i);
            assertThat(b.head()).isEqualTo(a.head());
            assertThat(b.body()).isEqualTo(a.body());
            if (!other.request(i).head().equals(a.head())) {
                differing++;
            }
        }
        assertThat(differing).as("requests another seed changed").isGreaterThan(150);
    }

    @Test
    void everyMutationIsDrawnAndNoneTouchesTheFramingOfTheRequest() throws IOException {
        RequestFuzzer fuzzer = new RequestFuzzer(ApiDescription.parse(DESCRIPTION), List.of("token"), 7, "fzmark");
        Set<String> seen = new HashSet<>();
        int valid = 0;
        for (long i = 0; i < 3000; i++) {
            HostileRequest request = fuzzer.request(i);
            if (request.name().endsWith("(valid)")) {
                valid++;
            }
            Arrays.stream(Mutation.values()).filter(m -> request.name().contains(m.description())).forEach(m -> seen.add(m.name()));
            String[] lines = request.head().split("\r\n", -1);
            assertThat(lines[0].chars().filter(c -> c == '\n' || c == '\r')).isEmpty();
            for (int l = 1; l < lines.length; l++) {
                assertThat(lines[l]).as(request.name()).contains(":").doesNotContain("\n", "\r");
                String name = lines[l].substring(0, lines[l].indexOf(':')).trim();
                assertThat(name).as(request.name()).isNotIn("Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect");
            }
            assertThat(request.head().chars()).as(request.name()).allMatch(c -> c <= 0xFF);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(Arrays.stream(Mutation.values()).map(Enum::name).toList());
        assertThat(valid).as("unmutated requests of 3000").isBetween(150, 450);
    }

    @Test
    void aKeptAliveConnectionCarriesRequestsInARowWhateverTheirAnswersFraming() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<Integer> clientPorts = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().contains("chunked");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        try (RawHttpClient.Connection connection = new RawHttpClient("http://127.0.0.1:" + server.getAddress().getPort()).connect()) {
            List<String> bodies = new ArrayList<>();
            bodies.add(connection.send("GET /fixed HTTP/1.1", null, null).body());
            bodies.add(connection.send("POST /chunked HTTP/1.1\r\nContent-Type: application/json", null,
                    "{}".getBytes(StandardCharsets.UTF_8)).body());
            bodies.add(connection.send("HEAD /head HTTP/1.1", null, null).body());
            bodies.add(connection.send("GET /last HTTP/1.1", null, null).body());

            assertThat(bodies).containsExactly("{\"path\":\"/fixed\"}", "{\"path\":\"/chunked\"}", "", "{\"path\":\"/last\"}");
            assertThat(new HashSet<>(clientPorts)).as("client ports the server saw: one connection").hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAnswerSentBeforeTheBodyWasReadIsStillRead() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread serving = Thread.ofPlatform().start(() -> {
                try (java.net.Socket socket = server.accept()) {
                    java.io.InputStream in = socket.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    socket.getOutputStream().write(("HTTP/1.1 413 Content Too Large\r\nContent-Type: application/problem+json\r\n"
                            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    socket.shutdownOutput();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException e) {
                    // the client's side is what is tested
                }
            });
            try (RawHttpClient.Connection connection = new RawHttpClient("http://127.0.0.1:" + server.getLocalPort()).connect()) {
                RawHttpClient.Answer answer = connection.send("POST /big HTTP/1.1\r\nContent-Type: application/json", null,
                        new byte[8_000_000]);
                assertThat(answer.status()).isEqualTo(413);
            }
            serving.join();
        }
    }

    @Test
    void aRefusalOfAHeadRequestNeedsNoBodyButAnyOtherDoes() {
        Map<String, String> headers = new java.util.HashMap<>();
        HostileAnswers.PROMISED_HEADERS.forEach(h -> headers.put(h, "x"));
        headers.put("content-type", "application/problem+json");
        RawHttpClient.Answer bodiless = new RawHttpClient.Answer(405, headers, "");

        assertThat(HostileAnswers.lacks(bodiless, true)).isEmpty();
        assertThat(HostileAnswers.lacks(bodiless, false)).containsExactly("the problem's status and reason");
        assertThat(HostileAnswers.lacks(new RawHttpClient.Answer(502, headers, ""), true)).contains("a status below 500");
    }
}
