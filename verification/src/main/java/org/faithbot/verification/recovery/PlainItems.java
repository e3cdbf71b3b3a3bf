package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** DynamoDB items as plain values (strings, numbers, lists, maps): the shape the service's export has too. */
final class PlainItems {

    private PlainItems() {
    }

    static Map<String, Object> toPlain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new TreeMap<>();
        item.forEach((name, value) -> plain.put(name, toPlain(value)));
        return plain;
    }

    private static Object toPlain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case B -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            case SS -> List.copyOf(value.ss());
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case BS -> value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> {
                List<Object> list = new ArrayList<>();
                value.l().forEach(element -> list.add(toPlain(element)));
                yield list;
            }
            case M -> toPlain(value.m());
            case UNKNOWN_TO_SDK_VERSION -> String.valueOf(value);
        };
    }
}
