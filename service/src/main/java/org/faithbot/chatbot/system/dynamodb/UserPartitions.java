package org.faithbot.chatbot.system.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Makes the {@link UserPartition} of a table keyed by {@code userId}, for the repository that owns it. */
public class UserPartitions {

    private final DynamoDbClient dynamoDb;

    private final DocumentTables tables;

    private final BatchDeleter batchDeleter;

    private final ExpiredItemReaper reaper;

    public UserPartitions(DynamoDbClient dynamoDb, DocumentTables tables, BatchDeleter batchDeleter,
            ExpiredItemReaper reaper) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.batchDeleter = batchDeleter;
        this.reaper = reaper;
    }

    /** The partitions of a logical table of {@code tables.json} (e.g. {@code messages}). */
    public UserPartition of(String logicalTable) {
        TableCatalog catalog = this.tables.catalog();
        return new UserPartition(catalog.table(logicalTable), catalog.physicalName(logicalTable), this.dynamoDb,
                this.tables.table(logicalTable), this.batchDeleter, this.reaper);
    }
}
