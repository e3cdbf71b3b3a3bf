package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A value a JSON schema of the API's description accepts (its type, enum, format, pattern, lengths, bounds, required
 * properties), drawn from a seeded random source; free text carries the run's marker so that the log sweep can look
 * for it. The description's patterns are character classes or alternatives of words: a short word of lower-case
 * letters fits the first, one alternative the second.
 */
final class SchemaSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = {"grace", "hope", "peace", "light", "strength", "faith"};

    private SchemaSamples() {
    }

    static JsonNode sample(JsonNode schema, SplittableRandom random, String marker) {
        if (schema == null || schema.isMissingNode()) {
            return NODES.textNode(marker);
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (schema.path("type").asText("object")) {
            case "integer", "number" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(Math.max(min, 100));
                return NODES.numberNode(min + random.nextLong(max - min + 1));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case "string" -> {
                return NODES.textNode(text(schema, random, marker));
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
                int count = min + random.nextInt(Math.max(1, max - min + 1));
                for (int i = 0; i < count; i++) {
                    array.add(sample(schema.get("items"), random, marker));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (required.contains(property.getKey()) || random.nextBoolean()) {
                        object.set(property.getKey(), sample(property.getValue(), random, marker));
                    }
                });
                return object;
            }
        }
    }

    /** A string the schema accepts. */
    static String text(JsonNode schema, SplittableRandom random, String marker) {
        if ("uuid".equals(schema.path("format").asText())) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        String pattern = schema.path("pattern").asText("");
        String text;
        if (pattern.matches("[A-Za-z|]+")) {
            String[] alternatives = pattern.split("\\|");
            text = alternatives[random.nextInt(alternatives.length)];
        } else if (!pattern.isEmpty()) {
            text = WORDS[random.nextInt(WORDS.length)];
        } else {
            text = WORDS[random.nextInt(WORDS.length)] + " " + marker;
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }
}
