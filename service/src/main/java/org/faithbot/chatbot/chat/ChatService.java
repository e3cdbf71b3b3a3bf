package org.faithbot.chatbot.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.faithbot.chatbot.account.ProfileRepository;
import org.faithbot.chatbot.account.UserProfile;
import org.faithbot.chatbot.system.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * One chat turn: makes sure the caller has a profile, stores the user's message, has the reply
 * generated and stores it too.
 */
@Service
public class ChatService {

    private final ProfileRepository profiles;

    private final MessageRepository messages;

    private final ReplyGenerator replies;

    private final RetentionProperties retention;

    private final Clock clock;

    ChatService(ProfileRepository profiles, MessageRepository messages, ReplyGenerator replies,
            RetentionProperties retention, Clock clock) {
        this.profiles = profiles;
        this.messages = messages;
        this.replies = replies;
        this.retention = retention;
        this.clock = clock;
    }

    public ChatTurn chat(CurrentUser user, String text, UUID conversationId) {
        Instant received = now();
        this.profiles.createIfAbsent(new UserProfile(user.userId(), received, user.email(), user.displayName()));
        String conversation = ((conversationId != null) ? conversationId : UUID.randomUUID()).toString();

        Reply reply = this.replies.generate(new ReplyGenerator.ReplyRequest(user.userId(), conversation, text));
        ChatMessage question = new ChatMessage(user.userId(), conversation, UUID.randomUUID().toString(),
                MessageRole.USER, text, null, reply.topic(), received, expiry(received));
        this.messages.save(question);

        Instant answered = later(received);
        ChatMessage answer = new ChatMessage(user.userId(), conversation, UUID.randomUUID().toString(),
                MessageRole.ASSISTANT, reply.text(), reply.scripture().reference(), reply.topic(), answered,
                expiry(answered));
        this.messages.save(answer);
        return new ChatTurn(question, answer, reply);
    }

    private Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Strictly after {@code earlier}, so the answer always sorts after the question. */
    private Instant later(Instant earlier) {
        Instant now = now();
        return now.isAfter(earlier) ? now : earlier.plusMillis(1);
    }

    private Instant expiry(Instant createdAt) {
        return createdAt.plus(this.retention.messages());
    }

    /** The stored question and answer of one turn, with the generated reply. */
    public record ChatTurn(ChatMessage question, ChatMessage answer, Reply reply) {
    }
}
