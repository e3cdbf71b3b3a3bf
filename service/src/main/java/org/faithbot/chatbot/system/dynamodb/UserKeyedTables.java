package org.faithbot.chatbot.system.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owners of the tables keyed by {@code userId}, by table. At start-up every such table of
 * {@code tables.json} must have exactly one owner, and every owner a table of the catalog keyed by
 * {@code userId}: the export, the erasure and the retention sweep go through them, so a table
 * without one would be left out of a user's erasure.
 */
public class UserKeyedTables {

    private final Map<String, UserKeyedTable> owners = new LinkedHashMap<>();

    public UserKeyedTables(TableCatalog catalog, List<UserKeyedTable> owners) {
        List<String> problems = new ArrayList<>();
        for (UserKeyedTable owner : owners) {
            String name = owner.tableName();
            UserKeyedTable earlier = this.owners.putIfAbsent(name, owner);
            if (earlier != null) {
                problems.add("table '" + name + "' has two owners");
            }
            if (catalog.tables().stream().noneMatch(table -> table.name().equals(name) && keyedByUser(table))) {
                problems.add("no table '" + name + "' keyed by " + UserPartition.USER_ID + " in "
                        + TableCatalog.RESOURCE);
            }
        }
        for (TableDefinition table : catalog.tables()) {
            if (keyedByUser(table) && !this.owners.containsKey(table.name())) {
                problems.add("table '" + table.name() + "' is keyed by " + UserPartition.USER_ID
                        + " but no repository owns it (" + UserKeyedTable.class.getSimpleName() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** The owner of a table keyed by {@code userId}. */
    public UserKeyedTable of(TableDefinition table) {
        UserKeyedTable owner = this.owners.get(table.name());
        if (owner == null) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not keyed by " + UserPartition.USER_ID);
        }
        return owner;
    }

    public static boolean keyedByUser(TableDefinition table) {
        return UserPartition.USER_ID.equals(table.partitionKey().name());
    }
}
