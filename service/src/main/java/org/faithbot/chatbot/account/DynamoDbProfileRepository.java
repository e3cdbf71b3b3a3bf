package org.faithbot.chatbot.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

@Repository
class DynamoDbProfileRepository implements ProfileRepository, UserKeyedTable {

    static final String USER_ID = "userId";

    /** The UTC day of the member's last registration, chat or prayer request: what the daily active members are counted by. */
    static final String LAST_ACTIVE_ON = "lastActiveOn";

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    private final DailyActiveMembers activeMembers;

    DynamoDbProfileRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions,
            DailyActiveMembers activeMembers) {
        this.dynamoDb = dynamoDb;
        this.activeMembers = activeMembers;
        this.table = catalog.physicalName(TableCatalog.USERS);
        this.partition = partitions.of(TableCatalog.USERS);
    }

    @Override
    public boolean createIfAbsent(UserProfile profile) {
        if (find(profile.userId(), false).isPresent()) {
            return false;
        }
        return put(profile);
    }

    @Override
    public Ensured ensure(UserProfile profile) {
        String today = activeOn(profile.createdAt());
        Optional<Map<String, AttributeValue>> stored = find(profile.userId(), false);
        if (stored.isPresent()) {
            if (!today.equals(Items.string(stored.get(), LAST_ACTIVE_ON))) {
                markActive(profile.userId(), today);
            }
            return new Ensured(choices(stored.get()), false);
        }
        if (put(profile)) {
            this.activeMembers.firstActivityToday();
            return new Ensured(PrivacyChoices.NONE, true);
        }
        return new Ensured(find(profile.userId()).map(DynamoDbProfileRepository::choices).orElse(PrivacyChoices.NONE), false);
    }

    /**
     * Marks the user active on {@code day} unless an instance did so already (a conditional update, so
     * two instances seeing the member's first request of the day at once count them once).
     */
    private void markActive(String userId, String day) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId))
                .updateExpression("SET #lastActiveOn = :day")
                .conditionExpression("attribute_exists(userId) AND (attribute_not_exists(#lastActiveOn) OR #lastActiveOn <> :day)")
                .expressionAttributeNames(Map.of("#lastActiveOn", LAST_ACTIVE_ON))
                .expressionAttributeValues(Map.of(":day", s(day))));
            this.activeMembers.firstActivityToday();
        }
        catch (ConditionalCheckFailedException alreadyMarkedOrErased) {
            // another instance counted them today, or the profile was erased meanwhile (it is not recreated)
        }
    }

    /** The UTC day of an instant, as the profile keeps it: {@code 2026-12-05}. */
    static String activeOn(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    @Override
    public Optional<Map<String, AttributeValue>> find(String userId) {
        return find(userId, true);
    }

    @Override
    public boolean register(UserProfile profile, Instant registeredAt, boolean analyticsConsent) {
        Map<String, String> names = new HashMap<>(Map.of("#registeredAt", "registeredAt", "#createdAt", "createdAt",
                "#analyticsConsent", "analyticsConsent"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":registeredAt", Items.time(registeredAt),
                ":createdAt", s(Timestamps.format(profile.createdAt())), ":analytics", Items.bool(analyticsConsent)));
        names.put("#lastActiveOn", LAST_ACTIVE_ON);
        String today = activeOn(registeredAt);
        values.put(":today", s(today));
        StringBuilder update = new StringBuilder("SET #registeredAt = :registeredAt, "
                + "#createdAt = if_not_exists(#createdAt, :createdAt), #analyticsConsent = :analytics, #lastActiveOn = :today");
        if (profile.email() != null) {
            update.append(", #email = if_not_exists(#email, :email)");
            names.put("#email", "email");
            values.put(":email", s(profile.email()));
        }
        if (profile.displayName() != null) {
            update.append(", #displayName = if_not_exists(#displayName, :displayName)");
            names.put("#displayName", "displayName");
            values.put(":displayName", s(profile.displayName()));
        }
        try {
            Map<String, AttributeValue> old = this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(profile.userId()))
                .updateExpression(update.toString())
                .conditionExpression("attribute_not_exists(#registeredAt)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.UPDATED_OLD))
                .attributes();
            if (old == null || !today.equals(Items.string(old, LAST_ACTIVE_ON))) {
                this.activeMembers.firstActivityToday();
            }
            return true;
        }
        catch (ConditionalCheckFailedException alreadyRegistered) {
            return false;
        }
    }

    @Override
    public void recordAnalyticsConsent(String userId, boolean granted) {
        this.dynamoDb.updateItem(request -> request.tableName(this.table)
            .key(key(userId))
            .updateExpression("SET analyticsConsent = :granted")
            .conditionExpression("attribute_exists(userId)")
            .expressionAttributeValues(Map.of(":granted", Items.bool(granted))));
    }

    @Override
    public void recordSaleSharingOptOut(UserProfile profile, boolean optOut, Instant at, String source) {
        this.dynamoDb.updateItem(request -> request.tableName(this.table)
            .key(key(profile.userId()))
            .updateExpression("SET saleSharingOptOut = :optOut, saleSharingOptOutAt = :at, "
                    + "saleSharingOptOutSource = :source, createdAt = if_not_exists(createdAt, :createdAt)")
            .expressionAttributeValues(Map.of(":optOut", Items.bool(optOut), ":at", Items.time(at), ":source",
                    s(source), ":createdAt", s(Timestamps.format(profile.createdAt())))));
    }

    private Optional<Map<String, AttributeValue>> find(String userId, boolean consistent) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table).key(key(userId)).consistentRead(consistent))
            .item();
        return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(item);
    }

    private boolean put(UserProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, s(profile.userId()));
        item.put("createdAt", s(Timestamps.format(profile.createdAt())));
        item.put(LAST_ACTIVE_ON, s(activeOn(profile.createdAt())));
        if (profile.email() != null) {
            item.put("email", s(profile.email()));
        }
        if (profile.displayName() != null) {
            item.put("displayName", s(profile.displayName()));
        }
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(item)
                .conditionExpression("attribute_not_exists(userId)"));
            return true;
        }
        catch (ConditionalCheckFailedException alreadyCreated) {
            return false;
        }
    }

    static PrivacyChoices choices(Map<String, AttributeValue> item) {
        return new PrivacyChoices(item.containsKey("registeredAt"), Items.flag(item, "analyticsConsent"),
                Items.flag(item, "saleSharingOptOut"));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of(USER_ID, s(userId));
    }

    @Override
    public String tableName() {
        return TableCatalog.USERS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
