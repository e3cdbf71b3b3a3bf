package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything the service holds about a user (right of access / portability): the profile and
 * every message, each with all its stored attributes.
 */
public record DataExport(String format, String userId, String exportedAt, @Nullable Map<String, Object> profile,
        List<Map<String, Object>> messages) {

    public static final String FORMAT = "faithbot-export/1";
}
