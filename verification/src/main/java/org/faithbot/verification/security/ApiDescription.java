package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's OpenAPI description as it serves it ({@code /v3/api-docs}): its operations, each with its parameters
 * and its request body's JSON schema ({@code $ref}s to the components resolved on reading).
 */
public record ApiDescription(List<Operation> operations) {

    /** Where the service serves its description. */
    public static final String PATH = "/v3/api-docs";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: its method, path template, parameters, and the JSON schema of its body (null: none). */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {
        public String describe() {
            return method + " " + path;
        }
    }

    /** A parameter: its name, where it goes ({@code path}, {@code query}, {@code header}), whether required, its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** Reads the description the service at {@code baseUrl} serves. */
    public static ApiDescription fetch(String baseUrl) {
        try {
            RawHttpClient.Answer answer = new RawHttpClient(baseUrl).send("GET " + PATH + " HTTP/1.1\r\nAccept: application/json", null, null);
            if (answer.status() != 200) {
                throw new IllegalStateException(baseUrl + PATH + " answered " + answer.status());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI description at " + baseUrl + PATH, e);
        }
    }

    public static ApiDescription parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = resolve(root, parameter);
                    parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolved.path("required").asBoolean(false), resolve(root, resolved.path("schema"))));
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        body.isMissingNode() ? null : inline(root, body, 0)));
            }
        }
        return new ApiDescription(List.copyOf(operations));
    }

    /** The schema with every {@code $ref} replaced by what it names (to a depth of 8: the API's schemas are not recursive). */
    private static JsonNode inline(JsonNode root, JsonNode schema, int depth) {
        JsonNode resolved = resolve(root, schema);
        if (depth > 8 || !resolved.isObject()) {
            return resolved;
        }
        ObjectNode copy = resolved.deepCopy();
        if (copy.has("items")) {
            copy.set("items", inline(root, copy.get("items"), depth + 1));
        }
        if (copy.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            copy.get("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), inline(root, p.getValue(), depth + 1)));
            copy.set("properties", properties);
        }
        return copy;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 8; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are read: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
