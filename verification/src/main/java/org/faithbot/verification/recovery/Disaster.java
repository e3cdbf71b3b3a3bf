package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a drill does to the live tables. */
public interface Disaster {

    /** In words, for reports: "the messages table deleted". */
    String description();

    /** The kind of disaster in the objectives (docs/recovery-objectives.md): in-region or region-loss. */
    default String objectiveKind() {
        return "in-region";
    }

    /** Strikes the tables under the prefix. */
    void strike(DynamoDbClient dynamoDb, String tablePrefix);
}
