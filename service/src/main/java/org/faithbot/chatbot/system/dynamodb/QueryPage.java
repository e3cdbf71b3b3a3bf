package org.faithbot.chatbot.system.dynamodb;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The items of one Query call and where the next call starts (null when the query is done). */
public record QueryPage(List<Map<String, AttributeValue>> items, @Nullable Map<String, AttributeValue> lastEvaluatedKey) {
}
