package org.faithbot.chatbot.system.dynamodb;

import java.time.Instant;
import java.util.Map;

import org.faithbot.chatbot.system.Timestamps;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing the attributes of low-level DynamoDB items. */
public final class Items {

    /** The TTL attribute of every table with a retention period (epoch seconds). */
    public static final String EXPIRES_AT = "expiresAt";

    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue time(Instant instant) {
        return AttributeValue.fromS(Timestamps.format(instant));
    }

    public static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    public static @Nullable String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return (value != null) ? value.s() : null;
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return (value != null && value.n() != null) ? Long.parseLong(value.n()) : 0;
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static @Nullable Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return (text != null) ? Instant.parse(text) : null;
    }

    /** Whether the item's retention ran out ({@code expiresAt} before now): never served, deleted when met. */
    public static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue expiresAt = item.get(EXPIRES_AT);
        return expiresAt != null && expiresAt.n() != null && Long.parseLong(expiresAt.n()) < now.getEpochSecond();
    }
}
