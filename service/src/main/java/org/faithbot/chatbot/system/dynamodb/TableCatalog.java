package org.faithbot.chatbot.system.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The service's DynamoDB tables, read from {@code dynamodb/tables.json} (the single source shared
 * with Terraform and the harness), with their physical names (prefix + logical name).
 */
public class TableCatalog {

    public static final String RESOURCE = "dynamodb/tables.json";

    public static final String USERS = "users";

    public static final String MESSAGES = "messages";

    public static final String CONVERSATIONS = "conversations";

    public static final String CONSENTS = "consents";

    public static final String PRAYERS = "prayers";

    public static final String PRAYER_RESPONSES = "prayer-responses";

    public static final String PRAYER_FLAGS = "prayer-flags";

    public static final String ESCALATIONS = "escalations";

    public static final String IDEMPOTENCY_KEYS = "idempotency-keys";

    public static final String PRIVACY_AUDIT = "privacy-audit";

    private final String tablePrefix;
    private final List<TableDefinition> tables;

    public TableCatalog(String tablePrefix, List<TableDefinition> tables) {
        this.tablePrefix = (tablePrefix != null) ? tablePrefix : "";
        this.tables = List.copyOf(tables);
    }

    public static TableCatalog load(String tablePrefix) {
        return load(tablePrefix, new ClassPathResource(RESOURCE));
    }

    public static TableCatalog load(String tablePrefix, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            TablesFile file = JsonMapper.builder().build().readValue(in, TablesFile.class);
            return new TableCatalog(tablePrefix, file.tables());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }

    public List<TableDefinition> tables() {
        return this.tables;
    }

    public TableDefinition table(String logicalName) {
        return this.tables.stream()
            .filter(table -> table.name().equals(logicalName))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("no table '" + logicalName + "' in " + RESOURCE));
    }

    public String physicalName(String logicalName) {
        return this.tablePrefix + table(logicalName).name();
    }

    public String physicalName(TableDefinition table) {
        return this.tablePrefix + table.name();
    }

    /** The logical name of a physical table name, or the physical name itself when it has no such table. */
    public String logicalName(String physicalName) {
        if (physicalName != null && physicalName.startsWith(this.tablePrefix)) {
            String logical = physicalName.substring(this.tablePrefix.length());
            for (TableDefinition table : this.tables) {
                if (table.name().equals(logical)) {
                    return logical;
                }
            }
        }
        return String.valueOf(physicalName);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TablesFile(List<TableDefinition> tables) {
    }
}
