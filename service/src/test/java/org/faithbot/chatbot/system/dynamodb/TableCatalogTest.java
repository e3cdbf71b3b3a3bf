package org.faithbot.chatbot.system.dynamodb;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableCatalogTest {

    @Test
    void readsTheTablesOfTablesJson() {
        TableCatalog catalog = TableCatalog.load("faithbot-local-");
        assertThat(catalog.tables()).extracting(TableDefinition::name)
            .containsExactly("users", "messages", "conversations", "consents", "prayers", "prayer-responses",
                    "prayer-flags", "escalations", "idempotency-keys", "privacy-audit");

        TableDefinition users = catalog.table("users");
        assertThat(users.partitionKey()).isEqualTo(new TableDefinition.KeyAttribute("userId", "S"));
        assertThat(users.hasSortKey()).isFalse();
        assertThat(users.holdsPersonalData()).isTrue();

        TableDefinition messages = catalog.table("messages");
        assertThat(messages.partitionKey().name()).isEqualTo("userId");
        assertThat(messages.sortKey()).isEqualTo(new TableDefinition.KeyAttribute("messageKey", "S"));
        assertThat(messages.ttlAttribute()).isEqualTo("expiresAt");
        assertThat(messages.globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void everyTableWithPersonalDataIsKeyedByTheUserAndTheAuditTrailHoldsNone() {
        TableCatalog catalog = TableCatalog.load("");
        assertThat(catalog.tables()).filteredOn(TableDefinition::holdsPersonalData)
            .allSatisfy(table -> assertThat(table.partitionKey().name()).isEqualTo("userId"));
        TableDefinition audit = catalog.table("privacy-audit");
        assertThat(audit.holdsPersonalData()).isFalse();
        assertThat(audit.partitionKey().name()).isEqualTo("subjectRef");
    }

    @Test
    void readsTheGlobalSecondaryIndexes() {
        TableDefinition prayers = TableCatalog.load("").table("prayers");
        assertThat(prayers.globalSecondaryIndexes()).extracting(TableDefinition.GlobalSecondaryIndex::name)
            .containsExactly("byPrayerId", "communityFeed", "teamQueue");
        TableDefinition.GlobalSecondaryIndex byPrayerId = prayers.index("byPrayerId");
        assertThat(byPrayerId.partitionKey()).isEqualTo(new TableDefinition.KeyAttribute("prayerId", "S"));
        assertThat(byPrayerId.hasSortKey()).isFalse();
        assertThat(byPrayerId.projection()).isEqualTo("KEYS_ONLY");
        assertThat(prayers.index("communityFeed").sortKey()).isEqualTo(new TableDefinition.KeyAttribute("createdAt", "S"));
        assertThatThrownBy(() -> prayers.index("nope")).hasMessageContaining("nope");
    }

    @Test
    void logicalNamesComeBackFromPhysicalNames() {
        TableCatalog catalog = TableCatalog.load("faithbot-local-");
        assertThat(catalog.logicalName("faithbot-local-prayer-flags")).isEqualTo("prayer-flags");
        assertThat(catalog.logicalName("other-table")).isEqualTo("other-table");
    }

    @Test
    void physicalNamesArePrefixPlusLogicalName() {
        TableCatalog catalog = TableCatalog.load("faithbot-local-");
        assertThat(catalog.physicalName("messages")).isEqualTo("faithbot-local-messages");
        assertThat(TableCatalog.load("").physicalName("users")).isEqualTo("users");
        assertThatThrownBy(() -> catalog.physicalName("sermons")).hasMessageContaining("sermons");
    }

    @Test
    void attributeValuesBecomePlainJsonValues() {
        Map<String, Object> plain = AttributeValues.toPlainMap(Map.of("s", AttributeValue.fromS("text"), "n",
                AttributeValue.fromN("1795543200"), "d", AttributeValue.fromN("1.5"), "b", AttributeValue.fromBool(true),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))), "m",
                AttributeValue.fromM(Map.of("k", AttributeValue.fromN("2"))), "bin",
                AttributeValue.fromB(SdkBytes.fromUtf8String("hi")), "nul", AttributeValue.fromNul(true)));
        assertThat(plain).containsEntry("s", "text")
            .containsEntry("n", 1795543200L)
            .containsEntry("d", new java.math.BigDecimal("1.5"))
            .containsEntry("b", true)
            .containsEntry("l", List.of("x"))
            .containsEntry("m", Map.of("k", 2L))
            .containsEntry("bin", "aGk=")
            .containsEntry("nul", null);
    }
}
