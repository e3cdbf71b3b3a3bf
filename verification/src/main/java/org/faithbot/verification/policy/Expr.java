package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading values out of hcl2json's trees. Literals come through as JSON values; every expression
 * comes through as a string {@code "${...}"}, exactly as written. Nothing is evaluated here beyond
 * following a {@code var.x} to its default or a {@code local.x} to its literal value (in {@link Module}).
 */
final class Expr {

    private static final Pattern WHOLE = Pattern.compile("^\\$\\{(.*)}$", Pattern.DOTALL);

    private Expr() {
    }

    /** The expression inside {@code "${...}"} when the value is nothing but one interpolation; empty for literals. */
    static Optional<String> expression(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(value.asText());
        if (!m.matches() || m.group(1).contains("${")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).strip());
    }

    /** A literal string (no interpolation at all). */
    static Optional<String> literalString(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().contains("${")) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    static OptionalDouble literalNumber(JsonNode value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isNumber()) {
            return OptionalDouble.of(value.asDouble());
        }
        if (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?")) {
            return OptionalDouble.of(Double.parseDouble(value.asText()));
        }
        return OptionalDouble.empty();
    }

    static boolean isLiteralTrue(JsonNode value) {
        return value != null && (value.isBoolean() && value.asBoolean() || value.isTextual() && value.asText().equals("true"));
    }

    /** The text of a value, literal or expression ("" when absent). */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The elements of a list attribute as texts; a list given as one expression yields that expression alone. */
    static List<String> texts(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(text(v)));
        } else {
            out.add(text(value));
        }
        return out;
    }

    /** Whether a list attribute was written as a literal list (so its elements can be checked one by one). */
    static boolean isList(JsonNode value) {
        return value != null && value.isArray();
    }

    /** Whether {@code text} refers to {@code reference} (for example {@code aws_security_group.alb}) as a whole name. */
    static boolean refersTo(String text, String reference) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(reference) + "(?![\\w-])").matcher(text).find();
    }
}
