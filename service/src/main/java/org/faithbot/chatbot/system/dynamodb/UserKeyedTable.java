package org.faithbot.chatbot.system.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table of {@code tables.json} whose partition key is {@code userId}, as the repository that owns
 * it offers it to the jobs that cover all of a user's data: the export, the erasure and the
 * retention sweep. Every such table has exactly one owner ({@link UserKeyedTables} checks it at
 * start-up); the owner does the work with a {@link UserPartition} of its table.
 */
public interface UserKeyedTable {

    /** The logical name of the table (e.g. {@code messages}). */
    String tableName();

    /** The user partitions of the table, through which the owner does the work. */
    UserPartition userPartition();

    /**
     * Every item of the user's partition with all its attributes (strongly consistent, every page);
     * expired ones included.
     */
    default List<Map<String, AttributeValue>> itemsOf(String userId) {
        return userPartition().items(userId);
    }

    /** Deletes every item of the user's partition; returns how many were deleted. */
    default int deleteAllOf(String userId) {
        return userPartition().deleteAll(userId);
    }

    /** Deletes the user's items whose retention ran out before {@code now}; returns how many were deleted. */
    default int deleteExpiredOf(String userId, Instant now) {
        return userPartition().deleteExpired(userId, now);
    }
}
