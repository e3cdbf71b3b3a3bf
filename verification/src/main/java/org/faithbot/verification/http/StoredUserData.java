package org.faithbot.verification.http;

import java.util.List;
import java.util.Map;

/**
 * What a store holds about one user, as plain values: the profile (null when there is none) and
 * every message item. Read either through the service's export or directly from the tables.
 */
public record StoredUserData(Map<String, Object> profile, List<Map<String, Object>> messages) {

    public StoredUserData {
        messages = List.copyOf(messages);
    }
}
