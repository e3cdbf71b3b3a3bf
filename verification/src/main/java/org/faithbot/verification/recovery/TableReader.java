package org.faithbot.verification.recovery;

import org.faithbot.verification.http.StoredUserData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the service's tables under a prefix hold about a user, directly (GetItem and Query, consistent). */
public final class TableReader {

    static final String USERS = "users";
    static final String MESSAGES = "messages";

    private final DynamoDbClient dynamoDb;
    private final String prefix;

    public TableReader(DynamoDbClient dynamoDb, String prefix) {
        this.dynamoDb = dynamoDb;
        this.prefix = prefix;
    }

    public StoredUserData read(String userId) {
        Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS(userId));
        Map<String, AttributeValue> profile = dynamoDb.getItem(r -> r.tableName(prefix + USERS).key(key).consistentRead(true)).item();
        List<Map<String, Object>> messages = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(prefix + MESSAGES).consistentRead(true)
                .keyConditionExpression("userId = :u").expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId))).build();
        dynamoDb.queryPaginator(query).items().forEach(item -> messages.add(PlainItems.toPlain(item)));
        return new StoredUserData(profile == null || profile.isEmpty() ? null : PlainItems.toPlain(profile), messages);
    }

    public String prefix() {
        return prefix;
    }
}
