package org.faithbot.chatbot.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.account.PrivacyChoices;
import org.faithbot.chatbot.account.ProfileRepository;
import org.faithbot.chatbot.account.SaleSharingOptOutService;
import org.faithbot.chatbot.account.UserProfile;
import org.faithbot.chatbot.analytics.AnalyticsPublisher;
import org.faithbot.chatbot.reply.Reply;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.retention.UserRetentionSweeper;
import org.faithbot.chatbot.reply.ReplyGenerator;
import org.faithbot.chatbot.safety.CrisisCategory;
import org.faithbot.chatbot.safety.CrisisResponder;
import org.faithbot.chatbot.safety.Escalation;
import org.faithbot.chatbot.safety.EscalationService;
import org.faithbot.chatbot.scripture.Verse;
import org.faithbot.chatbot.scripture.VerseLibrary;
import org.faithbot.chatbot.system.Ids;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * One chat turn: makes sure the caller has a profile; answers crisis language with the fixed safe
 * reply (and escalates it to the support team), anything else with the reply generator; records the
 * turn in the conversation (creating it when the caller has none of that id: a new one gets a
 * time-ordered id); stores the user's message and the reply; emits the analytics event when the
 * user's choices allow it (never for a crisis turn; a Global Privacy Control signal is recorded as
 * an opt-out); and has the user's expired data swept in the background.
 */
@Service
public class ChatService {

    static final String SOURCE = "chat";

    static final String IDEMPOTENT_OPERATION = "chat";

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    private final ProfileRepository profiles;

    private final MessageRepository messages;

    private final ConversationRepository conversations;

    private final ReplyGenerator replies;

    private final CrisisResponder crisis;

    private final EscalationService escalations;

    private final AnalyticsPublisher analytics;

    private final SaleSharingOptOutService optOuts;

    private final UserRetentionSweeper retentionSweeper;

    private final IdempotencyKeys idempotencyKeys;

    private final VerseLibrary library;

    private final RetentionProperties retention;

    private final MeterRegistry registry;

    private final Clock clock;

    ChatService(ProfileRepository profiles, MessageRepository messages, ConversationRepository conversations,
            ReplyGenerator replies, CrisisResponder crisis, EscalationService escalations,
            AnalyticsPublisher analytics, SaleSharingOptOutService optOuts, UserRetentionSweeper retentionSweeper,
            IdempotencyKeys idempotencyKeys, VerseLibrary library, RetentionProperties retention, MeterRegistry registry,
            Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.library = library;
        this.profiles = profiles;
        this.messages = messages;
        this.conversations = conversations;
        this.replies = replies;
        this.crisis = crisis;
        this.escalations = escalations;
        this.analytics = analytics;
        this.optOuts = optOuts;
        this.retentionSweeper = retentionSweeper;
        this.retention = retention;
        this.registry = registry;
        this.clock = clock;
    }

    public ChatTurn chat(CurrentUser user, String text, @Nullable UUID conversationId) {
        return chat(user, text, conversationId, false, null);
    }

    /**
     * One chat turn. With an idempotency key, a retry of the same request gets the stored reply of the
     * first instead of a second turn (409 while the first is still being answered; 422 when the key
     * was used for another message).
     */
    public ChatTurn chat(CurrentUser user, String text, @Nullable UUID conversationId, boolean globalPrivacyControl,
            @Nullable String idempotencyKey) {
        String conversation = ((conversationId != null) ? conversationId : Ids.timeOrdered(now())).toString();
        if (idempotencyKey == null) {
            return answer(user, text, conversation, globalPrivacyControl);
        }
        IdempotencyKeys.Claim claim = this.idempotencyKeys.claimWithOutcome(user.userId(), IDEMPOTENT_OPERATION,
                idempotencyKey, IdempotencyKeys.fingerprint(String.valueOf(conversationId), text), conversation, now());
        if (!claim.first()) {
            if (claim.outcome() == null) {
                throw ApiProblem.conflict("A request with this Idempotency-Key is still being answered; retry shortly");
            }
            return replay(user.userId(), claim.outcome());
        }
        ChatTurn turn = answer(user, text, claim.resourceId(), globalPrivacyControl);
        this.idempotencyKeys.complete(user.userId(), IDEMPOTENT_OPERATION, idempotencyKey, turn.answer().messageKey());
        return turn;
    }

    private ChatTurn answer(CurrentUser user, String text, String conversation, boolean globalPrivacyControl) {
        Instant received = now();
        ProfileRepository.Ensured profile = this.profiles
            .ensure(new UserProfile(user.userId(), received, user.email(), user.displayName()));
        PrivacyChoices choices = profile.choices();
        if (globalPrivacyControl && !choices.saleSharingOptOut()) {
            this.optOuts.set(user, true, "gpc");
        }

        Optional<CrisisResponder.CrisisReply> crisisReply = this.crisis.respond(text);
        Reply reply = crisisReply.map(CrisisResponder.CrisisReply::reply)
            .orElseGet(() -> this.replies.generate(new ReplyGenerator.ReplyRequest(user.userId(), conversation, text)));
        this.registry.counter("chat.replies", "source", reply.source(), "topic", reply.topic()).increment();

        Instant answered = later(received);
        this.conversations.recordMessages(user.userId(), conversation, title(reply, crisisReply.isPresent()), answered,
                expiry(answered), 2);
        String crisisCategory = crisisReply.map(found -> found.category().name()).orElse(null);
        ChatMessage question = new ChatMessage(user.userId(), conversation, UUID.randomUUID().toString(),
                MessageRole.USER, text, null, reply.topic(), received, expiry(received));
        ChatMessage answer = new ChatMessage(user.userId(), conversation, UUID.randomUUID().toString(),
                MessageRole.ASSISTANT, reply.text(), reply.scripture().reference(), reply.topic(), answered,
                expiry(answered), crisisCategory);
        this.messages.saveAll(List.of(question, answer));

        Escalation escalation = crisisReply.map(found -> escalate(user.userId(), found, conversation)).orElse(null);
        if (crisisReply.isEmpty()) {
            this.analytics.publish(user.userId(), choices, globalPrivacyControl, "chat_turn",
                    Map.of("topic", reply.topic(), "replySource", reply.source()));
        }
        if (profile.created()) {
            // a user new to the service holds nothing old enough to have expired
            this.retentionSweeper.sweptJustNow(user.userId());
        }
        else {
            this.retentionSweeper.sweepSoon(user.userId());
        }
        return new ChatTurn(answer, reply, crisisReply.map(CrisisResponder.CrisisReply::category).orElse(null),
                (escalation != null) ? escalation.escalationId() : null, false);
    }

    /** The turn a repeated request already had: its stored reply, as it was answered. */
    private ChatTurn replay(String userId, String answerKey) {
        ChatMessage answer = this.messages.find(userId, answerKey)
            .orElseThrow(() -> ApiProblem.conflict("The reply of the request with this Idempotency-Key is gone; "
                    + "send the message again with a new key"));
        Verse verse = this.library.verse(String.valueOf(answer.scriptureReference()))
            .orElse(this.library.defaultTopic().verses().getFirst());
        CrisisCategory category = (answer.crisisCategory() != null)
                ? this.crisis.category(answer.crisisCategory()).orElse(null) : null;
        String escalationId = (category != null)
                ? this.escalations.escalationIdOf(userId, SOURCE, answer.conversationId()) : null;
        this.registry.counter("chat.replays").increment();
        return new ChatTurn(answer, new Reply(answer.text(), answer.topic(), verse, "replay"), category, escalationId,
                true);
    }

    /** The safe reply goes out even when the escalation cannot be stored; that failure is logged and counted. */
    private @Nullable Escalation escalate(String userId, CrisisResponder.CrisisReply crisisReply, String conversation) {
        try {
            return this.escalations.raise(userId, crisisReply.category(), SOURCE, conversation);
        }
        catch (RuntimeException ex) {
            log.error("Could not store the escalation of a crisis message: {}", ex.getClass().getSimpleName());
            this.registry.counter("safety.escalations.failed").increment();
            return null;
        }
    }

    /** A new conversation's title names its topic, never a crisis (titles show in lists). */
    static String title(Reply reply, boolean crisis) {
        return crisis ? "A conversation" : "A conversation about " + reply.topic();
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

    /**
     * The stored answer of one turn, with the reply and, for crisis language, its category and
     * escalation; {@code replayed} when it is the answer of an earlier request with the same key.
     */
    public record ChatTurn(ChatMessage answer, Reply reply, @Nullable CrisisCategory crisis,
            @Nullable String escalationId, boolean replayed) {
    }
}
