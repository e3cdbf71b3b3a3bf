package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The fuzzer's requests: the {@code index}-th request of a run is a valid request of one operation of the service's
 * OpenAPI description (its path parameters, some of its query parameters, its header parameters and a body of its
 * schema, with a member's token), changed by none to three {@link Mutation}s, all drawn from a random source seeded
 * with the run's seed and the index alone: the same seed gives the same requests, byte for byte but the tokens, in
 * any order and on any number of connections.
 */
public final class RequestFuzzer {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final List<ApiDescription.Operation> operations;
    private final List<String> tokens;
    private final long seed;
    private final String marker;

    /**
     * @param tokens the members' bearer tokens a valid request carries, one drawn for each (several members: the
     *               service's per-member rate limit answers a flood from one with 429)
     * @param marker the run's own text, in every text the requests carry, that no log line may hold afterwards
     */
    public RequestFuzzer(ApiDescription description, List<String> tokens, long seed, String marker) {
        if (description.operations().isEmpty() || tokens.isEmpty()) {
            throw new IllegalArgumentException("the fuzzer needs operations to mutate and tokens to send");
        }
        this.operations = description.operations();
        this.tokens = List.copyOf(tokens);
        this.seed = seed;
        this.marker = marker;
    }

    /** The run's marker: the text each request carries. */
    public String marker() {
        return marker;
    }

    public HostileRequest request(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed + index * GOLDEN));
        ApiDescription.Operation operation = operations.get(random.nextInt(operations.size()));
        RequestDraft draft = valid(operation, random);
        List<String> applied = new ArrayList<>();
        int mutations = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            mutation.apply(draft, random, marker);
            applied.add(mutation.description());
        }
        return draft.toRequest("#" + index + " " + operation.describe() + (applied.isEmpty() ? " (valid)" : " with " + String.join(", ",
                applied)), marker);
    }

    /**
     * The valid request of one operation, unmutated, as the holder of {@code token} sends it (empty: an anonymous
     * caller): each path variable from
     * {@code pathValues} where it names one (else a sample of its schema), the extra query parameters (URL-encoded) and
     * headers appended; every free text it carries holds the marker. Drawn from the seed and the name alone.
     */
    public HostileRequest valid(ApiDescription.Operation operation, String token, Map<String, String> pathValues,
                                Map<String, String> extraQuery, Map<String, String> extraHeaders, String name) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ name.hashCode()));
        RequestDraft draft = valid(operation, random, token, pathValues);
        extraQuery.forEach((key, value) -> draft.query.add(new RequestDraft.QueryParameter(key, URLEncoder.encode(value,
                StandardCharsets.UTF_8))));
        extraHeaders.forEach(draft::replaceHeader);
        return draft.toRequest(name + " " + operation.describe(), marker);
    }

    private RequestDraft valid(ApiDescription.Operation operation, SplittableRandom random) {
        return valid(operation, random, null, Map.of());
    }

    /** {@code token} null: one of the fuzzer's, drawn; empty: none (an anonymous caller). */
    private RequestDraft valid(ApiDescription.Operation operation, SplittableRandom random, String token, Map<String, String> pathValues) {
        String path = operation.path();
        RequestDraft draft = new RequestDraft(operation.method(), path);
        for (ApiDescription.Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> {
                    String sample = SchemaSamples.text(parameter.schema(), random, marker).replace(' ', '-');
                    draft.path = draft.path.replace("{" + parameter.name() + "}", pathValues.getOrDefault(parameter.name(), sample));
                }
                case "query" -> {
                    if (parameter.required() || random.nextBoolean()) {
                        draft.query.add(new RequestDraft.QueryParameter(parameter.name(), queryValue(parameter.schema(), random)));
                    }
                }
                case "header" -> {
                    if (parameter.required() || random.nextBoolean()) {
                        draft.header(parameter.name(), headerValue(parameter, random));
                    }
                }
                default -> {
                    // cookies: the API takes none
                }
            }
        }
        String drawn = tokens.get(random.nextInt(tokens.size()));
        if (token == null || !token.isEmpty()) {
            draft.header("Authorization", "Bearer " + (token == null ? drawn : token));
        }
        draft.header("Accept", "application/json");
        if (operation.bodySchema() != null) {
            draft.header("Content-Type", "application/json");
            draft.body(SchemaSamples.sample(operation.bodySchema(), random, marker).toString());
        }
        return draft;
    }

    private String queryValue(JsonNode schema, SplittableRandom random) {
        JsonNode value = SchemaSamples.sample(schema, random, marker);
        return URLEncoder.encode(value.asText(), StandardCharsets.UTF_8);
    }

    /** The API's header parameters: an idempotency key (a UUID, as its 400 advises) and the Global Privacy Control signal. */
    private static String headerValue(ApiDescription.Parameter parameter, SplittableRandom random) {
        if ("Sec-GPC".equalsIgnoreCase(parameter.name())) {
            return "1";
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
