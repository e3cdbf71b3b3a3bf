package org.faithbot.verification.privacy;

/** One place in the data store where something of a user survives: the table, the item's key, the attribute and what matched. */
public record Trace(String table, String itemKey, String attribute, String matched) {

    @Override
    public String toString() {
        return table + " item " + itemKey + " attribute '" + attribute + "' holds " + matched;
    }
}
