package org.faithbot.chatbot.system.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Names why a request body could not be read, without echoing any of its content (it may hold
 * personal data): malformed JSON, an unknown field, a wrong type, a missing body.
 */
final class UnreadableBodyReason {

    private UnreadableBodyReason() {
    }

    static String of(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'; accepted fields: "
                    + knownFields(unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException invalid) {
            String problem = (invalid.getValue() instanceof String) ? "an invalid value" : "the wrong type";
            return "Field '" + path(invalid) + "' has " + problem + ": expected " + expected(invalid.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatched) {
            if (String.valueOf(mismatched.getOriginalMessage()).startsWith("Trailing token")) {
                return "Unexpected content after the JSON object";
            }
            String path = path(mismatched);
            if (path.isEmpty()) {
                return "The request body must be a JSON object";
            }
            return "Field '" + path + "' has the wrong type: expected " + expected(mismatched.getTargetType());
        }
        if (cause instanceof StreamReadException malformed) {
            return "Malformed JSON" + location(malformed);
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON for this operation";
        }
        if (cause == null && exception.getMessage() != null
                && exception.getMessage().startsWith("Required request body is missing")) {
            return "The request body is missing";
        }
        return "The request body could not be read";
    }

    private static String path(JacksonException exception) {
        return exception.getPath()
            .stream()
            .map(reference -> (reference.getPropertyName() != null) ? reference.getPropertyName()
                    : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (UUID.class.equals(type)) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (Boolean.class.equals(type) || boolean.class.equals(type)) {
            return "a boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "none";
        }
        List<String> names = known.stream().map(String::valueOf).sorted().toList();
        return String.join(", ", names);
    }

    private static String location(StreamReadException exception) {
        if (exception.getLocation() == null || exception.getLocation().getLineNr() < 0) {
            return "";
        }
        return " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
    }
}
