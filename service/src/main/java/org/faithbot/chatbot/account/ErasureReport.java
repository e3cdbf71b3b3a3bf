package org.faithbot.chatbot.account;

import java.util.Map;

/** What an erasure deleted: the number of items per logical table. */
public record ErasureReport(String userId, String erasedAt, Map<String, Integer> deleted) {
}
