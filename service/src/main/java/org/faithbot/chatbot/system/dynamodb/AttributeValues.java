package org.faithbot.chatbot.system.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns DynamoDB attribute values into plain Java values (strings, numbers, lists, maps) for JSON. */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** Every attribute of an item, by name in alphabetical order. */
    public static Map<String, Object> toPlainMap(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new TreeMap<>();
        item.forEach((name, value) -> plain.put(name, toPlain(value)));
        return plain;
    }

    public static Object toPlain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> number(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case B -> base64(value.b());
            case SS -> List.copyOf(value.ss());
            case NS -> value.ns().stream().map(AttributeValues::number).toList();
            case BS -> value.bs().stream().map(AttributeValues::base64).toList();
            case L -> {
                List<Object> list = new ArrayList<>();
                value.l().forEach(element -> list.add(toPlain(element)));
                yield list;
            }
            case M -> toPlainMap(value.m());
            case UNKNOWN_TO_SDK_VERSION -> String.valueOf(value);
        };
    }

    private static Number number(String text) {
        BigDecimal number = new BigDecimal(text);
        try {
            return number.longValueExact();
        }
        catch (ArithmeticException notAnInteger) {
            return number;
        }
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
