package org.faithbot.chatbot.system.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Every table keyed by userId has exactly one owner, or the service does not start. */
class UserKeyedTablesTest {

    private static final TableDefinition.KeyAttribute USER_ID = new TableDefinition.KeyAttribute("userId", "S");

    private static final TableCatalog CATALOG = new TableCatalog("test-", List.of(
            new TableDefinition("users", USER_ID, null, null, true),
            new TableDefinition("messages", USER_ID, new TableDefinition.KeyAttribute("messageKey", "S"), "expiresAt",
                    true),
            new TableDefinition("privacy-audit", new TableDefinition.KeyAttribute("subjectRef", "S"),
                    new TableDefinition.KeyAttribute("eventKey", "S"), "expiresAt", false)));

    @Test
    void findsTheOwnerOfEachTableKeyedByUser() {
        Owner users = new Owner("users");
        Owner messages = new Owner("messages");
        UserKeyedTables tables = new UserKeyedTables(CATALOG, List.of(messages, users));
        assertThat(tables.of(CATALOG.table("users"))).isSameAs(users);
        assertThat(tables.of(CATALOG.table("messages"))).isSameAs(messages);
        assertThat(UserKeyedTables.keyedByUser(CATALOG.table("privacy-audit"))).isFalse();
    }

    @Test
    void aTableKeyedByUserWithoutAnOwnerStopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> new UserKeyedTables(CATALOG, List.of(new Owner("users"))))
            .withMessageContaining("table 'messages' is keyed by userId but no repository owns it");
    }

    @Test
    void twoOwnersOfATableOrAnOwnerOfAnotherTableStopTheStart() {
        assertThatIllegalStateException()
            .isThrownBy(() -> new UserKeyedTables(CATALOG,
                    List.of(new Owner("users"), new Owner("messages"), new Owner("messages"))))
            .withMessageContaining("table 'messages' has two owners");
        assertThatIllegalStateException()
            .isThrownBy(() -> new UserKeyedTables(CATALOG,
                    List.of(new Owner("users"), new Owner("messages"), new Owner("privacy-audit"))))
            .withMessageContaining("no table 'privacy-audit' keyed by userId");
    }

    private record Owner(String tableName) implements UserKeyedTable {

        @Override
        public UserPartition userPartition() {
            throw new UnsupportedOperationException("the owners' check reads no partition");
        }
    }
}
