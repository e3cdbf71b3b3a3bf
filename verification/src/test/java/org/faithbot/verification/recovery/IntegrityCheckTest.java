package org.faithbot.verification.recovery;

import org.faithbot.verification.http.StoredUserData;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrity check must pass on intact data and fail, naming the write, on any lost or altered part of one. */
class IntegrityCheckTest {

    private static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    private static final String USER = "user-0000aaaa-1111";

    private final List<AcknowledgedWrite> writes = List.of(write(0), write(1), write(2));

    private static AcknowledgedWrite write(int n) {
        return new AcknowledgedWrite(USER, "conv-1", "reply-" + n, "I need strength #" + n, "Be strong and courageous " + n,
                "strength", "Joshua 1:9", "2026-11-24T18:00:0" + n + ".500Z", T0.plusSeconds(n).plusMillis(600));
    }

    /** What the service stores for the writes: the profile, and a question and a reply for each. */
    private static StoredUserData stored(List<AcknowledgedWrite> writes) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (AcknowledgedWrite w : writes) {
            long replyMillis = Instant.parse(w.createdAt()).toEpochMilli();
            messages.add(new HashMap<>(Map.of("userId", w.userId(), "conversationId", w.conversationId(), "messageId", "question-" + w.messageId(),
                    "messageKey", w.conversationId() + "#" + String.format("%013d", replyMillis - 3) + "#q", "role", "user", "text", w.userText(),
                    "topic", w.topic(), "createdAt", "earlier")));
            messages.add(new HashMap<>(Map.of("userId", w.userId(), "conversationId", w.conversationId(), "messageId", w.messageId(),
                    "messageKey", w.conversationId() + "#" + String.format("%013d", replyMillis) + "#" + w.messageId(), "role", "assistant",
                    "text", w.replyText(), "topic", w.topic(), "scriptureReference", w.scriptureReference(), "createdAt", w.createdAt())));
        }
        return new StoredUserData(Map.of("userId", USER), messages);
    }

    @Test
    void passesWhenEveryWriteIsPresentAndIdentical() {
        IntegrityReport report = IntegrityCheck.check("restored", writes, user -> stored(writes));
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(report.checked()).isEqualTo(3);
    }

    @Test
    void failsAndNamesTheWriteWhoseReplyIsLost() {
        StoredUserData data = stored(writes);
        List<Map<String, Object>> withoutReply = data.messages().stream().filter(m -> !"reply-1".equals(m.get("messageId"))).toList();
        IntegrityReport report = IntegrityCheck.check("restored", writes, user -> new StoredUserData(data.profile(), withoutReply));
        assertThat(report.intact()).isFalse();
        assertThat(report.missing()).containsExactly(writes.get(1));
        assertThat(report.describe()).contains("1 of 3 acknowledged writes missing")
                .contains("MISSING " + writes.get(1).describe() + ": the reply is missing");
    }

    @Test
    void tellsAnAlteredQuestionFromALostOne() {
        StoredUserData data = stored(writes);
        List<Map<String, Object>> altered = new ArrayList<>();
        for (Map<String, Object> m : data.messages()) {
            Map<String, Object> copy = new HashMap<>(m);
            if ("question-reply-0".equals(m.get("messageId"))) {
                copy.put("text", "corrupted");
            }
            if (!"question-reply-2".equals(m.get("messageId"))) {
                altered.add(copy);
            }
        }
        IntegrityReport report = IntegrityCheck.check("restored", writes, user -> new StoredUserData(data.profile(), altered));
        assertThat(report.different()).containsExactly(writes.get(0));
        assertThat(report.missing()).containsExactly(writes.get(2));
        assertThat(report.describe()).contains("DIFFERENT " + writes.get(0).describe() + ": the user's message text differs")
                .contains("MISSING " + writes.get(2).describe() + ": the user's message is missing");
    }

    @Test
    void findsAReplyWhoseTextWasOverwritten() {
        StoredUserData data = stored(writes);
        List<Map<String, Object>> overwritten = data.messages().stream().map(m -> {
            Map<String, Object> copy = new HashMap<>(m);
            if ("reply-2".equals(m.get("messageId"))) {
                copy.put("text", BadRelease.CORRUPTED_TEXT);
            }
            return copy;
        }).toList();
        IntegrityReport report = IntegrityCheck.check("restored", writes, user -> new StoredUserData(data.profile(), overwritten));
        assertThat(report.different()).containsExactly(writes.get(2));
        assertThat(report.describe()).contains("the reply's text differs");
    }

    @Test
    void aMissingProfileIsAFinding() {
        IntegrityReport report = IntegrityCheck.check("restored", writes, user -> new StoredUserData(null, stored(writes).messages()));
        assertThat(report.missing()).containsExactly(writes.get(0));
        assertThat(report.describe()).contains("the user's profile is missing");
    }

    @Test
    void restrictsFindingsToTheWritesOlderThanTheRecoveryPoint() {
        StoredUserData data = stored(writes.subList(0, 2)); // the last write came after the backup: lost, as expected
        IntegrityReport all = IntegrityCheck.check("restored", writes, user -> data);
        Set<AcknowledgedWrite> older = Set.of(writes.get(0), writes.get(1));
        assertThat(all.missing()).containsExactly(writes.get(2));
        assertThat(all.about(older).intact()).isTrue();
        assertThat(all.about(older).checked()).isEqualTo(2);
    }

    @Test
    void theDataLossWindowRunsFromTheOldestLostWriteToTheDisaster() {
        Instant disaster = T0.plusSeconds(5);
        DataLossWindow none = DataLossWindow.of(disaster, T0.plusSeconds(4), writes, Set.of());
        assertThat(none.rpo()).isEqualTo(Duration.ZERO);
        DataLossWindow two = DataLossWindow.of(disaster, T0.plusSeconds(1), writes, Set.of(writes.get(2), writes.get(1)));
        assertThat(two.lost()).containsExactly(writes.get(1), writes.get(2));
        assertThat(two.rpo()).isEqualTo(Duration.between(writes.get(1).acknowledgedAt(), disaster));
    }
}
