package org.faithbot.verification.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.http.ServiceClient;

import java.time.Instant;

/**
 * One chat turn the service acknowledged (HTTP 200): the user's message and the reply it stored,
 * as the harness saw them, and when the acknowledgement arrived. Everything the integrity check
 * expects to find again after a restore.
 *
 * @param messageId          the reply's id, as the service returned it
 * @param createdAt          the reply's timestamp, as the service returned it (ISO-8601, millis)
 * @param acknowledgedAt     when the harness received the acknowledgement (wall clock, as the backups' times are)
 */
public record AcknowledgedWrite(String userId, String conversationId, String messageId, String userText, String replyText,
                                String topic, String scriptureReference, String createdAt, Instant acknowledgedAt) {

    /** The write of the service's answer {@code body} to the user's {@code userText}, acknowledged at {@code acknowledgedAt}. */
    public static AcknowledgedWrite of(String userId, String userText, JsonNode body, Instant acknowledgedAt) {
        return new AcknowledgedWrite(userId, ServiceClient.text(body, "/conversationId"), ServiceClient.text(body, "/messageId"), userText,
                ServiceClient.text(body, "/reply/text"), ServiceClient.text(body, "/reply/topic"),
                ServiceClient.text(body, "/reply/scripture/reference"), ServiceClient.text(body, "/createdAt"), acknowledgedAt);
    }

    /** Names the write, never its text: user, reply id, conversation, acknowledgement time. */
    public String describe() {
        return "user " + userId + ", reply " + messageId + " of conversation " + conversationId + ", acknowledged at " + acknowledgedAt;
    }
}
