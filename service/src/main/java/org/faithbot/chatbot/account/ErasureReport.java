package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Map;

/**
 * What an erasure deleted: the number of the user's items per table, the related items in other
 * users' partitions (e.g. responses to the user's prayers) and the in-process caches cleared.
 */
public record ErasureReport(String userId, String erasedAt, Map<String, Integer> deleted,
        Map<String, Integer> relatedDeleted, List<String> cachesCleared) {
}
