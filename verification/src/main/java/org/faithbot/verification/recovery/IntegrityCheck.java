package org.faithbot.verification.recovery;

import org.faithbot.verification.http.StoredUserData;
import org.faithbot.verification.traffic.AcknowledgedWrite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.faithbot.verification.recovery.IntegrityReport.Problem.DIFFERENT;
import static org.faithbot.verification.recovery.IntegrityReport.Problem.MISSING;

/**
 * Checks that acknowledged writes are present and identical in restored data: for each chat turn,
 * the reply (found by its id: role, conversation, text, topic, scripture reference and timestamp
 * must all be the same), the user's message (found by its text in the conversation; the item just
 * before the reply is its place, so an altered text is told from a lost one), and the user's profile.
 */
public final class IntegrityCheck {

    private static final Comparator<Map<String, Object>> BY_MESSAGE_KEY = Comparator.comparing(m -> String.valueOf(m.get("messageKey")));

    private IntegrityCheck() {
    }

    /**
     * @param source a name for where the data was read from, for the report
     * @param read   what the source holds about a user, by user id
     */
    public static IntegrityReport check(String source, List<AcknowledgedWrite> writes, Function<String, StoredUserData> read) {
        Map<String, List<AcknowledgedWrite>> byUser = new LinkedHashMap<>();
        writes.forEach(w -> byUser.computeIfAbsent(w.userId(), u -> new ArrayList<>()).add(w));
        List<IntegrityReport.Finding> findings = new ArrayList<>();
        byUser.forEach((user, theirs) -> findings.addAll(checkUser(theirs, read.apply(user))));
        return new IntegrityReport(source, writes.size(), findings);
    }

    private static List<IntegrityReport.Finding> checkUser(List<AcknowledgedWrite> writes, StoredUserData stored) {
        List<IntegrityReport.Finding> findings = new ArrayList<>();
        if (stored.profile() == null) {
            findings.add(new IntegrityReport.Finding(MISSING, writes.getFirst(), "the user's profile is missing"));
        }
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        stored.messages().forEach(m -> byId.put(String.valueOf(m.get("messageId")), m));
        for (AcknowledgedWrite write : writes) {
            List<Map<String, Object>> conversation = stored.messages().stream()
                    .filter(m -> write.conversationId().equals(m.get("conversationId"))).sorted(BY_MESSAGE_KEY).toList();
            Map<String, Object> reply = byId.get(write.messageId());
            if (reply == null) {
                findings.add(new IntegrityReport.Finding(MISSING, write, "the reply is missing"));
            } else {
                String difference = replyDifference(write, reply);
                if (difference != null) {
                    findings.add(new IntegrityReport.Finding(DIFFERENT, write, "the reply's " + difference));
                }
            }
            IntegrityReport.Finding question = checkQuestion(write, conversation, reply);
            if (question != null) {
                findings.add(question);
            }
        }
        return findings;
    }

    private static String replyDifference(AcknowledgedWrite write, Map<String, Object> reply) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("role", "assistant");
        expected.put("conversationId", write.conversationId());
        expected.put("text", write.replyText());
        expected.put("topic", write.topic());
        expected.put("scriptureReference", write.scriptureReference());
        expected.put("createdAt", write.createdAt());
        for (var field : expected.entrySet()) {
            Object actual = reply.get(field.getKey());
            if (!Objects.equals(field.getValue(), actual == null ? null : String.valueOf(actual))) {
                return field.getKey() + " differs";
            }
        }
        return null;
    }

    private static IntegrityReport.Finding checkQuestion(AcknowledgedWrite write, List<Map<String, Object>> conversation,
                                                         Map<String, Object> reply) {
        boolean present = conversation.stream().anyMatch(m -> "user".equals(m.get("role")) && write.userText().equals(m.get("text")));
        if (present) {
            return null;
        }
        int at = reply == null ? -1 : conversation.indexOf(reply);
        if (at > 0 && "user".equals(conversation.get(at - 1).get("role"))) {
            return new IntegrityReport.Finding(DIFFERENT, write, "the user's message text differs");
        }
        return new IntegrityReport.Finding(MISSING, write, "the user's message is missing");
    }
}
