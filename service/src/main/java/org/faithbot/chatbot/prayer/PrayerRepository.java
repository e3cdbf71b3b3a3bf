package org.faithbot.chatbot.prayer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.n;
import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code prayers} table: the author's partition holds their requests (newest first by id);
 * indexes: {@code byPrayerId} (who owns a prayer id), {@code communityFeed}, {@code teamQueue}.
 * State changes are conditional updates, so two members never both claim a prayer.
 */
@Repository
public class PrayerRepository implements UserKeyedTable {

    static final String BY_PRAYER_ID = "byPrayerId";

    static final String COMMUNITY_FEED = "communityFeed";

    static final String TEAM_QUEUE = "teamQueue";

    static final String COMMUNITY = "COMMUNITY";

    static final String OPEN = "OPEN";

    private static final Map<String, String> STATUS = Map.of("#status", "status");

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    PrayerRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.PRAYERS);
        this.partition = partitions.of(TableCatalog.PRAYERS);
    }

    /** Stores a new prayer unless its id exists (conditional put); false when it does. */
    public boolean create(Prayer prayer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(prayer.userId()));
        item.put("prayerId", s(prayer.prayerId()));
        item.put("text", s(prayer.text()));
        item.put("visibility", s(prayer.visibility().name()));
        item.put("status", s(PrayerStatus.OPEN.name()));
        item.put("createdAt", Items.time(prayer.createdAt()));
        item.put("dueAt", Items.time(prayer.dueAt()));
        item.put("responseCount", n(0));
        item.put("flagCount", n(0));
        item.put("queueStatus", s(OPEN));
        item.put(Items.EXPIRES_AT, Items.epochSeconds(prayer.expiresAt()));
        if (prayer.visibility() == PrayerVisibility.COMMUNITY) {
            item.put("feed", s(COMMUNITY));
        }
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(item)
                .conditionExpression("attribute_not_exists(prayerId)"));
            return true;
        }
        catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<Prayer> find(String userId, String prayerId) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table).key(key(userId, prayerId)).consistentRead(true))
            .item();
        return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Finds a prayer by id alone: its author from the index {@code byPrayerId}, then the item. */
    public Optional<Prayer> find(String prayerId) {
        List<Map<String, AttributeValue>> keys = this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(BY_PRAYER_ID)
            .keyConditionExpression("prayerId = :id")
            .expressionAttributeValues(Map.of(":id", s(prayerId)))
            .limit(1)).items();
        return keys.stream().findFirst().flatMap(key -> find(Items.string(key, "userId"), prayerId));
    }

    /** The author's prayers, newest first, one page. */
    public QueryPage pageOf(String userId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryResponse response = this.dynamoDb.query(request -> request.tableName(this.table)
            .keyConditionExpression("userId = :userId")
            .expressionAttributeValues(Map.of(":userId", s(userId)))
            .scanIndexForward(false)
            .limit(limit)
            .exclusiveStartKey(startKey)
            .consistentRead(true));
        return page(response);
    }

    /** Every prayer of the author (all pages). */
    public List<Prayer> allOf(String userId) {
        List<Prayer> prayers = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryPage page = pageOf(userId, 100, start);
            page.items().forEach(item -> prayers.add(fromItem(item)));
            start = page.lastEvaluatedKey();
        }
        while (start != null);
        return prayers;
    }

    /** Visible community prayers, newest first (index {@code communityFeed}). */
    public QueryPage communityFeed(int limit, @Nullable Map<String, AttributeValue> startKey) {
        return page(this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(COMMUNITY_FEED)
            .keyConditionExpression("feed = :community")
            .expressionAttributeValues(Map.of(":community", s(COMMUNITY)))
            .scanIndexForward(false)
            .limit(limit)
            .exclusiveStartKey(startKey)));
    }

    /** Prayers waiting for the team, oldest first (index {@code teamQueue}). */
    public QueryPage teamQueue(int limit, @Nullable Map<String, AttributeValue> startKey) {
        return page(this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(TEAM_QUEUE)
            .keyConditionExpression("queueStatus = :open")
            .expressionAttributeValues(Map.of(":open", s(OPEN)))
            .scanIndexForward(true)
            .limit(limit)
            .exclusiveStartKey(startKey)));
    }

    /** Claims an open, visible prayer for a member (by pseudonym); false when it is not open any more. */
    public boolean claim(String userId, String prayerId, String claimedBy, Instant at) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId, prayerId))
                .updateExpression("SET #status = :claimed, claimedBy = :by, claimedAt = :at REMOVE queueStatus")
                .conditionExpression("attribute_exists(prayerId) AND #status = :open AND attribute_not_exists(claimedBy)")
                .expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":claimed", s(PrayerStatus.CLAIMED.name()), ":open",
                        s(PrayerStatus.OPEN.name()), ":by", s(claimedBy), ":at", Items.time(at))));
            return true;
        }
        catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Records a response by the member who claimed the prayer; empty when the prayer is not claimed by
     * them. Returns the prayer as it was before (to tell the first response).
     */
    public Optional<Prayer> recordResponse(String userId, String prayerId, String respondedBy, Instant at) {
        try {
            Map<String, AttributeValue> before = this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId, prayerId))
                .updateExpression("SET #status = :answered, firstResponseAt = if_not_exists(firstResponseAt, :at) "
                        + "ADD responseCount :one")
                .conditionExpression("attribute_exists(prayerId) AND claimedBy = :by")
                .expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":answered", s(PrayerStatus.ANSWERED.name()), ":by", s(respondedBy),
                        ":at", Items.time(at), ":one", n(1)))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
            return Optional.of(fromItem(before));
        }
        catch (ConditionalCheckFailedException notTheClaimer) {
            return Optional.empty();
        }
    }

    /** Counts a report; returns the new report count. */
    public long countFlag(String userId, String prayerId) {
        Map<String, AttributeValue> after = this.dynamoDb.updateItem(request -> request.tableName(this.table)
            .key(key(userId, prayerId))
            .updateExpression("ADD flagCount :one")
            .conditionExpression("attribute_exists(prayerId)")
            .expressionAttributeValues(Map.of(":one", n(1)))
            .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Items.number(after, "flagCount");
    }

    /** Hides a prayer: out of the community feed and the team's queue; false when it was hidden already. */
    public boolean hide(String userId, String prayerId, String hiddenBy, Instant at) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId, prayerId))
                .updateExpression("SET #hidden = :true, #hiddenAt = :at, #hiddenBy = :by REMOVE #feed, #queueStatus")
                .conditionExpression("attribute_exists(prayerId) AND attribute_not_exists(#hidden)")
                .expressionAttributeNames(Map.of("#hidden", "hidden", "#hiddenAt", "hiddenAt", "#hiddenBy", "hiddenBy",
                        "#feed", "feed", "#queueStatus", "queueStatus"))
                .expressionAttributeValues(Map.of(":true", Items.bool(true), ":at", Items.time(at), ":by", s(hiddenBy))));
            return true;
        }
        catch (ConditionalCheckFailedException alreadyHidden) {
            return false;
        }
    }

    public static Prayer fromItem(Map<String, AttributeValue> item) {
        return new Prayer(Items.string(item, "userId"), Items.string(item, "prayerId"), Items.string(item, "text"),
                PrayerVisibility.valueOf(Items.string(item, "visibility")),
                PrayerStatus.valueOf(Items.string(item, "status")), Items.instant(item, "createdAt"),
                Items.instant(item, "dueAt"), Instant.ofEpochSecond(Items.number(item, Items.EXPIRES_AT)),
                Items.string(item, "claimedBy"), Items.instant(item, "claimedAt"),
                Items.instant(item, "firstResponseAt"), Items.number(item, "responseCount"),
                Items.number(item, "flagCount"), Items.flag(item, "hidden"), Items.instant(item, "hiddenAt"));
    }

    private static QueryPage page(QueryResponse response) {
        return new QueryPage(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    private static Map<String, AttributeValue> key(String userId, String prayerId) {
        return Map.of("userId", s(userId), "prayerId", s(prayerId));
    }

    @Override
    public String tableName() {
        return TableCatalog.PRAYERS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
