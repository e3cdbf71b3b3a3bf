package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A table deleted outright (an operator's mistake, a runaway script): the service loses its data at once. */
public record TableLoss(String logicalTable) implements Disaster {

    @Override
    public String description() {
        return "the " + logicalTable + " table deleted";
    }

    @Override
    public void strike(DynamoDbClient dynamoDb, String tablePrefix) {
        dynamoDb.deleteTable(r -> r.tableName(tablePrefix + logicalTable));
    }
}
