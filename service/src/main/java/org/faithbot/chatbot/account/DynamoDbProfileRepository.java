package org.faithbot.chatbot.account;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.DocumentTables;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import org.springframework.stereotype.Repository;

@Repository
class DynamoDbProfileRepository implements ProfileRepository {

    static final String USER_ID = "userId";

    private static final Expression IF_ABSENT = Expression.builder()
        .expression("attribute_not_exists(#userId)")
        .putExpressionName("#userId", USER_ID)
        .build();

    private final DynamoDbTable<EnhancedDocument> users;

    DynamoDbProfileRepository(DocumentTables tables) {
        this.users = tables.table(TableCatalog.USERS);
    }

    @Override
    public boolean createIfAbsent(UserProfile profile) {
        if (exists(profile.userId())) {
            return false;
        }
        try {
            this.users.putItem(PutItemEnhancedRequest.builder(EnhancedDocument.class)
                .item(toDocument(profile))
                .conditionExpression(IF_ABSENT)
                .build());
            return true;
        }
        catch (ConditionalCheckFailedException alreadyCreated) {
            return false;
        }
    }

    private boolean exists(String userId) {
        return this.users.getItem(request -> request.key(Key.builder().partitionValue(userId).build())) != null;
    }

    private static EnhancedDocument toDocument(UserProfile profile) {
        EnhancedDocument.Builder document = DocumentTables.newDocument()
            .putString(USER_ID, profile.userId())
            .putString("createdAt", Timestamps.format(profile.createdAt()));
        if (profile.email() != null) {
            document.putString("email", profile.email());
        }
        if (profile.displayName() != null) {
            document.putString("displayName", profile.displayName());
        }
        return document.build();
    }
}
