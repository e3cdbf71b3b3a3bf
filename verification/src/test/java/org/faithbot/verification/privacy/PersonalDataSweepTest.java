package org.faithbot.verification.privacy;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.local.LocalDynamoDb;
import org.faithbot.verification.local.ProcessRegistry;
import org.faithbot.verification.target.TableDefinitions;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The data-store side of the erasure check, against a real local DynamoDB with the service's tables. */
class PersonalDataSweepTest {

    private static final String PREFIX = "sweep-test-";
    private static final TableDefinitions TABLES =
            TableDefinitions.read(Targets.projectRoot().resolve("service/src/main/resources/dynamodb/tables.json"));
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void startDynamoDb() {
        Path root = Targets.projectRoot();
        dynamoDb = LocalDynamoDb.start(root, root.resolve("verification/target/sweep-test"),
                new ProcessRegistry(root.resolve("verification/target/sweep-test/pids")));
        TABLES.createAll(dynamoDb.client(), PREFIX);
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.stop();
    }

    private final TestUser grace = TestUser.fresh("Grace");
    private final PersonalDataSweep sweep = new PersonalDataSweep(dynamoDb.client(), PREFIX);

    @Test
    void findsNothingWhenNothingOfTheUserIsStored() {
        put("users", Map.of("userId", s(TestUser.fresh("Other").id()), "email", s("someone@example.org")));
        PersonalDataSweep.Result result = sweep.sweep(Set.of(grace.id(), grace.email(), grace.name()));
        assertThat(result.traces()).isEmpty();
        assertThat(result.tables()).hasSize(TABLES.tables().size())
                .contains(PREFIX + "messages", PREFIX + "users", PREFIX + "prayers", PREFIX + "privacy-audit");
        assertThat(result.itemsRead()).isPositive();
    }

    @Test
    void findsAnAttributeOfTheUserInAnyTableAndAnyDepth() {
        put("users", Map.of("userId", s("stray-1"), "note", s("contact " + grace.email().toUpperCase())));
        put("messages", Map.of("userId", s("stray-2"), "messageKey", s("k"),
                "meta", AttributeValue.fromM(Map.of("who", AttributeValue.fromL(List.of(s(grace.name())))))));
        PersonalDataSweep.Result result = sweep.sweep(Set.of(grace.id(), grace.email(), grace.name()));
        assertThat(result.traces()).extracting(Trace::table, Trace::attribute).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(PREFIX + "users", "note"),
                org.assertj.core.groups.Tuple.tuple(PREFIX + "messages", "meta.who[0]"));
    }

    @Test
    void readsEachGlobalSecondaryIndexApartFromItsTable() {
        put("prayers", Map.of("userId", s("stray-3"), "prayerId", s("p-1"), "feed", s("community"),
                "createdAt", s("2026-11-24T00:00:00Z"), "text", s("pray for " + grace.name())));
        PersonalDataSweep.Result result = sweep.sweep(Set.of(grace.name()));
        assertThat(result.traces()).extracting(Trace::table).contains(
                PREFIX + "prayers", PREFIX + "prayers/communityFeed");
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        dynamoDb.client().putItem(r -> r.tableName(PREFIX + table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
