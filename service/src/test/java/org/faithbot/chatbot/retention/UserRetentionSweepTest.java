package org.faithbot.chatbot.retention;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Dynalite;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention sweep of a user's partitions, through the repositories that own the tables: in every
 * table keyed by userId with a TTL, the user's expired items are deleted, their other items and
 * other users' expired items are kept.
 */
class UserRetentionSweepTest extends ApiTest {

    @Autowired
    private UserRetentionSweeper sweeper;

    @Test
    void deletesTheUsersExpiredItemsInEveryTableWithATtlAndNothingElse() {
        String userId = TestTokens.newUserId();
        String bystander = TestTokens.newUserId();
        Instant now = Instant.now();
        List<TableDefinition> swept = TableCatalog.load(Dynalite.TABLE_PREFIX)
            .tables()
            .stream()
            .filter(table -> table.hasTtl() && UserKeyedTables.keyedByUser(table))
            .toList();
        assertThat(swept).extracting(TableDefinition::name)
            .contains("messages", "conversations", "prayers", "prayer-responses", "prayer-flags", "escalations",
                    "idempotency-keys");
        for (TableDefinition table : swept) {
            for (int i = 0; i < 3; i++) {
                Tables.put(table.name(), item(table, userId, "expired-" + i, now.minusSeconds(3600)));
            }
            Tables.put(table.name(), item(table, userId, "current", now.plusSeconds(3600)));
            Tables.put(table.name(), item(table, bystander, "expired", now.minusSeconds(3600)));
        }

        assertThat(this.sweeper.sweep(userId)).isEqualTo(3 * swept.size());

        for (TableDefinition table : swept) {
            assertThat(Tables.partition(table.name(), userId)).as(table.name())
                .extracting(item -> item.get(table.sortKey().name()).s())
                .containsExactly("current");
            assertThat(Tables.partition(table.name(), bystander)).as(table.name()).hasSize(1);
        }
        assertThat(this.sweeper.sweep(userId)).isZero();
    }

    private static Map<String, AttributeValue> item(TableDefinition table, String userId, String sortKey,
            Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", Tables.s(userId));
        item.put(table.sortKey().name(), Tables.s(sortKey));
        item.put(table.ttlAttribute(), Tables.n(expiresAt.getEpochSecond()));
        return item;
    }
}
