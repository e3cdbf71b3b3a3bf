package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.http.ServiceClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The endpoints the service itself says it has: its request mappings as Spring's {@code /actuator/mappings} lists
 * them to an operator, each as {@code METHOD /pattern} ({@code ANY} for a mapping of every method). Read from the
 * running service, so that an endpoint added to it cannot escape a spec that must cover them all.
 */
public final class ServiceEndpoints {

    /** A path variable with its own pattern, {name:[a-z0-9.-]+}, is the variable {name} to the matrix. */
    private static final java.util.regex.Pattern VARIABLE_PATTERN = java.util.regex.Pattern.compile("\\{(\\w+):[^}]*}");

    private ServiceEndpoints() {
    }

    public static List<String> of(String baseUrl, String operatorToken) {
        ServiceClient.Reply reply = ServiceClient.send("GET", baseUrl + "/actuator/mappings", operatorToken, null, "application/json",
                Duration.ofSeconds(10));
        if (reply.status() != 200) {
            throw new IllegalStateException("the service did not list its mappings to an operator: " + reply.status() + " "
                    + (reply.answered() ? reply.body() : reply.failure()));
        }
        try {
            return parse(new ObjectMapper().readTree(reply.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parse(JsonNode mappings) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (JsonNode context : mappings.path("contexts")) {
            for (JsonNode servlet : context.path("mappings").path("dispatcherServlets")) {
                for (JsonNode mapping : servlet) {
                    JsonNode conditions = mapping.path("details").path("requestMappingConditions");
                    if (conditions.isMissingNode()) {
                        continue; // a resource handler, not an endpoint of the service's own
                    }
                    List<String> methods = conditions.path("methods").isEmpty() ? List.of("ANY")
                            : conditions.path("methods").valueStream().map(JsonNode::asText).toList();
                    for (JsonNode pattern : conditions.path("patterns")) {
                        String path = VARIABLE_PATTERN.matcher(pattern.asText()).replaceAll("{$1}");
                        methods.forEach(method -> endpoints.add(method + " " + path));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }
}
